import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_ACCOUNT, DEMO_MAPPINGS, DEMO_REGION, EU_REGION } from './constants';
import { functionsDir } from './paths';
import type { EmulatorStore, FunctionDefinition, MappingSettings } from './store';
import type { Cors, FunctionUrlAuthType, InvokeMode } from '@aws-sdk/client-lambda';
import { functionArn } from './store';

/** function.json of a demo function: its configuration plus versions, aliases, event invoke configs and URLs. */
export interface FunctionJson extends Omit<FunctionDefinition, 'name' | 'codeDir'> {
  versions?: { description?: string; lastModified?: string }[];
  /** Publishes `$LATEST.PUBLISHED` (Lambda Managed Instances functions, as the console does). */
  latestPublished?: { description?: string; lastModified?: string };
  functionUrls?: { qualifier?: string; authType?: FunctionUrlAuthType; invokeMode?: InvokeMode; cors?: Cors; creationTime?: string }[];
  aliases?: { name: string; functionVersion: string; description?: string; additionalVersionWeights?: Record<string, number> }[];
  eventInvokeConfigs?: {
    qualifier: string;
    maximumRetryAttempts?: number;
    maximumEventAgeInSeconds?: number;
    onSuccess?: string;
    onFailure?: string;
    lastModified?: number;
  }[];
}

/** Folder of the shared handler of synthetic functions (not a demo function). */
export const SYNTHETIC_DIR_NAME = '_synthetic-echo';

/** Names of the demo functions per account and region (a contract for tests). */
export const DEMO_FUNCTIONS = {
  [DEMO_ACCOUNT]: {
    [DEMO_REGION]: [
      'broken-streamer',
      'bulk-streamer',
      'chatty-logger',
      'fleet-worker',
      'handled-error',
      'hello-world',
      'html-streamer',
      'i18n-greeter',
      'json-logger',
      'order-processor',
      'order-workflow',
      'plain-printer',
      'report-builder',
      'slow-timeout',
      'story-streamer',
      'tenant-notes',
    ],
    [EU_REGION]: ['eu-image-resizer', 'eu-stream-consumer'],
  },
  '222222222222': {
    [DEMO_REGION]: ['other-account-fn'],
  },
} as const;

/** How long the demo mapping audit-queue stays Creating after start. */
export const AUDIT_QUEUE_CREATING_MS = 60_000;

const MAPPING_EPOCH = Date.UTC(2026, 0, 12, 8, 30, 0) / 1000;

export function loadFunctionJson(dir: string): FunctionJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'function.json'), 'utf8')) as FunctionJson;
}

/** Loads every demo function (test/emulator/functions/<name>/function.json) with its versions and aliases. */
export function seedDemoFunctions(store: EmulatorStore): void {
  const root = functionsDir();
  const names = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && fs.existsSync(path.join(root, e.name, 'function.json')))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const dir = path.join(root, name);
    const json = loadFunctionJson(dir);
    const { versions, aliases, eventInvokeConfigs, latestPublished, functionUrls, ...config } = json;
    const fn = store.addFunction({ ...config, name, codeDir: dir });
    // Deterministic revision ids keep the demo data stable between runs.
    fn.latest.revisionId = stableUuid(`${fn.arn}:$LATEST`);
    for (const v of versions ?? []) {
      const rec = store.publishVersion(fn, v.description, true);
      rec.config.revisionId = stableUuid(`${fn.arn}:${rec.version}`);
      if (v.lastModified) {
        rec.config.lastModified = v.lastModified;
      }
    }
    for (const a of aliases ?? []) {
      const alias = store.putAlias(fn, {
        name: a.name,
        functionVersion: a.functionVersion,
        description: a.description ?? '',
        routing: a.additionalVersionWeights,
      });
      alias.revisionId = stableUuid(`${fn.arn}:alias:${a.name}`);
    }
    if (latestPublished) {
      const rec = store.publishVersion(fn, latestPublished.description, true, 'LATEST_PUBLISHED');
      rec.config.revisionId = stableUuid(`${fn.arn}:$LATEST.PUBLISHED`);
      if (latestPublished.lastModified) {
        rec.config.lastModified = latestPublished.lastModified;
      }
    }
    for (const c of eventInvokeConfigs ?? []) {
      store.putEventInvokeConfig(fn, { ...c });
    }
    for (const u of functionUrls ?? []) {
      store.putFunctionUrl(fn, u);
    }
  }
}

