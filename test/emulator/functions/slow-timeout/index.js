'use strict';

// Waits 10 seconds: longer than its 3-second timeout.
exports.handler = async () => {
  console.log('Starting a job that takes 10 seconds');
  await new Promise((resolve) => setTimeout(resolve, 10000));
  console.log('Job finished');
  return { done: true };
};
