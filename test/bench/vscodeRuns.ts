/**
 * Runs host/index.js inside the real VS Code (code-server's extension host, opened by
 * headless Chromium, as the integration tests do), once per window: each window is a new
 * extension host, hence a first activation. Stops the server and the browser at the end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench, testPayload } from '../harness/browser';
import { REPO_ROOT } from '../harness/paths';
import { CodeServer, startCodeServer } from '../harness/server';
import type { TestVSCode } from '../harness/vscode';
import { HostParams, HostResult, PARAMS_FILE, resultFile } from './host/protocol';

export interface VSCodeRunOptions {
  /** The extension's folder (its package.json and dist/), loaded as the development extension. */
  extensionPath: string;
  runs: Array<Omit<HostParams, 'run' | 'payloadFile'>>;
  /** User settings of the test VS Code. */
  settings: Record<string, unknown>;
  /** Environment of the server, inherited by the extension host. */
  env: NodeJS.ProcessEnv;
  /** Contents of the payload file written into the opened folder. */
  payload: string;
  log: (line: string) => void;
}

export interface VSCodeRuns {
  vscode: TestVSCode;
  results: HostResult[];
}

const HOST_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'bench', 'host', 'index');

export async function runInVSCode(o: VSCodeRunOptions): Promise<VSCodeRuns> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-bench-'));
  const folder = path.join(parent, 'workspace');
  fs.mkdirSync(folder);
  const payloadFile = path.join(folder, 'bench-event.json');
  fs.writeFileSync(payloadFile, o.payload);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ settings: o.settings, env: o.env });
    o.log(`VS Code ${server.vscode.vscodeVersion} (code-server ${server.vscode.codeServerVersion}) up in ${server.startupSeconds.toFixed(1)} s`);
    browser = await launchBrowser();
    const results: HostResult[] = [];
    for (let i = 0; i < o.runs.length; i++) {
      const params: HostParams = { ...o.runs[i], run: i + 1, payloadFile };
      fs.writeFileSync(path.join(folder, PARAMS_FILE), JSON.stringify(params, null, 2));
      const timeoutMs = params.mode === 'memory' ? 8 * 60_000 : 2 * 60_000;
      const started = Date.now();
      const code = await runWindow(browser, server, o.extensionPath, folder, timeoutMs, o.log);
      const file = path.join(folder, resultFile(params.run));
      if (!fs.existsSync(file)) {
        throw new Error(`window ${params.run} (${params.mode}) wrote no result (exit code ${code})`);
      }
      const result = JSON.parse(fs.readFileSync(file, 'utf8')) as HostResult;
      if (result.error) {
        throw new Error(`window ${params.run} (${params.mode}) failed in the extension host: ${result.error}`);
      }
      o.log(`window ${params.run} (${params.mode}) done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      results.push(result);
    }
    return { vscode: server.vscode, results };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

/** Opens one workbench window with the entry as its tests; resolves with the exit code. */
/** First lines of the errors already printed: repeats are counted, not printed again. */
const seenErrors = new Map<string, number>();

async function runWindow(browser: Browser, server: CodeServer, extensionPath: string, folder: string, timeoutMs: number, log: (line: string) => void): Promise<number> {
  let finished = false;
  let settle!: (code: number) => void;
  const done = new Promise<number>((resolve) => (settle = resolve));
  const finish = (code: number) => {
    finished = true;
    settle(code);
  };
  const page = await openWorkbench(browser, server, {
    folder,
    payload: testPayload(server, extensionPath, HOST_ENTRY),
    onLog: (type, text) => {
      // Errors only, and none of the shutdown chatter once the run is over.
      if (!finished && type === 'error' && !/getaddrinfo|ENOTFOUND|EAI_AGAIN|authentication provider|\[lifecycle\]/i.test(text)) {
        const first = text.split('\n')[0];
        const seen = seenErrors.get(first) ?? 0;
        seenErrors.set(first, seen + 1);
        if (seen === 0) {
          log(`[VS Code console] ${text}`);
        } else if ([10, 100, 1000].includes(seen + 1)) {
          log(`[VS Code console] ${first} (${seen + 1} times so far)`);
        }
      }
    },
    onExit: (code) => finish(code),
  });
  page.on('crash', () => finish(-1));
  const timer = setTimeout(() => finish(-2), timeoutMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
    await page.context().close().catch(() => undefined);
  }
}
