'use strict';

// Callback style: passes an error to the callback. The emulator answers X-Amz-Function-Error: Handled.
exports.handler = (event, context, callback) => {
  console.warn('Charging card', event && event.cardId ? event.cardId : '(none)');
  const err = new Error('Payment declined: card expired');
  err.name = 'PaymentDeclinedError';
  callback(err);
};
