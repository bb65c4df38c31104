import * as assert from 'node:assert/strict';
import { nameMatcher, normalizeFilter } from '../../../src/tree/model/filter';
import { FUNCTION_GROUPS, groupBy, topLevelLayout } from '../../../src/tree/model/grouping';
import { nodeIds } from '../../../src/tree/model/ids';

describe('tree/model/filter', () => {
  it('normalizes: trimmed, empty is no filter', () => {
    assert.equal(normalizeFilter('  order '), 'order');
    assert.equal(normalizeFilter('   '), undefined);
    assert.equal(normalizeFilter(undefined), undefined);
  });

  it('matches a case-insensitive substring', () => {
    const m = nameMatcher('Order');
    assert.ok(m);
    assert.equal(m('order-processor'), true);
    assert.equal(m('my-ORDERS'), true);
    assert.equal(m('hello-world'), false);
    assert.equal(m(undefined), false);
    assert.equal(nameMatcher(''), undefined);
  });
});

describe('tree/model/grouping', () => {
  it('one region: flat; several: region nodes', () => {
    assert.equal(topLevelLayout(['us-east-1']), 'flat');
    assert.equal(topLevelLayout(['us-east-1', 'eu-west-1']), 'regions');
  });

  it('function children in a fixed order', () => {
    assert.deepEqual(FUNCTION_GROUPS, ['versions', 'aliases', 'invokeConfigs', 'mappings']);
  });

  it('groupBy keeps first-seen order', () => {
    const g = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    assert.deepEqual([...g.keys()], ['b', 'a', 'c']);
    assert.deepEqual(g.get('a'), ['a1', 'a2']);
  });
});

describe('tree/model/ids', () => {
  it('are stable per (region, ARN) and distinct per kind', () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:hello-world';
    const fn = nodeIds.function('us-east-1', arn);
    assert.equal(fn, nodeIds.function('us-east-1', arn));
    assert.notEqual(fn, nodeIds.function('us-east-1', arn.replace('111111111111', '222222222222')));
    const versions = nodeIds.group(fn, 'versions');
    const ids = [fn, versions, nodeIds.group(fn, 'aliases'), nodeIds.child(versions, '1'), nodeIds.tail(versions, 'empty'), nodeIds.region('us-east-1'), nodeIds.root('us-east-1'), nodeIds.mapping('us-east-1', 'u')];
    assert.equal(new Set(ids).size, ids.length);
  });
});
