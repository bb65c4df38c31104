import * as assert from 'node:assert/strict';
import { interpose, StepRecorder, summarizeSteps } from '../../bench/host/steps';

describe('bench/host/steps', () => {
  it('sums each step per invocation and says what no step accounts for', () => {
    const r = new StepRecorder();
    r.add('outside any invocation', 5);
    r.begin();
    r.add('read', 1);
    r.add('read', 2);
    r.add('call', 10);
    r.add('lens', 4, true);
    r.end(20);
    r.begin();
    r.add('call', 12);
    r.end(15);
    const f = r.figures({ hostCpuMsPerInvocation: 1, wallMsPerInvocation: 17.5 });
    assert.equal(f.invocations, 2);
    const read = f.steps.find((s) => s.name === 'read')!;
    assert.deepEqual(read.ms, [3, 0]);
    assert.deepEqual(read.calls, [2, 0]);
    assert.deepEqual(f.steps.find((s) => s.name === 'outside any invocation')!.ms, [0, 0]);
    const rows = summarizeSteps(f);
    const rest = rows[rows.length - 1];
    // 20 - (3 + 10) and 15 - 12; the overlapping step is not subtracted.
    assert.equal(rest.medianMs, 5);
    assert.equal(rows.find((x) => x.name === 'lens')!.overlaps, true);
    assert.equal(rows.find((x) => x.name === 'read')!.callsPerInvocation, 1);
  });

  it('stands in for a frozen object: wraps what it is asked to, passes the rest, lists the same keys', () => {
    const original = Object.freeze({
      n: 2,
      twice(x: number) {
        return x * this.n;
      },
    });
    const calls: string[] = [];
    const proxy = interpose(original, (key, value) =>
      key === 'twice' ? (x: number) => (calls.push('twice'), (value as (x: number) => number).call(original, x)) : value,
    );
    assert.equal(proxy.twice(4), 8);
    assert.equal(proxy.n, 2);
    assert.deepEqual(calls, ['twice']);
    assert.deepEqual(Object.keys(proxy).sort(), ['n', 'twice']);
    assert.equal(proxy.twice, proxy.twice);
  });
});
