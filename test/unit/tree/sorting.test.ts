import * as assert from 'node:assert/strict';
import { compareAliases, compareFunctions, compareInvokeConfigs, compareMappings, compareNames, compareQualifiers, compareVersions } from '../../../src/tree/model/sorting';

describe('tree/model/sorting', () => {
  it('names: case-insensitive, numbers by value', () => {
    assert.deepEqual(['b', 'A', 'fn-10', 'fn-2', 'a'].sort(compareNames), ['A', 'a', 'b', 'fn-2', 'fn-10']);
  });

  it('functions by name', () => {
    const fns = [{ FunctionName: 'order-processor' }, { FunctionName: 'Chatty-logger' }, { FunctionName: 'hello-world' }];
    assert.deepEqual(fns.sort(compareFunctions).map((f) => f.FunctionName), ['Chatty-logger', 'hello-world', 'order-processor']);
  });

  it('versions: newest first, by number', () => {
    const vs = [{ Version: '2' }, { Version: '10' }, { Version: '1' }];
    assert.deepEqual(vs.sort(compareVersions).map((v) => v.Version), ['10', '2', '1']);
  });

  it('aliases by name', () => {
    assert.deepEqual([{ Name: 'live' }, { Name: 'canary' }].sort(compareAliases).map((a) => a.Name), ['canary', 'live']);
  });

  it('qualifiers: $LATEST, versions newest first, then aliases', () => {
    assert.deepEqual(['live', '1', '$LATEST', '12', 'canary'].sort(compareQualifiers), ['$LATEST', '12', '1', 'canary', 'live']);
  });

  it('invoke configs by their qualifier', () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:hello-world';
    const cs = [{ FunctionArn: `${arn}:live` }, { FunctionArn: `${arn}:$LATEST` }, { FunctionArn: `${arn}:3` }];
    assert.deepEqual(cs.sort(compareInvokeConfigs).map((c) => c.FunctionArn.split(':').pop()), ['$LATEST', '3', 'live']);
  });

  it('mappings by source name, then function, then UUID', () => {
    const ms = [
      { UUID: '2', EventSourceArn: 'arn:aws:sqs:us-east-1:1:orders-queue', FunctionArn: 'arn:aws:lambda:us-east-1:1:function:b' },
      { UUID: '1', EventSourceArn: 'arn:aws:sqs:us-east-1:1:audit-queue', FunctionArn: 'arn:aws:lambda:us-east-1:1:function:z' },
      { UUID: '3', EventSourceArn: 'arn:aws:sqs:us-east-1:1:orders-queue', FunctionArn: 'arn:aws:lambda:us-east-1:1:function:a' },
      { UUID: '0', EventSourceArn: 'arn:aws:dynamodb:us-east-1:1:table/users/stream/x', FunctionArn: 'arn:aws:lambda:us-east-1:1:function:a' },
    ];
    assert.deepEqual(ms.sort(compareMappings).map((m) => m.UUID), ['1', '3', '2', '0']);
  });
});
