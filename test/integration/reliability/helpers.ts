/**
 * Shared by the reliability and security integration tests: files generated at test time in
 * the workspace copy, the notifications the extension shows, proof that nothing reached the
 * emulator, the log files VS Code writes for the extension host and its output channels.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InvokeHooks, InvokeOutcome, TestHooks } from '../../../src/api';
import type { Emulator } from '../../emulator';

export const REGION = 'us-east-1';
export const target = (functionName: string, qualifier?: string) => ({ region: REGION, functionName, ...(qualifier ? { qualifier } : {}) });

/** `=== hello-world (us-east-1) · RequestResponse · <ISO> ===` */
export function headerLine(label: string, type = 'RequestResponse'): RegExp {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^=== ${esc} · ${type} · \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z ===$`);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests run with a workspace folder');
  return folder.uri;
}

/**
 * `bad-input/` of the workspace copy (the harness copies test/integration/workspace to a
 * temporary folder): files are generated there at test time and removed by `clean()`.
 */
export class BadInputFolder {
  readonly dir: string;

  constructor(sub = 'bad-input') {
    this.dir = path.join(workspaceRoot().fsPath, sub);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  uri(name: string): vscode.Uri {
    return vscode.Uri.file(path.join(this.dir, name));
  }

  write(name: string, content: string | Uint8Array): vscode.Uri {
    const file = path.join(this.dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return vscode.Uri.file(file);
  }

  clean(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Shown {
  level: 'error' | 'warning' | 'information';
  message: string;
  items: string[];
}

/**
 * The notifications the extension shows (error, warning, information), read from the test
 * hooks (they record every notification that goes through the extension's notifier), from the
 * moment this object is made or cleared.
 */
export class Notifications implements vscode.Disposable {
  private start: number;

  constructor(private readonly api: TestHooks) {
    this.start = api.notifications().length;
  }

  get shown(): Shown[] {
    return this.api
      .notifications()
      .slice(this.start)
      .map((n) => ({ level: n.severity === 'info' ? 'information' : n.severity, message: n.message, items: [...n.actions] }));
  }

  clear(): void {
    this.start = this.api.notifications().length;
  }

  errors(): string[] {
    return this.shown.filter((s) => s.level === 'error').map((s) => s.message);
  }

  /** Waits for an error notification (they are shown without being awaited). */
  async lastError(timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.errors().length === 0) {
      assert.ok(Date.now() < deadline, 'an error notification was shown');
      await sleep(50);
    }
    const e = this.errors();
    return e[e.length - 1];
  }

  dispose(): void {
    // Nothing to undo: the notifications are only read.
  }
}

/** Sets (or, for undefined, removes) environment variables of the extension host; returns what restores them. */
export function setEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = value;
      }
    }
  };
  apply(values);
  return () => apply(saved);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * The listings the views send by themselves (after a refresh or a settings change), and the
 * account read (STS GetCallerIdentity) of a new connection.
 */
const VIEW_LISTINGS = new Set(['ListFunctions', 'ListEventSourceMappings', 'ListVersionsByFunction', 'ListAliases', 'ListFunctionEventInvokeConfigs', 'GetCallerIdentity']);

/**
 * Runs `fn` and proves the emulator received no request meanwhile: none of `operations`, none
 * at all (`'all'`), or, by default, none but the views' own listings. After `fn`, a stray
 * request gets 300 ms to arrive.
 */
export async function nothingSent<T>(emulator: Emulator, fn: () => Thenable<T> | Promise<T>, operations?: string[] | 'all'): Promise<T> {
  const before = emulator.requests.length;
  const result = await fn();
  await sleep(300);
  const sent = emulator.requests.slice(before).filter((r) => (operations === 'all' ? true : operations ? operations.includes(r.operation) : !VIEW_LISTINGS.has(r.operation)));
  assert.deepEqual(
    sent.map((r) => `${r.operation} ${r.method} ${r.path} → ${r.status}`),
    [],
    'the emulator received no request',
  );
  return result;
}

/** Waits until the emulator has had no request for `quietMs` (the views' listings after a settings change are done). */
export async function settled(emulator: Emulator, quietMs = 500, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = emulator.requests.length;
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(50);
    if (emulator.requests.length !== count) {
      count = emulator.requests.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

/**
 * The lines of an invoke outcome without its outcome lines (checked to be the first after the
 * header and the last), checking that they are what the channel got.
 */
export function outcomeLines(invoke: InvokeHooks, o: InvokeOutcome | undefined): string[] {
  assert.ok(o, 'the command returned an outcome');
  assert.ok(invoke.outputs().includes(o.text), 'the outcome is what "Lambda Invocations" got');
  const all = o.text.split('\n');
  assert.equal(all[all.length - 1], all[1], `the outcome is the first line after the header and the last\n${o.text}`);
  return [all[0], ...all.slice(2, -1)];
}

/** The outcome line of a block (✔ / ✖ / ⊘ / ■ and what happened). */
export function outcomeOf(o: InvokeOutcome | undefined): string {
  assert.ok(o, 'the command returned an outcome');
  return o.text.split('\n')[1];
}

export function invokeFile(uri: vscode.Uri, t?: object, options?: object): Thenable<InvokeOutcome | undefined> {
  return vscode.commands.executeCommand<InvokeOutcome | undefined>('lambdaWorkbench.invokeFile', uri, t, options);
}

// ---------------------------------------------------------------------------------------
// Log files

function ancestorsArgs(): string[][] {
  const out: string[][] = [];
  let pid = process.pid;
  for (let i = 0; i < 8 && pid > 1; i++) {
    try {
      out.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
      pid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      break;
    }
  }
  return out;
}

/**
 * The folder where VS Code writes the logs of this window's extension host and its output
 * channels: `<user data>/logs`. The user data folder is code-server's (its IPC socket lives
 * there), or the `--user-data-dir` of a parent process.
 */
export function logsRoot(): string {
  const candidates: string[] = [];
  const socket = process.env.CODE_SERVER_SESSION_SOCKET;
  if (socket) {
    candidates.push(path.join(path.dirname(socket), 'logs'));
  }
  for (const args of ancestorsArgs()) {
    const i = args.indexOf('--user-data-dir');
    const inline = args.find((a) => a.startsWith('--user-data-dir='));
    const dir = i >= 0 ? args[i + 1] : inline?.slice('--user-data-dir='.length);
    if (dir) {
      candidates.push(path.join(dir, 'logs'));
    }
  }
  const found = candidates.find((c) => fs.existsSync(c));
  assert.ok(found, `the logs folder of VS Code was not found (looked at ${candidates.join(', ') || 'nothing'})`);
  return found;
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listFiles(full));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out.sort();
}

/** The file of an output channel: `createOutputChannel(name)` → `output_logging_*\/<n>-<name>.log`; `{ log: true }` → `<extension id>/<name>.log`. */
export function channelFiles(name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return listFiles(logsRoot()).filter((f) => {
    const base = path.basename(f);
    return base === `${name}.log` ? f.includes('lambda-workbench.lambda-workbench') : new RegExp(`^\\d+-${escaped}\\.log$`).test(base);
  });
}

export function readChannel(name: string): string {
  return channelFiles(name)
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('');
}

/** Waits until the channel's file holds `text` (VS Code writes the files in the background). */
export async function waitForChannel(name: string, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = readChannel(name);
    if (typeof text === 'string' ? content.includes(text) : text.test(content)) {
      return content;
    }
    if (Date.now() > deadline) {
      throw new Error(`"${name}" (${channelFiles(name).join(', ') || 'no file'}) does not hold ${String(text)}; it holds:\n${content.slice(-3000)}`);
    }
    await sleep(200);
  }
}
