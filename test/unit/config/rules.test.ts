/**
 * Rules the schema cannot express: across fields, or depending on the mapping's event source
 * (GetEventSourceMapping's answer), checked on what the update actually changes.
 */
import * as assert from 'node:assert/strict';
import { STREAM_ONLY_SETTINGS, checkConfigText, eventSourceMappingFile } from '../../../src/config/model';
import type { MappingState } from '../../../src/config/model';
import { STREAM_AND_KAFKA_SETTINGS } from '../../../src/config/model/rules';
import { mskMapping, sqsMapping, streamMapping } from './fixtures';

const INVOKE = 'f.event-invoke-config.json';
const MAPPING = 'm.event-source-mapping.json';

function mappingProblems(file: Record<string, unknown>, current?: MappingState) {
  const text = JSON.stringify({ UUID: current?.UUID ?? 'u', ...file }, null, 2);
  const r = checkConfigText(text, MAPPING, { current });
  return { ...r, text, at: (i = 0) => text.slice(r.problems[i].offset, r.problems[i].offset + r.problems[i].length) };
}

describe('config/rules: event invoke config', () => {
  it('a function name alone is at most 64 characters (256 counts a whole ARN)', () => {
    const ok = checkConfigText(JSON.stringify({ FunctionName: 'a'.repeat(64) }), INVOKE);
    assert.equal(ok.ok, true);
    const r = checkConfigText(JSON.stringify({ FunctionName: 'a'.repeat(65) }), INVOKE);
    assert.equal(r.ok, false);
    assert.match(r.problems[0].message, /65 characters long: a function name is at most 64/);
  });

  it('Qualifier must agree with a qualifier in FunctionName', () => {
    assert.equal(checkConfigText(JSON.stringify({ FunctionName: 'hello-world:live', Qualifier: 'live' }), INVOKE).ok, true);
    const r = checkConfigText(JSON.stringify({ FunctionName: 'hello-world:live', Qualifier: '2' }), INVOKE);
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems[0].path, ['Qualifier']);
    assert.match(r.problems[0].message, /Qualifier "2" differs from the qualifier "live" in FunctionName/);
  });

  it('destinations: a function, queue, topic or event bus; on failure also an S3 bucket', () => {
    const dest = (side: string, arn: string) => checkConfigText(JSON.stringify({ FunctionName: 'f', DestinationConfig: { [side]: { Destination: arn } } }), INVOKE);
    assert.equal(dest('OnFailure', 'arn:aws:s3:::bucket').ok, true);
    assert.equal(dest('OnSuccess', 'arn:aws:events:us-east-1:111111111111:event-bus/default').ok, true);
    const s3 = dest('OnSuccess', 'arn:aws:s3:::bucket');
    assert.equal(s3.ok, false);
    assert.match(s3.problems[0].message, /OnSuccess\.Destination is a "s3" ARN: it must be a Lambda function, an SQS queue, an SNS topic or an EventBridge event bus/);
    assert.equal(dest('OnFailure', 'arn:aws:dynamodb:us-east-1:111111111111:table/t').ok, false);
  });
});

