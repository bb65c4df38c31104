/*
 * SDK clients of the services beside Lambda, bound to a fixture profile and the emulator, for
 * tests. The CloudWatch Logs client sets `disableHostPrefix`: StartLiveTail's endpoint trait
 * prefixes the host with `stream-`, which does not resolve for 127.0.0.1.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SchemasClient } from '@aws-sdk/client-schemas';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { fixtures } from '../paths';
import type { FixtureProfile } from '../testing';
import type { Emulator } from '../index';

export interface ServiceClientOptions {
  profile?: FixtureProfile;
  region?: string;
  /** Default 1: a test sees each answer, not the SDK's retries. */
  maxAttempts?: number;
}

function config(emu: { endpoint: string }, opts: ServiceClientOptions) {
  const { profile = 'demo', region = 'us-east-1', maxAttempts = 1 } = opts;
  return {
    region,
    endpoint: emu.endpoint,
    maxAttempts,
    credentials: fromIni({ profile, filepath: fixtures.credentialsFile, configFilepath: fixtures.configFile }),
  };
}

export const logsClient = (emu: { endpoint: string }, opts: ServiceClientOptions = {}): CloudWatchLogsClient =>
  new CloudWatchLogsClient({ ...config(emu, opts), disableHostPrefix: true });

export const schemasClient = (emu: { endpoint: string }, opts: ServiceClientOptions = {}): SchemasClient => new SchemasClient(config(emu, opts));

export const stsClient = (emu: { endpoint: string }, opts: ServiceClientOptions = {}): STSClient => new STSClient(config(emu, opts));

/** Between tests: no log data, no ingestion delay, no fault, an empty request record. */
export function resetLogs(emu: Emulator): void {
  emu.store.logs.clear();
  emu.store.logs.ingestionDelayMs = 0;
  emu.faults.clear();
  emu.clearRequests();
}
