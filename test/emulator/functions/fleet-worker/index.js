'use strict';

// A worker on Lambda Managed Instances. Its log is not returned with the invocation (no Tail
// logs on a capacity provider): the answer names the CloudWatch Logs stream to read instead.
exports.handler = async (event, context) => {
  const jobs = event && Array.isArray(event.jobs) ? event.jobs : ['resize', 'index', 'notify'];
  for (const [i, job] of jobs.entries()) {
    console.log(`Job ${i + 1}/${jobs.length}: ${job}`);
  }
  return { processed: jobs.length, version: context.functionVersion, logStream: context.logStreamName };
};
