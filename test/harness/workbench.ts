/**
 * A real VS Code workbench for UI tests: code-server with the built extension installed,
 * opened in headless Chromium on a temporary copy of a workspace, plus helpers that act the
 * way a user does (activity bar, command palette, output panel) and take screenshots.
 *
 *   const wb = await startWorkbench({ aws: { endpoint, credentialsFile, configFile } });
 *   await wb.openView();
 *   await wb.waitForTreeItem('orders-api');
 *   await wb.screenshot('docs/images/view.png');
 *   await wb.stop();
 *
 * Needs `npm run build` (dist/) first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, testPayload } from './browser';
import { onExit } from './cleanup';
import { copyWorkspace, REPO_ROOT, WORKSPACE_SOURCE } from './paths';
import { CodeServer, startCodeServer } from './server';

export const EXTENSION_ID = 'lambda-workbench.lambda-workbench';
export const VIEW_CONTAINER_ID = 'lambdaWorkbench';

/** Points the extension at an AWS endpoint (normally the local emulator) with a profile from the given files. */
export interface AwsTarget {
  /** `lambdaWorkbench.endpoint`, e.g. the emulator's http://127.0.0.1:<port> */
  endpoint: string;
  /** `lambdaWorkbench.profile` (default `demo`) */
  profile?: string;
  /** `lambdaWorkbench.regions` (left unset when omitted) */
  regions?: string[];
  /** AWS_SHARED_CREDENTIALS_FILE of the server and extension host */
  credentialsFile: string;
  /** AWS_CONFIG_FILE of the server and extension host */
  configFile: string;
}

export interface WorkbenchOptions {
  /** User settings (merged over the harness's quiet defaults and the `aws` settings). */
  settings?: Record<string, unknown>;
  /** Extra environment of the server and its extension host. */
  env?: NodeJS.ProcessEnv;
  aws?: AwsTarget;
  /** Display language, e.g. `ja`. */
  locale?: string;
  /** Folder copied to a temporary workspace (default test/integration/workspace). */
  workspace?: string;
  /**
   * `installed` (default): the built extension, as a .vsix would install it (package.json,
   * package.nls*.json, dist/, l10n/, media/, schemas/, README/CHANGELOG/LICENSE) is copied
   * into the server's extensions folder. `development`: the repository is loaded as the
   * extension under development (extensionDevelopmentPath), as F5 does.
   */
  mode?: 'installed' | 'development';
  viewport?: { width: number; height: number };
  /**
   * false: VS Code as a user gets it, without the smoke-test driver (notifications show as
   * toasts), as in `npm run demo`. Default true.
   */
  smokeTestDriver?: boolean;
  /** Print the server's output and the workbench console (also: LAMBDA_WB_VERBOSE=1). */
  verbose?: boolean;
}

export interface Workbench {
  page: Page;
  browser: Browser;
  server: CodeServer;
  port: number;
  /** The temporary workspace folder opened in the workbench (removed by stop()). */
  workspace: string;
  /** Console messages of the workbench and the extension host, in order. */
  consoleMessages: string[];
  /** Clicks the extension's activity-bar icon; resolves when the view container's title shows. */
  openView(): Promise<void>;
  /** The title of a view in the side bar: its pane header (or the side bar's title when it is the only view). */
  viewTitle(name: string): Locator;
  /** Waits for a visible tree row whose label is `label` (string: exact, or RegExp); returns it. */
  waitForTreeItem(label: string | RegExp, options?: { timeout?: number }): Promise<Locator>;
  /** Runs a command by its palette title (e.g. `Lambda Workbench: Refresh`) through F1. */
  runCommand(title: string): Promise<void>;
  /** The text an output channel of the extension holds so far (read from the server's log files). */
  readOutputChannel(name: string): Promise<string>;
  /** Waits until the output channel contains `text`; returns the channel's text. */
  waitForOutput(name: string, text: string | RegExp, options?: { timeout?: number }): Promise<string>;
  /** Shows an output channel in the panel (for screenshots). */
  showOutputChannel(name: string): Promise<void>;
  /** Closes all editors (e.g. the walkthrough a first activation opens). */
  closeEditors(): Promise<void>;
  /** Saves a PNG of the window; relative paths are resolved against the repository. Returns the path. */
  screenshot(file: string): Promise<string>;
  /** Closes the browser, stops the server, removes the temporary folders. */
  stop(): Promise<void>;
}

