/*
 * Helpers for tests that talk to the emulator: SDK clients bound to the fixture profiles, and
 * raw signed requests (signed by @smithy/signature-v4, the SDK's own signer) for what the SDK
 * cannot send.
 */
import { LambdaClient, LambdaClientConfig } from '@aws-sdk/client-lambda';
import { fromIni } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';
import * as assert from 'node:assert/strict';
import { createHash, createHmac, Hash, Hmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Emulator, EmulatorOptions, FunctionDefinition, FunctionRecord } from './index';
import { startEmulator } from './index';
import { fixtures } from './paths';

export type FixtureProfile = 'demo' | 'other' | 'default' | 'unknown';

/** A Lambda client for a fixture profile (credentials from the fixture files, endpoint = emulator). */
export function lambdaClient(
  emu: { endpoint: string },
  opts: { profile?: FixtureProfile; region?: string; maxAttempts?: number } & Partial<LambdaClientConfig> = {},
): LambdaClient {
  const { profile = 'demo', region = 'us-east-1', maxAttempts = 1, ...rest } = opts;
  return new LambdaClient({
    region,
    endpoint: emu.endpoint,
    maxAttempts,
    credentials: fromIni({ profile, filepath: fixtures.credentialsFile, configFilepath: fixtures.configFile }),
    ...rest,
  });
}

export interface SuiteEmulator {
  readonly emu: Emulator;
  readonly lambda: LambdaClient;
  /** Adds a function (us-east-1, demo account) whose index.js is `source`, in a folder removed after the suite. */
  addCodeFunction(name: string, source: string, def?: Partial<FunctionDefinition>): FunctionRecord;
}

/**
 * Starts an emulator (and a demo-profile client) before the Mocha suite it is called in, and
 * stops both after it. Read `emu` and `lambda` inside the tests.
 */
export function emulatorForSuite(opts?: EmulatorOptions): SuiteEmulator {
  let tmp: string | undefined;
  const suite = {
    addCodeFunction(name: string, source: string, def: Partial<FunctionDefinition> = {}): FunctionRecord {
      tmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-emulator-'));
      const codeDir = path.join(tmp, name);
      fs.mkdirSync(codeDir);
      fs.writeFileSync(path.join(codeDir, 'index.js'), source);
      return suite.emu.store.addFunction({ ...def, name, codeDir });
    },
  } as SuiteEmulator & { emu: Emulator; lambda: LambdaClient };
  before(async () => {
    suite.emu = await startEmulator(opts);
    suite.lambda = lambdaClient(suite.emu);
  });
  after(async () => {
    suite.lambda?.destroy();
    await suite.emu?.stop();
    if (tmp) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
  return suite;
}

/** A Lambda client with static keys. */
export function staticClient(emu: { endpoint: string }, accessKeyId: string, secretAccessKey: string, region = 'us-east-1', maxAttempts = 1): LambdaClient {
  return new LambdaClient({ region, endpoint: emu.endpoint, maxAttempts, credentials: { accessKeyId, secretAccessKey } });
}

class NodeSha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    if (secret === undefined) {
      this.h = createHash('sha256');
    } else {
      const key = typeof secret === 'string' ? secret : Buffer.from(ArrayBuffer.isView(secret) ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength) : new Uint8Array(secret));
      this.h = createHmac('sha256', key);
    }
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset(): void {
    /* single use */
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json?: unknown;
}

/**
 * Sends a request signed with SigV4 for Lambda (or `req.service`). `tamper` may change the signed request before it
 * is sent (to prove that the emulator checks signatures).
 */
export async function signedRequest(
  endpoint: string,
  req: { method: string; path: string; query?: Record<string, string>; body?: string; headers?: Record<string, string>; service?: string },
  creds: { accessKeyId: string; secretAccessKey: string },
  region = 'us-east-1',
  tamper?: (r: { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body?: string }) => void,
): Promise<RawResponse> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: req.service ?? 'lambda', region, credentials: creds, sha256: NodeSha256 });
  const headers: Record<string, string> = { host: url.host, 'content-type': 'application/json', ...(req.headers ?? {}) };
  const signed = await signer.sign({
    method: req.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: req.path,
    query: req.query ?? {},
    headers,
    body: req.body,
  });
  const out = {
    method: signed.method,
    path: signed.path,
    query: { ...(signed.query as Record<string, string>) },
    headers: { ...(signed.headers as Record<string, string>) },
    body: req.body,
  };
  tamper?.(out);
  return rawRequest(endpoint, out);
}

/** Sends an unsigned request. */
export async function rawRequest(
  endpoint: string,
  req: { method: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const qs = new URLSearchParams(req.query ?? {}).toString().replace(/\+/g, '%20');
  const headers = { ...(req.headers ?? {}) };
  delete headers.host;
  const res = await fetch(`${endpoint}${req.path}${qs ? `?${qs}` : ''}`, { method: req.method, headers, body: req.body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const h: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    h[k] = v;
  });
  return { status: res.status, headers: h, text, json };
}

export type SdkError = Error & { $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }; [k: string]: unknown };

/** Asserts that `p` rejects with a typed Lambda error of this name and HTTP status; returns it. */
export async function expectLambdaError(p: Promise<unknown>, name: string, status: number, message?: RegExp | string): Promise<SdkError> {
  let caught: SdkError | undefined;
  try {
    await p;
  } catch (e) {
    caught = e as SdkError;
  }
  assert.ok(caught, `expected ${name} (${status}), but the call succeeded`);
  assert.equal(caught.name, name, `expected ${name}, got ${caught.name}: ${caught.message}`);
  assert.equal(caught.$metadata?.httpStatusCode, status);
  if (typeof message === 'string') {
    assert.ok(caught.message.includes(message), `message "${caught.message}" does not contain "${message}"`);
  } else if (message) {
    assert.match(caught.message, message);
  }
  return caught;
}

/** Text of an SDK Invoke payload. */
export const payloadText = (p: Uint8Array | undefined): string => (p ? Buffer.from(p).toString('utf8') : '');

/** Decoded X-Amz-Log-Result. */
export const logText = (b64: string | undefined): string => (b64 ? Buffer.from(b64, 'base64').toString('utf8') : '');