function stableUuid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const sqsDefaults = (batchSize: number): MappingSettings => ({
  BatchSize: batchSize,
  MaximumBatchingWindowInSeconds: 0,
  FunctionResponseTypes: [],
});

const streamDefaults = (batchSize: number, startingPosition: string): MappingSettings => ({
  BatchSize: batchSize,
  MaximumBatchingWindowInSeconds: batchSize > 10 ? 1 : 0,
  StartingPosition: startingPosition,
  ParallelizationFactor: 1,
  MaximumRecordAgeInSeconds: -1,
  BisectBatchOnFunctionError: false,
  MaximumRetryAttempts: -1,
  TumblingWindowInSeconds: 0,
  DestinationConfig: { OnFailure: {} },
  FunctionResponseTypes: [],
});

/** The four demo event source mappings (fixed UUIDs in DEMO_MAPPINGS). */
export function seedDemoMappings(store: EmulatorStore, auditQueueCreatingMs = AUDIT_QUEUE_CREATING_MS): void {
  const a = DEMO_ACCOUNT;
  store.addMapping({
    uuid: DEMO_MAPPINGS.ordersQueue,
    account: a,
    region: DEMO_REGION,
    eventSourceArn: `arn:aws:sqs:${DEMO_REGION}:${a}:orders-queue`,
    functionArn: functionArn(DEMO_REGION, a, 'order-processor'),
    state: 'Enabled',
    lastModified: MAPPING_EPOCH,
    lastProcessingResult: 'OK',
    settings: sqsDefaults(10),
  });
  store.addMapping({
    uuid: DEMO_MAPPINGS.usersStream,
    account: a,
    region: DEMO_REGION,
    eventSourceArn: `arn:aws:dynamodb:${DEMO_REGION}:${a}:table/users/stream/2026-01-01T00:00:00.000`,
    functionArn: functionArn(DEMO_REGION, a, 'hello-world'),
    state: 'Enabled',
    lastModified: MAPPING_EPOCH + 60,
    lastProcessingResult: 'OK',
    settings: streamDefaults(100, 'LATEST'),
  });
  store.addMapping({
    uuid: DEMO_MAPPINGS.clickstream,
    account: a,
    region: EU_REGION,
    eventSourceArn: `arn:aws:kinesis:${EU_REGION}:${a}:stream/clickstream`,
    functionArn: functionArn(EU_REGION, a, 'eu-stream-consumer'),
    state: 'Disabled',
    lastModified: MAPPING_EPOCH + 120,
    lastProcessingResult: 'No records processed',
    settings: streamDefaults(100, 'TRIM_HORIZON'),
  });
  store.addMapping({
    uuid: DEMO_MAPPINGS.auditQueue,
    account: a,
    region: DEMO_REGION,
    eventSourceArn: `arn:aws:sqs:${DEMO_REGION}:${a}:audit-queue`,
    functionArn: functionArn(DEMO_REGION, a, 'json-logger'),
    state: 'Creating',
    lastModified: Date.now() / 1000,
    lastProcessingResult: 'No records processed',
    settings: sqsDefaults(10),
  });
  store.transitionMapping(DEMO_MAPPINGS.auditQueue, 'Creating', 'Enabled', auditQueueCreatingMs);
}

export function seedDemo(store: EmulatorStore): void {
  seedDemoFunctions(store);
  seedDemoMappings(store);
}
