/**
 * First view: from opening the Functions view (the extension active, the AWS bundle not yet
 * loaded) to the frame in the page that drew the first function row, against its floor in
 * the same extension host: the extension's own load of dist/aws.js during that time, plus a
 * new bare LambdaClient's first ListFunctions (one page of the same size).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { timeFirstLoadOf } from './activation';
import { bareClient, loadSdk } from './bareSdk';
import type { FirstViewSample, HostParams } from './protocol';
import { rendezvous } from './rendezvous';

export const OPEN_VIEW_COMMAND = 'workbench.view.extension.lambdaWorkbench';

/** Epoch milliseconds with sub-millisecond precision: comparable with the page's clock. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export async function measureFirstView(params: HostParams, folder: string, extensionPath: string, pageSize: number, functionPrefix: string): Promise<FirstViewSample> {
  await rendezvous(folder, params.run, 'watch-first-row', { text: functionPrefix });
  const awsBundle = path.join(extensionPath, 'dist', 'aws.js');
  const t0 = epochNow();
  const { result: drawn, loadMs } = await timeFirstLoadOf(awsBundle, async () => {
    await vscode.commands.executeCommand(OPEN_VIEW_COMMAND);
    return rendezvous<{ drawnAt: number }>(folder, params.run, 'first-row-drawn', undefined, 60_000);
  });
  const firstViewMs = drawn.drawnAt - t0;
  if (loadMs === undefined) {
    throw new Error('the extension did not load dist/aws.js while opening the view (was it loaded already?)');
  }

  // The floor's call: a cold client (its credentials, endpoint, connection), the modules already loaded.
  const { ListFunctionsCommand } = loadSdk();
  const t1 = performance.now();
  const client = bareClient({ region: params.region, profile: params.profile, endpoint: params.endpoint });
  const page = await client.send(new ListFunctionsCommand({ MaxItems: pageSize }));
  const bareListMs = performance.now() - t1;
  client.destroy();
  return { firstViewMs, awsBundleLoadMs: loadMs, bareListMs, barePageSize: page.Functions?.length ?? 0 };
}
