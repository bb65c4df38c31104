'use strict';

// The only function of the second account (profile "other").
exports.handler = async () => {
  console.log('Hello from account 222222222222');
  return { account: '222222222222', message: 'Hello from the other account' };
};
