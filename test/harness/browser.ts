/**
 * Headless Chromium (the Debian package) driven by playwright-core, opening code-server's
 * workbench, optionally with the test payload that makes the workbench run an extension's
 * tests in its extension host.
 */
import { format } from 'node:util';
import { Browser, chromium, Page } from 'playwright-core';
import { CodeServer } from './server';
import { CHROMIUM_PATH } from './vscode';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    // Signals are handled by cleanup.ts, which exits the process; playwright's own 'exit'
    // handler then kills the browser's process group.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** The payload entries the workbench reads when the server runs with enable-smoke-test-driver. */
export type Payload = Array<[string, string]>;

export function testPayload(server: CodeServer, extensionDevelopmentPath: string, extensionTestsPath?: string): Payload {
  const payload: Payload = [['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]];
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', server.remoteUri(extensionTestsPath)]);
  }
  payload.push(['skipWelcome', 'true']);
  return payload;
}

export function workbenchUrl(server: CodeServer, folder: string, payload?: Payload): string {
  let url = `${server.origin}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

export interface OpenOptions {
  folder: string;
  payload?: Payload;
  /** The workbench's and the extension host's console, one formatted message at a time. */
  onLog?: (type: string, text: string) => void;
  /** Called with the test run's exit code (only with an extensionTestsPath payload). */
  onExit?: (code: number) => void;
  viewport?: { width: number; height: number };
}

/** Formats console arguments the way Node's console does (`%s`, `%d`, objects). */
export function formatConsoleArgs(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return format(...(list as unknown[]));
}

export async function openWorkbench(browser: Browser, server: CodeServer, options: OpenOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (options.onExit) {
    const onExitCode = options.onExit;
    await page.exposeFunction('codeAutomationExit', (code: number) => onExitCode(Number(code)));
  }
  if (options.onLog) {
    const onLog = options.onLog;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => onLog(String(type), formatConsoleArgs(args)));
  }
  // A generous limit: on a busy machine the workbench's first load can take a while; a test
  // that never starts still fails (the runners have their own overall limits).
  await page.goto(workbenchUrl(server, options.folder, options.payload), { timeout: 180_000 });
  return page;
}
