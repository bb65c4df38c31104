/**
 * Runs the integration tests (out/test/integration/**\/*.test.js) inside a real VS Code:
 * code-server's extension host, opened by headless Chromium with the test payload. The
 * extension host's console is printed as it comes; the exit code is the suite's.
 *
 *   node out/test/harness/run-integration.js [--locale ja] [--grep <pattern>] [--verbose]
 *
 * Expects `npm run build` and `npm run compile-tests` to have run (scripts/test.sh does).
 * Environment: LAMBDA_WB_INTEGRATION_TIMEOUT_MIN (default 20), LAMBDA_WB_VERBOSE=1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openWorkbench, testPayload } from './browser';
import { onExit } from './cleanup';
import { copyWorkspace, REPO_ROOT } from './paths';
import { CodeServer, startCodeServer } from './server';
import { ensureTestVSCode } from './vscode';

/** Printed by test/integration/index.ts before the first test; the console is shown in full from there on. */
export const SUITE_HEADER = 'Integration tests in VS Code';

interface Args {
  locale?: string;
  grep?: string;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { verbose: process.env.LAMBDA_WB_VERBOSE === '1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--locale') {
      args.locale = value();
    } else if (a.startsWith('--locale=')) {
      args.locale = a.slice('--locale='.length);
    } else if (a === '--grep' || a === '-g') {
      args.grep = value();
    } else if (a.startsWith('--grep=')) {
      args.grep = a.slice('--grep='.length);
    } else if (a === '--verbose') {
      args.verbose = true;
    } else {
      throw new Error(`Unknown argument ${a}. Usage: run-integration.js [--locale <lang>] [--grep <pattern>] [--verbose]`);
    }
  }
  return args;
}

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Workbench and server chatter that says nothing about the tests (shown with --verbose). */
const NOISE: readonly RegExp[] = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^\[AgentHost/,
  /^\[ChatModelSelection\]/,
  /^\[AccountPolicyGate\]/,
  /^\[Service Worker\]/,
  /^\[chat-stt\]/,
  /^Updating additional builtin extensions cache/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/,
  /Timed out waiting for authentication provider/,
  /Authentication provider is not ready/,
];

function requireBuilt(file: string, hint: string): void {
  if (!fs.existsSync(path.join(REPO_ROOT, file))) {
    throw new Error(`${file} is missing: run ${hint} first`);
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const timeoutMin = Number(process.env.LAMBDA_WB_INTEGRATION_TIMEOUT_MIN ?? 20);
  requireBuilt('dist/extension.js', '`npm run build`');
  requireBuilt('out/test/integration/index.js', '`npm run compile-tests`');

  const vscode = await ensureTestVSCode();
  const workspace = copyWorkspace();
  const removeWorkspace = onExit(() => workspace.remove());
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    await server?.stop();
    server = undefined;
    workspace.remove();
    removeWorkspace();
  };

  try {
    const env: NodeJS.ProcessEnv = {};
    if (args.grep) {
      env.LAMBDA_WB_TEST_GREP = args.grep;
    }
    server = await startCodeServer({ locale: args.locale, env, verbose: args.verbose });
    console.log(
      `[integration] code-server ${vscode.codeServerVersion} (VS Code ${vscode.vscodeVersion}) up on port ${server.port} in ${server.startupSeconds.toFixed(1)} s` +
        `${args.locale ? `, locale ${args.locale}` : ''}${args.grep ? `, grep ${JSON.stringify(args.grep)}` : ''}`,
    );
    const opened = Date.now();
    let firstOutput: number | undefined;
    let inSuite = false;
    let settled = false;
    let resolveExit!: (code: number) => void;
    const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
    /** Settles the run once: with the suite's exit code, or a failure message. */
    const finish = (code: number, failure?: string) => {
      if (settled) {
        return;
      }
      settled = true;
      if (failure) {
        console.error(`[integration] FAILED: ${failure}`);
      }
      resolveExit(code);
    };

    browser = await launchBrowser();
    browser.on('disconnected', () => finish(1, 'the browser closed before the tests finished'));
    const page = await openWorkbench(browser, server, {
      folder: workspace.path,
      payload: testPayload(server, REPO_ROOT, path.join(REPO_ROOT, 'out', 'test', 'integration', 'index')),
      onLog: (type, text) => {
        if (!inSuite && text.includes(SUITE_HEADER)) {
          inSuite = true;
          firstOutput = Date.now();
          console.log(`[integration] extension host running the tests ${((firstOutput - opened) / 1000).toFixed(1)} s after the workbench was opened`);
        }
        const noise = NOISE.some((re) => re.test(text));
        if (args.verbose || (!noise && (inSuite || type === 'error'))) {
          const stream = type === 'error' ? process.stderr : process.stdout;
          stream.write(`${stream.isTTY ? text : text.replace(ANSI_COLOR, '')}\n`);
        }
      },
      onExit: (code) => finish(code),
    });
    page.on('crash', () => finish(1, 'the workbench page crashed'));

    const timer = setTimeout(() => finish(1, `no result after ${timeoutMin} min (LAMBDA_WB_INTEGRATION_TIMEOUT_MIN): the suite hung or never started`), timeoutMin * 60_000);
    const code = await exitCode;
    clearTimeout(timer);
    if (!inSuite && code !== 0) {
      console.error('[integration] the test runner never printed its header: see the errors above (or rerun with --verbose)');
    }
    console.log(`[integration] finished with exit code ${code} after ${((Date.now() - opened) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await stopAll();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`[integration] FAILED: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
