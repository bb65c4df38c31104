/**
 * The host's side of a rendezvous with the runner (see protocol.ts): a marked line on the
 * console (the workbench forwards the extension host's console to the runner), then the
 * answer file the runner writes into the opened folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ackFile, RENDEZVOUS_CLOSE, RENDEZVOUS_OPEN, RendezvousName, RendezvousRequest } from './protocol';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function rendezvous<T = unknown>(folder: string, run: number, name: RendezvousName, data?: unknown, timeoutMs = 30_000): Promise<T> {
  const file = path.join(folder, ackFile(run, name));
  fs.rmSync(file, { force: true });
  const request: RendezvousRequest = { run, name, data };
  console.log(`${RENDEZVOUS_OPEN}${JSON.stringify(request)}${RENDEZVOUS_CLOSE}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(file)) {
      const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; result?: T; error?: string };
      if (!answer.ok) {
        throw new Error(`the runner could not ${name}: ${answer.error ?? 'no reason given'}`);
      }
      return answer.result as T;
    }
    if (Date.now() > deadline) {
      throw new Error(`the runner did not answer "${name}" within ${Math.round(timeoutMs / 1000)} s`);
    }
    await sleep(5);
  }
}
