/**
 * The bare AWS SDK inside the extension host, for the floors the extension is compared
 * with: a LambdaClient of the benchmark's own (the repository's node_modules, not the
 * extension's bundle) built with the options the extension uses, and the emulator's
 * control endpoint for the injected latency. Required on first use, never at the entry's
 * load, so that it weighs nothing on the activations the entry times.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';

type LambdaSdk = typeof import('@aws-sdk/client-lambda');

export interface BareOptions {
  region: string;
  profile: string;
  endpoint: string;
}

export function loadSdk(): LambdaSdk {
  // Loading the modules is not part of any timing: the callers time the client and its calls.
  require('@aws-sdk/credential-providers');
  return require('@aws-sdk/client-lambda') as LambdaSdk;
}

/** A new client, as createLambdaClient builds the extension's (region, profile, endpoint, 3 attempts). */
export function bareClient(o: BareOptions): LambdaClient {
  const { LambdaClient } = loadSdk();
  const { fromIni } = require('@aws-sdk/credential-providers') as typeof import('@aws-sdk/credential-providers');
  return new LambdaClient({ region: o.region, profile: o.profile, credentials: fromIni({ profile: o.profile, ignoreCache: true }), endpoint: o.endpoint, maxAttempts: 3 });
}

/** Makes the emulator wait `latencyMs` before answering every call of `operation` (0: no fault). */
export async function setLatency(endpoint: string, operation: string, latencyMs: number): Promise<void> {
  const url = `${endpoint.replace(/\/$/, '')}/__emulator/faults`;
  const res =
    latencyMs > 0
      ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation, latencyMs }) })
      : await fetch(`${url}?operation=${encodeURIComponent(operation)}`, { method: 'DELETE' });
  if (!res.ok) {
    throw new Error(`the emulator refused the latency for ${operation}: ${res.status} ${await res.text()}`);
  }
}
