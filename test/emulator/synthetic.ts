import * as path from 'node:path';
import { DEMO_ACCOUNT, DEMO_REGION } from './constants';
import { SYNTHETIC_DIR_NAME } from './demo';
import { functionsDir } from './paths';
import type { EmulatorStore } from './store';
import { codeInfo, lambdaTimestamp } from './store';

export interface SyntheticOptions {
  region?: string;
  account?: string;
  /** Name prefix (default 'synthetic-fn'): names are PREFIX-00001 ... */
  prefix?: string;
}

const RUNTIMES = ['nodejs20.x', 'nodejs22.x'];
const MEMORY = [128, 256, 512, 1024];
const ARCHS = [['x86_64'], ['arm64']];

/**
 * Adds `count` cheap functions sharing one echo handler. Names are PREFIX-NNNNN from 1 to count;
 * existing names are kept, so seeding 5000 twice still leaves 5000. Returns how many were added.
 */
export function seedSynthetic(store: EmulatorStore, count: number, opts: SyntheticOptions = {}): number {
  const account = opts.account ?? DEMO_ACCOUNT;
  const region = opts.region ?? DEMO_REGION;
  const prefix = opts.prefix ?? 'synthetic-fn';
  const codeDir = path.join(functionsDir(), SYNTHETIC_DIR_NAME);
  const info = codeInfo(codeDir);
  const width = Math.max(5, String(count).length);
  const base = Date.UTC(2026, 0, 1);
  let added = 0;
  for (let i = 1; i <= count; i++) {
    const name = `${prefix}-${String(i).padStart(width, '0')}`;
    if (store.getFunction(account, region, name)) {
      continue;
    }
    store.addFunction(
      {
        name,
        account,
        region,
        codeDir,
        runtime: RUNTIMES[i % RUNTIMES.length],
        handler: 'index.handler',
        memorySize: MEMORY[i % MEMORY.length],
        timeout: 3,
        description: `Synthetic function #${i}`,
        architectures: ARCHS[i % ARCHS.length],
        lastModified: lambdaTimestamp(new Date(base + i * 60_000)),
      },
      { synthetic: true, codeInfo: info },
    );
    added++;
  }
  return added;
}
