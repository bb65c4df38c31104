'use strict';

// Streams three parts, then throws: the caller gets the parts, then the error.
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain; charset=utf-8');
  for (let part = 1; part <= 3; part++) {
    responseStream.write(`Part ${part} of 5\n`);
    await pause(100);
  }
  console.log('About to fail after part 3');
  throw new Error('The stream broke after part 3');
});
