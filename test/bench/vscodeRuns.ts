/**
 * Runs host/index.js inside the real VS Code (code-server's extension host, opened by
 * headless Chromium, as the integration tests do), once per window: each window is a new
 * extension host, hence a first activation, and opens a folder of its own (so that no
 * window inherits the view state of the one before). The minimal extension is installed in
 * the server, so it is loaded in the same windows. Answers the host's rendezvous requests
 * (see host/protocol.ts): watching the page for the first drawn row, profiling the page.
 * Stops the server and the browser at the end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, testPayload } from '../harness/browser';
import { REPO_ROOT } from '../harness/paths';
import { CodeServer, startCodeServer } from '../harness/server';
import type { TestVSCode } from '../harness/vscode';
import { ackFile, HostParams, HostResult, PageProfile, PARAMS_FILE, RENDEZVOUS_CLOSE, RENDEZVOUS_OPEN, RendezvousRequest, resultFile } from './host/protocol';
import { busyMs, CpuProfile } from './profileSummary';

export const PAGE_PROFILE_FILE = 'profile-invoke-page.cpuprofile';

export interface VSCodeWindow {
  /** The extension's folder (its package.json and dist/), loaded as the development extension. */
  extensionPath: string;
  /** The window's parameters, given its folder (the payload files are there). */
  params: (folder: string, run: number) => HostParams;
}

export interface VSCodeRunOptions {
  windows: VSCodeWindow[];
  /** Extensions installed in the server beside the one under test (the minimal extension). */
  installed: string[];
  /** User settings of the test VS Code. */
  settings: Record<string, unknown>;
  /** Environment of the server, inherited by the extension host. */
  env: NodeJS.ProcessEnv;
  /** Files written into every window's folder (name → contents). */
  files: Record<string, string>;
  /** Where the page's CPU profile is written. */
  resultsDir: string;
  log: (line: string) => void;
}

export interface VSCodeRuns {
  vscode: TestVSCode;
  results: HostResult[];
}

const HOST_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'bench', 'host', 'index');

const TIMEOUT_MS: Record<HostParams['mode'], number> = { activation: 3 * 60_000, invoke: 12 * 60_000, logs: 12 * 60_000, memory: 10 * 60_000, profile: 12 * 60_000 };

