import * as assert from 'node:assert/strict';
import {
  explicitQualifier,
  hasFunctionTarget,
  isVersionQualifier,
  normalizeTarget,
  qualifiedName,
  sameTarget,
  targetLabel,
  targetOfArgument,
  toLambdaTarget,
} from '../../../src/shared/lambdaTarget';

describe('shared/lambdaTarget: the one model of a Lambda target', () => {
  it('names a target: $LATEST is the absence of a qualifier', () => {
    assert.equal(targetLabel({ region: 'us-east-1', functionName: 'hello-world', qualifier: 'live' }), 'hello-world:live (us-east-1)');
    assert.equal(targetLabel({ region: 'eu-west-1', functionName: 'f', qualifier: '$LATEST' }), 'f (eu-west-1)');
    assert.equal(targetLabel({ region: 'eu-west-1', functionName: 'f' }), 'f (eu-west-1)');
    assert.equal(qualifiedName({ functionName: 'f', qualifier: '3' }), 'f:3');
    assert.equal(qualifiedName({ functionName: 'f', qualifier: '$LATEST' }), 'f');
    assert.equal(qualifiedName({ functionName: 'f', qualifier: '' }), 'f');
  });

  it('the qualifier to send: none for $LATEST or empty', () => {
    assert.equal(explicitQualifier(undefined), undefined);
    assert.equal(explicitQualifier(''), undefined);
    assert.equal(explicitQualifier('$LATEST'), undefined);
    assert.equal(explicitQualifier('live'), 'live');
    assert.equal(explicitQualifier('2'), '2');
  });

  it('tells versions from aliases', () => {
    assert.equal(isVersionQualifier('12'), true);
    assert.equal(isVersionQualifier('live'), false);
    assert.equal(isVersionQualifier('$LATEST'), false);
    assert.equal(isVersionQualifier(undefined), false);
  });

  it('compares targets: $LATEST and no qualifier are the same; the ARN does not count', () => {
    const a = { region: 'us-east-1', functionName: 'f' };
    assert.equal(sameTarget(a, { ...a, qualifier: '$LATEST', functionArn: 'arn:aws:lambda:us-east-1:1:function:f' }), true);
    assert.equal(sameTarget(a, { ...a, qualifier: 'live' }), false);
    assert.equal(sameTarget(a, { ...a, region: 'eu-west-1' }), false);
    assert.deepEqual(normalizeTarget({ ...a, qualifier: '$LATEST', functionArn: 'arn' }), a);
    assert.deepEqual(normalizeTarget({ ...a, qualifier: 'live', functionArn: 'arn' }), { ...a, qualifier: 'live' });
  });

  it('reads a target from untrusted data, or nothing', () => {
    assert.deepEqual(toLambdaTarget({ region: 'us-east-1', functionName: 'f', qualifier: '$LATEST', extra: 1 }), { region: 'us-east-1', functionName: 'f' });
    assert.deepEqual(toLambdaTarget({ region: 'us-east-1', functionName: 'f', qualifier: 'live', functionArn: 'arn:x' }), { region: 'us-east-1', functionName: 'f', qualifier: 'live', functionArn: 'arn:x' });
    for (const bad of [undefined, null, 'f', [], {}, { region: 'us-east-1' }, { functionName: 'f' }, { region: '', functionName: 'f' }, { region: 1, functionName: 'f' }]) {
      assert.equal(toLambdaTarget(bad), undefined, JSON.stringify(bad));
    }
  });

  it('a command argument: a node carrying a target, or a plain target', () => {
    const node = { functionTarget: { region: 'us-east-1', functionName: 'from-node' } };
    assert.equal(hasFunctionTarget(node), true);
    assert.deepEqual(targetOfArgument(node), node.functionTarget);
    assert.deepEqual(targetOfArgument({ region: 'us-east-1', functionName: 'plain' }), { region: 'us-east-1', functionName: 'plain' });
    assert.equal(targetOfArgument({ fsPath: '/x.json', scheme: 'file' }), undefined);
  });
});
