'use strict';

// Uses the JSON log format: each console call becomes a JSON line.
exports.handler = async (event) => {
  console.log('Audit event received');
  console.info(`Records: ${event && Array.isArray(event.Records) ? event.Records.length : 0}`);
  console.warn('Audit retention is 30 days');
  console.debug('Debug lines are dropped at the INFO application log level');
  console.error('Example error line for the log viewer');
  return { logged: 4 };
};
