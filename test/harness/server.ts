/**
 * Starts code-server (VS Code's server and web workbench) on a free loopback port, with its
 * own temporary user data, extensions and config, and stops it (its whole process group:
 * server, extension host, helpers) when asked or when this process ends.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { killGroup, onExit } from './cleanup';
import { ensureTestVSCode, TestVSCode } from './vscode';

export interface CodeServerOptions {
  /** User settings, written to <user-data-dir>/User/settings.json (merged over QUIET_SETTINGS). */
  settings?: Record<string, unknown>;
  /** Display language, e.g. `ja`: the extension host's `vscode.env.language`. */
  locale?: string;
  /** Extra environment of the server, inherited by the extension host. */
  env?: NodeJS.ProcessEnv;
  /** Extensions to install: folders copied into --extensions-dir as `<publisher>.<name>-<version>`. */
  extensions?: string[];
  /** Copies the server's output to this process's stdout as it comes (also: LAMBDA_WB_VERBOSE=1). */
  verbose?: boolean;
  /** Port on 127.0.0.1 (default: a free one). A fixed port that is taken fails at once. */
  port?: number;
  /** How long to wait for `HTTP server listening` (ms). */
  startTimeoutMs?: number;
  /**
   * Runs the workbench with VS Code's smoke-test driver (default true: the test payload of the
   * integration tests needs it). The driver also keeps notifications out of sight (no toasts,
   * only the bell's list): the demo and the UI tests of what a person sees turn it off.
   */
  smokeTestDriver?: boolean;
}

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything the server printed. */
  logFile: string;
  /** Seconds from spawn to `HTTP server listening`. */
  startupSeconds: number;
  vscode: TestVSCode;
  /** `vscode-remote://127.0.0.1:<port><absPath>`: how the workbench names a file on the server. */
  remoteUri(absPath: string): string;
  /** Stops the server and everything it started, then removes its temporary folders. */
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and offline: no welcome page, update checks or tips. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * VS Code only switches its display language (and `vscode.env.language`) to a locale that has
 * a language pack. The registry's packs are out of reach offline, so the server gets a stub
 * pack for `locale` with no translations: VS Code's own UI stays English, while the extension
 * host reports the locale and extensions load their package.nls.<locale>.json and
 * l10n/bundle.l10n.<locale>.json.
 */
function writeStubLanguagePack(userDataDir: string, locale: string): void {
  const translations = path.join(userDataDir, `stub-language-pack.${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    [locale]: {
      hash: `stub-${locale}`,
      extensions: [{ extensionIdentifier: { id: `lambda-workbench-test.language-pack-${locale}` }, version: '0.0.0' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

function installExtension(source: string, extensionsDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.cpSync(source, target, { recursive: true, dereference: true });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const vscode = await ensureTestVSCode({ quiet: true });
  let lastError: Error | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startOnce(vscode, options);
    } catch (err) {
      lastError = err as Error;
      if (options.port || !/EADDRINUSE/.test(lastError.message)) {
        throw lastError;
      }
    }
  }
  throw lastError;
}

async function startOnce(vscode: TestVSCode, options: CodeServerOptions): Promise<CodeServer> {
  const verbose = options.verbose ?? process.env.LAMBDA_WB_VERBOSE === '1';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-vscode-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const logFile = path.join(root, 'server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  for (const ext of options.extensions ?? []) {
    installExtension(ext, extensionsDir);
  }
  if (options.locale && !options.locale.toLowerCase().startsWith('en')) {
    writeStubLanguagePack(userDataDir, options.locale);
  }

  const port = options.port ?? (await freePort());
  const args = [
    vscode.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(root, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (options.smokeTestDriver ?? true) {
    args.push('--vscode-option', 'enable-smoke-test-driver');
  }
  if (options.locale) {
    args.push('--locale', options.locale);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // code-server's own data (logs, heartbeat) stays in the temporary folder
    XDG_DATA_HOME: path.join(root, 'data'),
    ...options.env,
  };
  const started = Date.now();
  const child = spawn(vscode.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = fs.createWriteStream(logFile);
  let output = '';
  let stopped = false;
  const exitPromise = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  const removeRoot = () => {
    if (process.env.LAMBDA_WB_KEEP_TEMP === '1') {
      return;
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  const unregister = onExit(() => {
    killGroup(child.pid, 'SIGKILL');
    removeRoot();
  });

  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
    // the extension host and helpers share the group: make sure none outlives the server
    await new Promise((r) => setTimeout(r, 200));
    killGroup(child.pid, 'SIGKILL');
    logStream.end();
    unregister();
    removeRoot();
  };

  await new Promise<void>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => fail(new Error(`code-server did not report "HTTP server listening" within ${timeoutMs / 1000} s`)), timeoutMs);
    let ready = false;
    function fail(err: Error): void {
      clearTimeout(timer);
      const tail = output.split('\n').slice(-30).join('\n');
      void stop().then(() => reject(new Error(`${err.message}\n--- code-server output ---\n${tail}`)));
    }
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      logStream.write(text);
      if (verbose) {
        process.stdout.write(text.replace(/^(?=.)/gm, '[code-server] '));
      }
      if (!ready) {
        output += text;
        if (output.includes('HTTP server listening')) {
          ready = true;
          clearTimeout(timer);
          resolve();
        } else if (output.includes('EADDRINUSE')) {
          fail(new Error(`port ${port} is taken (EADDRINUSE)`));
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => fail(err));
    void exitPromise.then(() => {
      if (!ready) {
        fail(new Error(`code-server exited before it was ready`));
      }
    });
  });

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    userDataDir,
    extensionsDir,
    logFile,
    startupSeconds: (Date.now() - started) / 1000,
    vscode,
    remoteUri: (absPath: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`,
    stop,
  };
}
