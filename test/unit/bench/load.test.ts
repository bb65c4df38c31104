import * as assert from 'node:assert/strict';
import { busyThreshold, isClean, loadBefore } from '../../bench/load';

describe('bench/load', () => {
  it('calls a run clean up to a load of half the CPUs before it', () => {
    assert.equal(busyThreshold(2), 1);
    assert.equal(isClean(1, 2), true);
    assert.equal(isClean(1.01, 2), false);
    assert.equal(isClean(3.9, 8), true);
    assert.equal(isClean(NaN, 2), false);
  });

  it('takes the load scripts/bench.sh read before the build, else the load now', () => {
    assert.deepEqual(loadBefore({ BENCH_LOAD_BEFORE: '2.47' }), { value: 2.47, at: 'bench.sh' });
    assert.equal(loadBefore({ BENCH_LOAD_BEFORE: '' }).at, 'runner');
    assert.equal(loadBefore({}).at, 'runner');
  });
});