interface Manifest {
  contributes?: {
    viewsContainers?: { activitybar?: Array<{ id: string; title: string }> };
    views?: Record<string, Array<{ id: string; name: string }>>;
  };
}

function readNls(locale?: string): Record<string, string | { message: string }> {
  const file = path.join(REPO_ROOT, locale ? `package.nls.${locale.toLowerCase()}.json` : 'package.nls.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string | { message: string }>) : {};
}

/** Resolves a `%key%` manifest string as VS Code does: package.nls.<locale>.json, else package.nls.json. */
function resolveNls(value: string, locale?: string): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) {
    return value;
  }
  for (const nls of [...(locale ? [readNls(locale)] : []), readNls()]) {
    const found = nls[key];
    if (found !== undefined) {
      return typeof found === 'string' ? found : found.message;
    }
  }
  return value;
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** The title of the extension's activity-bar container (English, or in `locale`). */
export function viewContainerTitle(locale?: string): string {
  const container = manifest().contributes?.viewsContainers?.activitybar?.find((c) => c.id === VIEW_CONTAINER_ID);
  if (!container) {
    throw new Error(`package.json contributes no activity-bar container "${VIEW_CONTAINER_ID}"`);
  }
  return resolveNls(container.title, locale);
}

/** The names of the container's views by view id (English, or in `locale`). */
export function viewNames(locale?: string): Record<string, string> {
  const views = manifest().contributes?.views?.[VIEW_CONTAINER_ID] ?? [];
  return Object.fromEntries(views.map((v) => [v.id, resolveNls(v.name, locale)]));
}

/** What the .vsix leaves out of the folders it takes: source maps, and the test hooks' bundle. */
function leftOutOfVsix(file: string): boolean {
  const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
  return rel.endsWith('.map') || rel === 'dist/testHooks.js';
}

/**
 * Copies what a .vsix of the extension holds (see .vscodeignore) to a new temporary folder,
 * to install from (CodeServerOptions.extensions). The caller removes the folder.
 */
