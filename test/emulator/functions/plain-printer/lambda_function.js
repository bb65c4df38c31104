'use strict';

// Stands in for a Python function: print() writes plain lines to stdout, without the time,
// request id and level the Node.js console adds (the emulator runs every handler with Node.js).
const print = (...args) => process.stdout.write(`${args.join(' ')}\n`);

exports.lambda_handler = async (event) => {
  const count = event && Number.isInteger(event.lines) && event.lines > 0 ? event.lines : 5;
  for (let i = 1; i <= count; i++) {
    print(`printed line ${i} of ${count}`);
  }
  process.stdout.write('a line written in two ');
  process.stdout.write('pieces\n');
  return { printed: count + 1 };
};
