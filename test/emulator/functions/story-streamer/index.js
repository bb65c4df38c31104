'use strict';

// Response streaming: one line every 300 ms, sent to the caller as soon as it is written.
const LINES = [
  'Once upon a time, a function wanted to answer before it was done.',
  'It had ten lines to tell and no wish to keep them all to the end.',
  'So it wrote the first one, and the caller read it at once.',
  'Then the second, three hundred milliseconds later.',
  'The caller did not wait for the whole story to begin reading.',
  'Halfway through, the function paused to log its progress.',
  'The lines kept coming, one by one, in order.',
  'Nothing was buffered longer than it had to be.',
  'The last lines arrived about three seconds after the first.',
  'The end.',
];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const every = event && Number.isInteger(event.intervalMs) && event.intervalMs >= 0 ? event.intervalMs : 300;
  responseStream.setContentType('text/plain; charset=utf-8');
  for (const [i, line] of LINES.entries()) {
    responseStream.write(`${line}\n`);
    if (i === 4) {
      console.log('Halfway through the story');
    }
    if (i < LINES.length - 1) {
      await pause(every);
    }
  }
  responseStream.end();
});
