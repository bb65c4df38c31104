'use strict';

// Consumes Kinesis records and reports no failures.
exports.handler = async (event) => {
  const records = event && Array.isArray(event.Records) ? event.Records : [];
  console.log(`Consuming ${records.length} records`);
  return { batchItemFailures: [] };
};
