import * as assert from 'node:assert/strict';
import type { HostResult, SideSample } from '../../bench/host/protocol';
import { logsStreamingFigures } from '../../bench/vscodeFigures';

const result = (build: HostResult['build'], rows: SideSample[]): HostResult => ({ run: 1, mode: 'logs', build, nodeVersion: 'v24', vscodeVersion: '1.139.1', logsStreaming: rows });

describe('bench/vscodeFigures: the logs window', () => {
  it('gives each row the medians, the ratio of the medians and the paired ratio, from the packaged build only', () => {
    const rows = logsStreamingFigures([
      result('packaged', [
        { key: 'fullLog', label: 'full log', extensionMs: [30, 10, 20], bareMs: [10, 10, 20], failures: 0, detail: { logBytes: 996408 } },
        { key: 'streamFirstChunk', label: 'first chunk', extensionMs: [8, 6], bareMs: [4, 4], extensionReceivedMs: [5, 3], failures: 1, firstFailure: 'cut' },
      ]),
      result('development', [{ key: 'tail', label: 'tail', extensionMs: [1], bareMs: [1], failures: 0 }]),
    ]);
    assert.deepEqual(
      rows.map((r) => r.key),
      ['fullLog', 'streamFirstChunk'],
    );
    const [full, first] = rows;
    assert.equal(full.runs, 3);
    assert.equal(full.extensionMedianMs, 20);
    assert.equal(full.bareMedianMs, 10);
    assert.equal(full.ratio, 2);
    // Per-round ratios 3, 1, 1: their median.
    assert.equal(full.pairedRatio, 1);
    assert.deepEqual(full.detail, { logBytes: 996408 });
    assert.equal(full.extensionReceivedMedianMs, undefined);
    assert.equal(first.extensionReceivedMedianMs, 4);
    assert.equal(first.ratio, 1.75);
    assert.equal(first.failures, 1);
    assert.equal(first.firstFailure, 'cut');
  });

  it('a row where nothing came to a figure has no runs and says why', () => {
    const [row] = logsStreamingFigures([result('packaged', [{ key: 'tail', label: 'tail', extensionMs: [], bareMs: [], failures: 1, firstFailure: 'Tail Logs did not start' }])]);
    assert.equal(row.runs, 0);
    assert.ok(Number.isNaN(row.ratio));
    assert.equal(row.firstFailure, 'Tail Logs did not start');
  });
});
