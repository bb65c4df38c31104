import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { busyMs, CallFrame, CpuProfile, hostLocator, summarizeProfile } from '../../bench/profileSummary';

const frame = (functionName: string, url = 'file:///x.js', lineNumber = 0): CallFrame => ({ functionName, url, lineNumber, columnNumber: 0 });

/**
 * root ─ a ─ b            (samples 1 and 2)
 *      │   └ a ─ b        (sample 4: a calls itself)
 *      └ (idle)           (sample 3)
 * Every sample lasts 100 µs.
 */
const profile: CpuProfile = {
  startTime: 0,
  endTime: 400,
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
    { id: 2, callFrame: frame('a'), children: [3, 5] },
    { id: 3, callFrame: frame('b', 'file:///x.js', 5) },
    { id: 4, callFrame: frame('(idle)', '') },
    { id: 5, callFrame: frame('a'), children: [6] },
    { id: 6, callFrame: frame('b', 'file:///x.js', 5) },
  ],
  samples: [3, 3, 4, 6],
  timeDeltas: [0, 100, 100, 100],
};

const plain = (f: CallFrame) => ({ name: f.functionName, where: f.url ? `${f.url}:${f.lineNumber}` : '', category: f.url ? 'code' : 'idle' });

describe('bench/profileSummary', () => {
  it('counts every sample but (idle) as busy', () => {
    assert.equal(busyMs(profile), 0.3);
  });

  it('gives self time to the leaf and inclusive time to each function on the stack once, recursion included', () => {
    const s = summarizeProfile(profile, 3, plain);
    assert.equal(s.busyMs, 0.3);
    assert.equal(s.idleMs, 0.1);
    assert.deepEqual(
      s.topSelf.map((r) => [r.name, r.ms]),
      [['b', 0.3]],
    );
    assert.deepEqual(
      s.topInclusive.map((r) => [r.name, Math.round(r.ms * 1000) / 1000]).sort(),
      [
        ['a', 0.3],
        ['b', 0.3],
      ],
    );
    assert.equal(Math.round(s.topSelf[0].perInvocationMs * 1000) / 1000, 0.1);
    assert.equal(s.topSelf[0].share, 1);
    assert.deepEqual(
      s.categories.map((c) => c.name),
      ['code'],
    );
  });

  it('maps frames of a bundle with a source map back to the source file and line', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
    try {
      fs.mkdirSync(path.join(root, 'dist'));
      fs.writeFileSync(path.join(root, 'dist', 'extension.js'), 'function run() {}\n');
      // Line 1, column 0 of the bundle comes from line 10 of src/invoke/invoker.ts ("AASA": line + 9).
      fs.writeFileSync(path.join(root, 'dist', 'extension.js.map'), JSON.stringify({ version: 3, sources: ['../src/invoke/invoker.ts'], names: [], mappings: 'AASA' }));
      const locate = hostLocator(root, root);
      const url = `file://${path.join(root, 'dist', 'extension.js')}`;
      assert.deepEqual(locate(frame('run', url, 0)), { name: 'run', where: 'src/invoke/invoker.ts:10', category: 'extension: src/invoke' });
      assert.equal(locate(frame('write', '')).category, 'V8 built-ins and native code');
      assert.equal(locate(frame('emit', 'node:events')).category, 'Node.js');
      assert.equal(locate(frame('(garbage collector)', '')).category, 'garbage collection');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
