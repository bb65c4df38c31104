import * as assert from 'node:assert/strict';
import { mappingArn, qualifiedArn, qualifierOfArn, shortResourceName, unqualifiedArn } from '../../../src/shared/arn';

const FN = 'arn:aws:lambda:us-east-1:111111111111:function:hello-world';

describe('shared/arn: function and mapping ARNs', () => {
  it('qualifierOfArn: the qualifier, $LATEST when there is none', () => {
    assert.equal(qualifierOfArn(`${FN}:live`), 'live');
    assert.equal(qualifierOfArn(`${FN}:2`), '2');
    assert.equal(qualifierOfArn(`${FN}:$LATEST`), '$LATEST');
    assert.equal(qualifierOfArn(FN), '$LATEST');
    assert.equal(qualifierOfArn(undefined), '$LATEST');
    assert.equal(qualifierOfArn('hello-world:live'), 'live');
  });

  it('unqualifiedArn / qualifiedArn', () => {
    assert.equal(unqualifiedArn(`${FN}:live`), FN);
    assert.equal(unqualifiedArn(FN), FN);
    assert.equal(unqualifiedArn('hello-world'), 'hello-world');
    assert.equal(qualifiedArn(`${FN}:1`, 'live'), `${FN}:live`);
    assert.equal(qualifiedArn(FN, '$LATEST'), FN);
    assert.equal(qualifiedArn(FN, undefined), FN);
  });

  it('shortResourceName: function (with qualifier), queue, topic, bus, bucket', () => {
    assert.equal(shortResourceName(`${FN}:live`), 'hello-world:live');
    assert.equal(shortResourceName('arn:aws:sqs:us-east-1:1:dlq'), 'dlq');
    assert.equal(shortResourceName('arn:aws:sns:us-east-1:1:alerts'), 'alerts');
    assert.equal(shortResourceName('arn:aws:events:us-east-1:1:event-bus/default'), 'default');
    assert.equal(shortResourceName('arn:aws:s3:::my-bucket'), 'my-bucket');
    assert.equal(shortResourceName(undefined), '');
  });

  it('mappingArn: the one AWS gives, else built from the function ARN', () => {
    assert.equal(mappingArn({ UUID: 'u', EventSourceMappingArn: 'arn:x' }, 'us-east-1'), 'arn:x');
    assert.equal(mappingArn({ UUID: 'u', FunctionArn: FN }, 'us-east-1'), 'arn:aws:lambda:us-east-1:111111111111:event-source-mapping:u');
    assert.equal(mappingArn({ UUID: 'u' }, 'us-east-1'), undefined);
  });
});
