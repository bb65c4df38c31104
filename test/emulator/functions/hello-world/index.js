'use strict';

// Greets the caller by name and echoes the event back.
exports.handler = async (event) => {
  const name = event && typeof event.name === 'string' && event.name ? event.name : 'World';
  console.log(`Saying hello to ${name}`);
  return { message: `Hello, ${name}!`, input: event };
};
