import * as assert from 'node:assert/strict';
import { consoleUrl, eventSourceKind, functionNameOf, isStreamSource, parseArn, shortSourceName } from '../../../src/shared/arn';

describe('shared/arn', () => {
  describe('parseArn', () => {
    it('splits a function ARN and keeps the qualifier in the resource', () => {
      assert.deepEqual(parseArn('arn:aws:lambda:us-east-1:111111111111:function:hello-world:live'), {
        partition: 'aws',
        service: 'lambda',
        region: 'us-east-1',
        account: '111111111111',
        resource: 'function:hello-world:live',
      });
    });

    it('reads other partitions and services', () => {
      const arn = parseArn('arn:aws-cn:dynamodb:cn-north-1:1:table/users/stream/2026-01-01T00:00:00.000');
      assert.equal(arn?.partition, 'aws-cn');
      assert.equal(arn?.service, 'dynamodb');
      assert.equal(arn?.resource, 'table/users/stream/2026-01-01T00:00:00.000');
    });

    it('rejects what is not an ARN', () => {
      assert.equal(parseArn('hello-world'), undefined);
      assert.equal(parseArn('arn:aws:lambda'), undefined);
      assert.equal(parseArn('urn:aws:lambda:us-east-1:1:function:x'), undefined);
    });
  });

  describe('eventSourceKind / isStreamSource', () => {
    it('knows the kinds of sources', () => {
      assert.equal(eventSourceKind('arn:aws:sqs:us-east-1:1:orders-queue'), 'sqs');
      assert.equal(eventSourceKind('arn:aws:kinesis:eu-west-1:1:stream/clickstream'), 'kinesis');
      assert.equal(eventSourceKind('arn:aws:dynamodb:us-east-1:1:table/users/stream/x'), 'dynamodb');
      assert.equal(eventSourceKind('arn:aws:kafka:us-east-1:1:cluster/demo/abc'), 'kafka');
      assert.equal(eventSourceKind('arn:aws:mq:us-east-1:1:broker:b:id'), 'mq');
      assert.equal(eventSourceKind('arn:aws:rds:us-east-1:1:cluster:docs'), 'docdb');
      assert.equal(eventSourceKind(undefined), 'other');
      assert.equal(eventSourceKind('not an arn'), 'other');
    });

    it('treats Kinesis and DynamoDB streams as streams, SQS not', () => {
      assert.equal(isStreamSource('arn:aws:kinesis:eu-west-1:1:stream/clickstream'), true);
      assert.equal(isStreamSource('arn:aws:dynamodb:us-east-1:1:table/users/stream/x'), true);
      assert.equal(isStreamSource('arn:aws:sqs:us-east-1:1:orders-queue'), false);
    });
  });

  describe('shortSourceName', () => {
    it('gives the queue, the stream or the table', () => {
      assert.equal(shortSourceName('arn:aws:sqs:us-east-1:111111111111:orders-queue'), 'orders-queue');
      assert.equal(shortSourceName('arn:aws:kinesis:eu-west-1:111111111111:stream/clickstream'), 'clickstream');
      assert.equal(shortSourceName('arn:aws:dynamodb:us-east-1:111111111111:table/users/stream/2026-11-22T13:00:00.000'), 'users');
      assert.equal(shortSourceName('arn:aws:kafka:us-east-1:1:cluster/demo/abc-1'), 'demo');
    });

    it('falls back to the last segment, the input, or nothing', () => {
      assert.equal(shortSourceName('arn:aws:sns:us-east-1:1:topic-name'), 'topic-name');
      assert.equal(shortSourceName('not-an-arn'), 'not-an-arn');
      assert.equal(shortSourceName(undefined), '');
    });
  });

  describe('functionNameOf', () => {
    it('reads names, name:qualifier, partial and full ARNs', () => {
      assert.equal(functionNameOf('hello-world'), 'hello-world');
      assert.equal(functionNameOf('hello-world:live'), 'hello-world');
      assert.equal(functionNameOf('111111111111:function:hello-world'), 'hello-world');
      assert.equal(functionNameOf('arn:aws:lambda:us-east-1:111111111111:function:hello-world'), 'hello-world');
      assert.equal(functionNameOf('arn:aws:lambda:us-east-1:111111111111:function:hello-world:2'), 'hello-world');
    });
  });

  describe('consoleUrl', () => {
    it('links a function, a version, an alias and a mapping', () => {
      const base = 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1';
      assert.equal(consoleUrl({ kind: 'function', region: 'us-east-1', name: 'hello-world' }), `${base}#/functions/hello-world`);
      assert.equal(consoleUrl({ kind: 'function', region: 'us-east-1', name: 'hello-world', qualifier: '$LATEST' }), `${base}#/functions/hello-world`);
      assert.equal(consoleUrl({ kind: 'function', region: 'us-east-1', name: 'hello-world', qualifier: '2' }), `${base}#/functions/hello-world/versions/2`);
      assert.equal(consoleUrl({ kind: 'function', region: 'us-east-1', name: 'hello-world', qualifier: 'live' }), `${base}#/functions/hello-world/aliases/live`);
      assert.equal(consoleUrl({ kind: 'mapping', region: 'us-east-1', uuid: 'u-1' }), `${base}#/eventSourceMappings/u-1`);
    });

    it('uses the console of the partition', () => {
      assert.match(consoleUrl({ kind: 'function', region: 'cn-north-1', name: 'f' }, 'aws-cn'), /^https:\/\/cn-north-1\.console\.amazonaws\.cn\//);
      assert.match(consoleUrl({ kind: 'function', region: 'us-gov-west-1', name: 'f' }, 'aws-us-gov'), /^https:\/\/us-gov-west-1\.console\.amazonaws-us-gov\.com\//);
    });
  });
});
