/*
 * `npm run demo`: the extension in a real VS Code (the test VS Code: code-server 4.139.1 =
 * VS Code 1.139.1) against the local Lambda emulator seeded with the demo functions, with the
 * demo workspace open, as VS Code is for a user (notifications show; test/harness/demoSettings.ts).
 * Prints the URL to open in a browser; Ctrl-C stops everything.
 *
 *   LAMBDA_WB_DEMO_PORT      the VS Code port on 127.0.0.1 (default 3939)
 *   LAMBDA_WB_EMULATOR_PORT  the emulator port on 127.0.0.1 (default 4599)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtures, startEmulator } from '../emulator';
import { DEMO_SMOKE_TEST_DRIVER, demoEnv, demoSettings } from './demoSettings';
import { REPO_ROOT } from './paths';
import { startCodeServer } from './server';
import { stageInstalledExtension } from './workbench';

function port(name: string, fallback: number): number {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0 || v > 65535) {
    throw new Error(`${name} must be a TCP port number, got "${process.env[name]}"`);
  }
  return v;
}

async function main(): Promise<void> {
  const vscodePort = port('LAMBDA_WB_DEMO_PORT', 3939);
  const emulatorPort = port('LAMBDA_WB_EMULATOR_PORT', 4599);

  const emulator = await startEmulator({ port: emulatorPort, seed: 'demo', quiet: true });
  console.log(`Lambda emulator: ${emulator.endpoint} (demo functions in us-east-1 and eu-west-1)`);

  // The demo works on a copy, so what the user edits or creates never lands in the repository.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-workbench-demo-'));
  fs.cpSync(fixtures.demoWorkspace, workspace, { recursive: true });

  const extension = stageInstalledExtension();
  const server = await startCodeServer({
    port: vscodePort,
    extensions: [extension],
    settings: demoSettings(emulator.endpoint),
    env: demoEnv(),
    smokeTestDriver: DEMO_SMOKE_TEST_DRIVER,
  });
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}`;
  console.log('');
  console.log(`Lambda Workbench demo (VS Code ${server.vscode.vscodeVersion}) is ready:`);
  console.log('');
  console.log(`    ${url}`);
  console.log('');
  console.log(`Open it in a browser on this machine. Workspace: ${workspace} (its README.md lists things to try)`);
  console.log('Profile "demo" (account 111111111111); switch to "other" from the status bar to see another account.');
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping VS Code and the emulator…`);
    await server.stop();
    await emulator.stop();
    fs.rmSync(extension, { recursive: true, force: true });
    console.log(`Stopped. Your demo workspace copy stays at ${workspace}`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`The demo could not start: ${err instanceof Error ? err.message : String(err)}`);
  console.error(`(repository: ${REPO_ROOT})`);
  process.exit(1);
});