export async function runInVSCode(o: VSCodeRunOptions): Promise<VSCodeRuns> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-bench-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ settings: o.settings, env: o.env, extensions: o.installed });
    o.log(`VS Code ${server.vscode.vscodeVersion} (code-server ${server.vscode.codeServerVersion}) up in ${server.startupSeconds.toFixed(1)} s`);
    browser = await launchBrowser();
    const results: HostResult[] = [];
    for (let i = 0; i < o.windows.length; i++) {
      const run = i + 1;
      const folder = path.join(parent, `workspace-${run}`);
      fs.mkdirSync(folder);
      for (const [name, contents] of Object.entries(o.files)) {
        fs.writeFileSync(path.join(folder, name), contents);
      }
      const params = o.windows[i].params(folder, run);
      fs.writeFileSync(path.join(folder, PARAMS_FILE), JSON.stringify(params, null, 2));
      const started = Date.now();
      const code = await runWindow(browser, server, o.windows[i].extensionPath, folder, TIMEOUT_MS[params.mode], o);
      const file = path.join(folder, resultFile(run));
      if (!fs.existsSync(file)) {
        results.push({ run, mode: params.mode, build: 'packaged', nodeVersion: '', vscodeVersion: '', error: `the window wrote no result (exit code ${code})` });
        o.log(`window ${run} (${params.mode}) wrote no result (exit code ${code})`);
        continue;
      }
      const result = JSON.parse(fs.readFileSync(file, 'utf8')) as HostResult;
      if (result.error) {
        // What the window measured before the error still counts; the error is reported.
        o.log(`window ${run} (${params.mode}) failed in the extension host: ${result.error}`);
      } else {
        o.log(`window ${run} (${params.mode}, ${result.build} build) done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      results.push(result);
    }
    return { vscode: server.vscode, results };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

/** First lines of the errors already printed: repeats are counted, not printed again. */
const seenErrors = new Map<string, number>();

/**
 * Installed in the page by `watch-first-row`: resolves window.__benchFirstRow with the
 * epoch time of the animation frame after a tree row containing the text entered the DOM.
 * (A string: the runner is compiled without the DOM's types.)
 */
function watchFirstRowScript(text: string): string {
  return `(() => {
    const text = ${JSON.stringify(text)};
    window.__benchFirstRow = new Promise((resolve) => {
      const isRow = (node) => {
        const el = node.nodeType === 1 ? node : node.parentElement;
        const row = el && el.closest ? el.closest('.monaco-list-row') : null;
        return !!row && (row.textContent || '').includes(text);
      };
      const drawn = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const nodes = r.type === 'characterData' ? [r.target] : [...r.addedNodes];
          if (nodes.some((n) => isRow(n) || (n.nodeType === 1 && [...n.querySelectorAll('.monaco-list-row')].some(isRow)))) {
            observer.disconnect();
            drawn();
            return;
          }
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    return true;
  })()`;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms / 1000} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Answers the host's rendezvous requests for one window. */
/** The page's counters read around the profile (Performance.getMetrics; durations in seconds). */
const PAGE_METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'RecalcStyleCount', 'LayoutCount', 'Nodes', 'JSEventListeners'];

class Rendezvous {
  private cdp: CDPSession | undefined;
  private profileStarted = 0;
  private metricsAtStart: Record<string, number> = {};

  private async pageMetrics(): Promise<Record<string, number>> {
    const { metrics } = await this.cdp!.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }

  constructor(
    private readonly page: () => Page | undefined,
    private readonly folder: string,
    private readonly resultsDir: string,
  ) {}

  handle(text: string, log: (line: string) => void): boolean {
    const start = text.indexOf(RENDEZVOUS_OPEN);
    const end = text.indexOf(RENDEZVOUS_CLOSE);
    if (start < 0 || end < start) {
      return false;
    }
    const request = JSON.parse(text.slice(start + RENDEZVOUS_OPEN.length, end)) as RendezvousRequest;
    const file = path.join(this.folder, ackFile(request.run, request.name));
    // Written aside, then renamed: the host, polling, never reads half a file.
    const write = (answer: object) => {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(answer));
      fs.renameSync(`${file}.tmp`, file);
    };
    this.answer(request).then(
      (result) => write({ ok: true, result }),
      (err: unknown) => {
        log(`rendezvous ${request.name}: ${String(err)}`);
        write({ ok: false, error: String((err as Error)?.message ?? err) });
      },
    );
    return true;
  }

  private async answer(request: RendezvousRequest): Promise<unknown> {
    let page = this.page();
    for (let waited = 0; !page && waited < 10_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      page = this.page();
    }
    if (!page) {
      throw new Error('the page is not open yet');
    }
    switch (request.name) {
      case 'watch-first-row':
        return page.evaluate(watchFirstRowScript(String((request.data as { text?: string } | undefined)?.text ?? '')));
      case 'first-row-drawn':
        return { drawnAt: await withTimeout(page.evaluate('window.__benchFirstRow') as Promise<number>, 60_000, 'the first function row') };
      case 'page-profile-start': {
        this.cdp = await page.context().newCDPSession(page);
        await this.cdp.send('Profiler.enable');
        await this.cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await this.cdp.send('Performance.enable');
        this.metricsAtStart = await this.pageMetrics();
        await this.cdp.send('Profiler.start');
        this.profileStarted = Date.now();
        return {};
      }
      case 'page-profile-stop': {
        if (!this.cdp) {
          throw new Error('the page profile was not started');
        }
        const { profile } = await this.cdp.send('Profiler.stop');
        const wallMs = Date.now() - this.profileStarted;
        const atEnd = await this.pageMetrics();
        const metrics: Record<string, number> = {};
        for (const m of PAGE_METRICS) {
          const delta = (atEnd[m] ?? NaN) - (this.metricsAtStart[m] ?? NaN);
          if (m.endsWith('Duration')) {
            metrics[`${m}Ms`] = delta * 1000;
          } else {
            metrics[m] = delta;
          }
        }
        await this.cdp.detach();
        this.cdp = undefined;
        fs.mkdirSync(this.resultsDir, { recursive: true });
        const file = path.join(this.resultsDir, PAGE_PROFILE_FILE);
        fs.writeFileSync(file, JSON.stringify(profile));
        return { file, busyMs: busyMs(profile as unknown as CpuProfile), wallMs, metrics } satisfies PageProfile;
      }
    }
  }
}

/**
 * Opens the workbench, again when the page did not load in time (a busy machine): the
 * contexts of the failed attempt are closed first, so that no half-open window runs the
 * entry beside the next one.
 */
async function openWithRetries(browser: Browser, open: () => Promise<Page>, attempts = 3): Promise<Page> {
  for (let i = 1; ; i++) {
    try {
      return await open();
    } catch (err) {
      if (i >= attempts || !/timeout/i.test(String((err as Error)?.message))) {
        throw err;
      }
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)));
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

/** Opens one workbench window with the entry as its tests; resolves with the exit code. */
async function runWindow(browser: Browser, server: CodeServer, extensionPath: string, folder: string, timeoutMs: number, o: VSCodeRunOptions): Promise<number> {
  let finished = false;
  let settle!: (code: number) => void;
  const done = new Promise<number>((resolve) => (settle = resolve));
  const finish = (code: number) => {
    finished = true;
    settle(code);
  };
  const opened: { page?: Page } = {};
  const rendezvous = new Rendezvous(() => opened.page, folder, o.resultsDir);
  const page = await openWithRetries(browser, () =>
    openWorkbench(browser, server, {
      folder,
      payload: testPayload(server, extensionPath, HOST_ENTRY),
      onLog: (type, text) => {
        if (rendezvous.handle(text, o.log)) {
          return;
        }
        if (!finished && text.includes('[bench host]')) {
          o.log(text.slice(text.indexOf('[bench host]')));
          return;
        }
        // Errors only, and none of the shutdown chatter once the run is over.
        if (!finished && type === 'error' && !/getaddrinfo|ENOTFOUND|EAI_AGAIN|authentication provider|\[lifecycle\]/i.test(text)) {
          const first = text.split('\n')[0];
          const seen = seenErrors.get(first) ?? 0;
          seenErrors.set(first, seen + 1);
          if (seen === 0) {
            o.log(`[VS Code console] ${text}`);
          } else if ([10, 100, 1000].includes(seen + 1)) {
            o.log(`[VS Code console] ${first} (${seen + 1} times so far)`);
          }
        }
      },
      onExit: (code) => finish(code),
    }),
  );
  opened.page = page;
  page.on('crash', () => finish(-1));
  const timer = setTimeout(() => finish(-2), timeoutMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
    await page.context().close().catch(() => undefined);
  }
}
