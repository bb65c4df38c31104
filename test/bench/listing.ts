/**
 * Listing every function of a region: the extension's data layer
 * (`LambdaService.listAllFunctions` from the shipped dist/aws.js) against a bare
 * `paginateListFunctions` loop on a client of its own with the same configuration.
 */
import { LambdaClient, paginateListFunctions } from '@aws-sdk/client-lambda';
import { fromIni } from '@aws-sdk/credential-providers';
import type { EmulatorProcess } from './emulatorClient';
import { interleaved, sideBySide } from './stats';

type AwsBundle = typeof import('../../src/aws');

export const LIST_PAGE_SIZE = 50;

export interface ListingCase {
  functions: number;
  latencyMs: number;
  runs: number;
  pages: number;
  extensionMs: number[];
  sdkMs: number[];
  extensionMedianMs: number;
  sdkMedianMs: number;
  /** extension / bare SDK, medians. */
  ratio: number;
  /** Median of the per-round ratios (see stats.pairedRatio). */
  pairedRatio: number;
  /** pages × injected latency: no client can list faster. */
  lowerBoundMs: number;
}

export interface ListingTarget {
  region: string;
  functions: number;
}

export async function benchListing(opts: {
  aws: AwsBundle;
  emulator: EmulatorProcess;
  profile: string;
  targets: ListingTarget[];
  latencies: number[];
  runs: (latencyMs: number) => number;
  log: (line: string) => void;
}): Promise<ListingCase[]> {
  const { aws, emulator, profile } = opts;
  const cases: ListingCase[] = [];
  for (const target of opts.targets) {
    const connection = { profile, region: target.region, endpoint: emulator.endpoint };
    // The extension's clients: its own cache, as Connection.service() builds them.
    const clients = new aws.ClientCache();
    const service = new aws.LambdaService(connection, clients);
    // The bare client: the options createLambdaClient uses, built here with the SDK.
    const bare = new LambdaClient({
      region: target.region,
      profile,
      credentials: fromIni({ profile, ignoreCache: true }),
      endpoint: emulator.endpoint,
      maxAttempts: 3,
    });
    let extPages = 0;
    let sdkPages = 0;
    const viaExtension = async (): Promise<void> => {
      let pages = 0;
      const all = await service.listAllFunctions({ onPage: () => pages++ });
      check('extension', all.length, target.functions);
      extPages = pages;
    };
    const viaSdk = async (): Promise<void> => {
      const all: unknown[] = [];
      let pages = 0;
      for await (const page of paginateListFunctions({ client: bare, pageSize: LIST_PAGE_SIZE }, {})) {
        all.push(...(page.Functions ?? []));
        pages++;
      }
      check('bare SDK', all.length, target.functions);
      sdkPages = pages;
    };
    try {
      for (const latencyMs of opts.latencies) {
        await emulator.setLatency('ListFunctions', latencyMs);
        const runs = opts.runs(latencyMs);
        opts.log(`listing ${target.functions} functions, ${latencyMs} ms latency per call: ${runs} runs each, interleaved`);
        // One warm-up round where the connections are new; with latency they are warm already.
        const s = await interleaved(runs, latencyMs === 0 ? 1 : 0, viaExtension, viaSdk);
        await emulator.clear();
        if (extPages !== sdkPages) {
          throw new Error(`page counts differ: extension ${extPages}, bare SDK ${sdkPages}`);
        }
        const c = sideBySide(s.a, s.b);
        cases.push({
          functions: target.functions,
          latencyMs,
          runs,
          pages: extPages,
          extensionMs: c.a,
          sdkMs: c.b,
          extensionMedianMs: c.aMedianMs,
          sdkMedianMs: c.bMedianMs,
          ratio: c.ratio,
          pairedRatio: c.pairedRatio,
          lowerBoundMs: extPages * latencyMs,
        });
      }
    } finally {
      await emulator.setLatency('ListFunctions', 0);
      bare.destroy();
      clients.clear();
    }
  }
  return cases;
}

function check(who: string, got: number, expected: number): void {
  if (got !== expected) {
    throw new Error(`${who} listed ${got} functions, expected ${expected}`);
  }
}