describe('config/rules: event source mapping', () => {
  for (const field of STREAM_ONLY_SETTINGS) {
    it(`${field} on an SQS or an Amazon MSK mapping is an error on the field; on a DynamoDB stream mapping it is fine`, () => {
      const r = mappingProblems({ [field]: 2 }, sqsMapping());
      assert.equal(r.ok, false);
      assert.equal(r.at(), `"${field}"`);
      assert.equal(r.problems[0].message, `${field} applies to Kinesis and DynamoDB streams only; this mapping reads from an Amazon SQS queue (orders-queue). Remove it.`);
      assert.match(mappingProblems({ [field]: 2 }, mskMapping()).problems[0].message, /applies to Kinesis and DynamoDB streams only; this mapping reads from an Amazon MSK cluster \(demo\)/);
      assert.equal(mappingProblems({ [field]: 2 }, streamMapping()).ok, true);
    });
  }

  for (const field of STREAM_AND_KAFKA_SETTINGS) {
    const value = field === 'BisectBatchOnFunctionError' ? true : field === 'MaximumRecordAgeInSeconds' ? 120 : 2;
    it(`${field} on an SQS mapping is an error on the field; on a DynamoDB stream or an Amazon MSK mapping it is fine`, () => {
      const r = mappingProblems({ [field]: value }, sqsMapping());
      assert.equal(r.ok, false);
      assert.equal(r.at(), `"${field}"`);
      assert.equal(r.problems[0].message, `${field} applies to Kinesis, DynamoDB Streams, Amazon MSK and self-managed Apache Kafka mappings only; this mapping reads from an Amazon SQS queue (orders-queue). Remove it.`);
      assert.equal(mappingProblems({ [field]: value }, streamMapping()).ok, true);
      assert.equal(mappingProblems({ [field]: value }, mskMapping()).ok, true);
    });
  }

  it('DestinationConfig on an SQS mapping is an error; a stream takes only an on-failure destination', () => {
    const dc = { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:111111111111:dlq' } };
    assert.match(mappingProblems({ DestinationConfig: dc }, sqsMapping()).problems[0].message, /DestinationConfig applies to Kinesis, DynamoDB Streams, Amazon MSK and self-managed Kafka only/);
    assert.equal(mappingProblems({ DestinationConfig: dc }, streamMapping()).ok, true);
    const onSuccess = mappingProblems({ DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sns:us-east-1:111111111111:t' } } }, streamMapping());
    assert.equal(onSuccess.problems[0].message, 'An event source mapping takes only an on-failure destination: remove DestinationConfig.OnSuccess.');
    assert.equal(onSuccess.at(), '"OnSuccess"');
    assert.equal(mappingProblems({ DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sns:us-east-1:111111111111:t' } } }).ok, false, 'checked without the mapping too');
    assert.equal(mappingProblems({ DestinationConfig: { OnSuccess: { Destination: '' } } }, streamMapping()).ok, true, 'an empty destination removes it');
    const lambda = mappingProblems({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:lambda:us-east-1:111111111111:function:f' } } }, streamMapping());
    assert.match(lambda.problems[0].message, /a mapping sends discarded records to an SQS queue, an SNS topic or an S3 bucket/);
  });

  it('ScalingConfig is for SQS mappings only', () => {
    assert.equal(mappingProblems({ ScalingConfig: { MaximumConcurrency: 5 } }, sqsMapping()).ok, true);
    assert.match(mappingProblems({ ScalingConfig: { MaximumConcurrency: 5 } }, streamMapping()).problems[0].message, /ScalingConfig applies to Amazon SQS mappings only; this mapping reads from a DynamoDB stream \(users\)/);
  });

  it('DocumentDBEventSourceConfig is for DocumentDB mappings only', () => {
    const r = mappingProblems({ DocumentDBEventSourceConfig: { DatabaseName: 'db' } }, sqsMapping());
    assert.match(r.problems[0].message, /DocumentDBEventSourceConfig applies to DocumentDB mappings only/);
    const docdb = sqsMapping({ EventSourceArn: 'arn:aws:rds:us-east-1:111111111111:cluster:docs' });
    assert.equal(mappingProblems({ DocumentDBEventSourceConfig: { DatabaseName: 'db' } }, docdb).ok, true);
  });

  describe('BatchSize > 10 needs MaximumBatchingWindowInSeconds >= 1 (SQS and streams)', () => {
    it('SQS: BatchSize 11 with the current window 0 → error on BatchSize', () => {
      const r = mappingProblems({ BatchSize: 11 }, sqsMapping());
      assert.equal(r.ok, false);
      assert.equal(r.at(), '11');
      assert.equal(r.problems[0].message, 'BatchSize 11 needs MaximumBatchingWindowInSeconds of at least 1 for an Amazon SQS queue (it would be 0): set MaximumBatchingWindowInSeconds to 1–300, or BatchSize to 10 or less.');
    });
    it('SQS: BatchSize 11 with a window of 1 in the file, or already on the mapping → fine', () => {
      assert.equal(mappingProblems({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 }, sqsMapping()).ok, true);
      assert.equal(mappingProblems({ BatchSize: 11 }, sqsMapping({ MaximumBatchingWindowInSeconds: 5 })).ok, true);
      assert.equal(mappingProblems({ BatchSize: 10 }, sqsMapping()).ok, true);
    });
    it('stream: setting the window to 0 while BatchSize is 100 → error on the window', () => {
      const r = mappingProblems({ MaximumBatchingWindowInSeconds: 0 }, streamMapping());
      assert.equal(r.ok, false);
      assert.equal(r.at(), '0');
      assert.match(r.problems[0].message, /BatchSize 100 needs MaximumBatchingWindowInSeconds of at least 1 for a DynamoDB stream/);
    });
    it('a prefilled file that leaves BatchSize and the window as they are is not blamed for them', () => {
      const current = streamMapping({ MaximumBatchingWindowInSeconds: 0 });
      const file = JSON.parse(eventSourceMappingFile(current)) as Record<string, unknown>;
      file.ParallelizationFactor = 4;
      const r = checkConfigText(JSON.stringify(file), MAPPING, { current });
      assert.equal(r.ok, true, JSON.stringify(r.problems));
    });
    it('another source (Kafka) is not concerned', () => {
      assert.equal(mappingProblems({ BatchSize: 500 }, sqsMapping({ EventSourceArn: 'arn:aws:kafka:us-east-1:111111111111:cluster/demo/abc' })).ok, true);
    });
  });

  it('an SQS FIFO queue takes at most 10 records a batch, whatever the window', () => {
    const fifo = sqsMapping({ EventSourceArn: 'arn:aws:sqs:us-east-1:111111111111:orders.fifo' });
    const r = mappingProblems({ BatchSize: 11, MaximumBatchingWindowInSeconds: 5 }, fifo);
    assert.equal(r.ok, false);
    assert.equal(r.problems[0].message, 'BatchSize is 11: the FIFO queue orders.fifo takes at most 10 records a batch.');
    assert.equal(mappingProblems({ BatchSize: 10 }, fifo).ok, true);
  });

  it('a filter pattern must be a JSON object written as a string (checked without the mapping)', () => {
    const r = mappingProblems({ FilterCriteria: { Filters: [{ Pattern: '{"a": [1]}' }, { Pattern: 'status = ready' }] } });
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems[0].path, ['FilterCriteria', 'Filters', 1, 'Pattern']);
    assert.match(r.problems[0].message, /^FilterCriteria\.Filters\[1\]\.Pattern must be a JSON object/);
  });

  it('without the current mapping only the rules that need nothing else apply', () => {
    assert.equal(mappingProblems({ MaximumRetryAttempts: 2, BatchSize: 500 }).ok, true);
  });
});