export function stageInstalledExtension(): string {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-extension-'));
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    const allowed =
      entry === 'package.json' ||
      /^package\.nls(\..+)?\.json$/.test(entry) ||
      ['dist', 'l10n', 'media', 'schemas'].includes(entry) ||
      /^(README|CHANGELOG)\.md$/.test(entry) ||
      /^LICENSE(\.txt|\.md)?$/.test(entry);
    if (allowed) {
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true, filter: (src) => !leftOutOfVsix(src) });
    }
  }
  return stage;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findFiles(dir: string, match: (file: string) => boolean): string[] {
  const found: string[] = [];
  if (!fs.existsSync(dir)) {
    return found;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...findFiles(full, match));
    } else if (match(full)) {
      found.push(full);
    }
  }
  return found;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const mode = options.mode ?? 'installed';
  const verbose = options.verbose ?? process.env.LAMBDA_WB_VERBOSE === '1';
  const settings: Record<string, unknown> = {};
  const env: NodeJS.ProcessEnv = { ...options.env };
  if (options.aws) {
    settings['lambdaWorkbench.endpoint'] = options.aws.endpoint;
    settings['lambdaWorkbench.profile'] = options.aws.profile ?? 'demo';
    if (options.aws.regions) {
      settings['lambdaWorkbench.regions'] = options.aws.regions;
    }
    env.AWS_SHARED_CREDENTIALS_FILE = options.aws.credentialsFile;
    env.AWS_CONFIG_FILE = options.aws.configFile;
  }
  Object.assign(settings, options.settings);

  const workspace = copyWorkspace(options.workspace ?? WORKSPACE_SOURCE);
  const stage = mode === 'installed' ? stageInstalledExtension() : undefined;
  const removeTemp = () => {
    workspace.remove();
    if (stage) {
      fs.rmSync(stage, { recursive: true, force: true });
    }
  };
  const unregister = onExit(removeTemp);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
    server = undefined;
    removeTemp();
    unregister();
  };

  try {
    server = await startCodeServer({ settings, env, locale: options.locale, extensions: stage ? [stage] : [], verbose, smokeTestDriver: options.smokeTestDriver });
    const srv = server;
    browser = await launchBrowser();
    const consoleMessages: string[] = [];
    const page = await openWorkbench(browser, srv, {
      folder: workspace.path,
      payload: mode === 'development' ? testPayload(srv, REPO_ROOT) : [['skipWelcome', 'true']],
      viewport: options.viewport,
      onLog: (type, text) => {
        consoleMessages.push(`${type}: ${text}`);
        if (verbose) {
          process.stdout.write(`[workbench ${type}] ${text}\n`);
        }
      },
    });
    page.on('console', (msg) => consoleMessages.push(`${msg.type()}: ${msg.text()}`));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const title = viewContainerTitle(options.locale);
    const activityItem = page.locator(`.part.activitybar .action-item .action-label[aria-label^="${title}"]`);
    await activityItem.waitFor({ timeout: 60_000 });

    const outputFiles = (name: string) => {
      // VS Code leaves out of the file name what a path cannot hold: "Lambda Tail: f (r)" is "<n>-Lambda Tail f (r).log".
      const fileName = name.trim().replace(/[\\/:*?"<>|]/g, '');
      return findFiles(path.join(srv.userDataDir, 'logs'), (file) => {
        const base = path.basename(file);
        // createOutputChannel(name): exthost*/output_logging_*/<n>-<name>.log
        // createOutputChannel(name, { log: true }): exthost*/<extension id>/<name>.log
        return base === `${fileName}.log` ? file.includes(EXTENSION_ID) : new RegExp(`^\\d+-${escapeRegExp(fileName)}\\.log$`).test(base);
      });
    };

    const wb: Workbench = {
      page,
      browser,
      server: srv,
      port: srv.port,
      workspace: workspace.path,
      consoleMessages,
      async openView() {
        await activityItem.click();
        await page
          .locator('.part.sidebar .composite.title .title-label h2')
          .filter({ hasText: new RegExp(escapeRegExp(title), 'i') })
          .waitFor({ timeout: 30_000 });
      },
      viewTitle(name) {
        const exact = new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`, 'i');
        return page
          .locator('.part.sidebar .pane-header h3.title, .part.sidebar .composite.title .title-label h2')
          .filter({ hasText: exact })
          .first();
      },
      async waitForTreeItem(label, opts = {}) {
        const row = page
          .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
          .filter({ has: page.locator('.label-name', { hasText: typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label }) })
          .first();
        await row.waitFor({ state: 'visible', timeout: opts.timeout ?? 30_000 });
        return row;
      },
      async runCommand(commandTitle) {
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${commandTitle}`);
        const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
        await focused.filter({ hasText: commandTitle }).waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
      },
      async readOutputChannel(name) {
        const files = outputFiles(name).sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
        return files.map((file) => fs.readFileSync(file, 'utf8')).join('');
      },
      async waitForOutput(name, text, opts = {}) {
        const deadline = Date.now() + (opts.timeout ?? 15_000);
        for (;;) {
          const content = await wb.readOutputChannel(name);
          if (typeof text === 'string' ? content.includes(text) : text.test(content)) {
            return content;
          }
          if (Date.now() > deadline) {
            throw new Error(`Output channel "${name}" does not contain ${String(text)} after ${opts.timeout ?? 15_000} ms; it holds:\n${content}`);
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      },
      async showOutputChannel(name) {
        await wb.runCommand('Output: Show Output Channels...');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.fill(name);
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').filter({ hasText: name }).waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        await page.locator('.part.panel .monaco-editor').first().waitFor({ timeout: 10_000 });
      },
      async closeEditors() {
        await wb.runCommand('View: Close All Editors');
      },
      async screenshot(file) {
        const target = path.resolve(REPO_ROOT, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await page.screenshot({ path: target });
        return target;
      },
      stop,
    };
    return wb;
  } catch (err) {
    await stop();
    throw err;
  }
}
