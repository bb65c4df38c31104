/**
 * Shared setup for the integration tests, which run inside the real VS Code extension
 * host: one local Lambda emulator in this process, the extension pointed at it with the
 * fixture profiles, and helpers to read the tree and answer the extension's questions.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks, WorkbenchApi } from '../../src/api';
import type { UserInput } from '../../src/core/userInput';
import { Emulator, fixtures, startEmulator } from '../emulator';

export const EXTENSION_ID = 'lambda-workbench.lambda-workbench';

let emulator: Emulator | undefined;
let api: TestHooks | undefined;

/** Starts (once) the emulator, points the extension at it with profile `demo`, returns both. */
export async function setup(): Promise<{ emulator: Emulator; api: TestHooks }> {
  if (!emulator) {
    emulator = await startEmulator({ port: 0, seed: 'demo', stateDelayMs: 300, quiet: true });
    process.env.AWS_SHARED_CREDENTIALS_FILE = fixtures.credentialsFile;
    process.env.AWS_CONFIG_FILE = fixtures.configFile;
  }
  if (!api) {
    const ext = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    const exported = await ext.activate();
    assert.ok(exported.testing, 'activate() returns the test hooks in ExtensionMode.Test');
    api = exported.testing;
  }
  await configure({ profile: 'demo', regions: ['us-east-1'], endpoint: emulator.endpoint });
  return { emulator, api };
}

export async function configure(settings: { profile?: string; regions?: string[]; endpoint?: string }): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('lambdaWorkbench');
  const G = vscode.ConfigurationTarget.Global;
  if (settings.profile !== undefined) await cfg.update('profile', settings.profile, G);
  if (settings.regions !== undefined) await cfg.update('regions', settings.regions, G);
  if (settings.endpoint !== undefined) await cfg.update('endpoint', settings.endpoint, G);
  api?.connection.reload();
}

/**
 * Stops the emulator (if still running) and starts a fresh one on the same port, so the
 * extension's endpoint stays valid; setup() returns the new one from then on.
 */
export async function restartEmulator(): Promise<Emulator> {
  assert.ok(emulator, 'setup() first');
  const port = emulator.port;
  await emulator.stop();
  emulator = await startEmulator({ port, seed: 'demo', stateDelayMs: 300, quiet: true });
  return emulator;
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
  emulator = undefined;
}

/**
 * Answers the extension's questions from a script. Any question not scripted fails the
 * test at once (rather than hanging on a prompt nobody sees).
 */
export class ScriptedInput implements UserInput {
  readonly asked: string[] = [];
  constructor(private readonly answers: Array<(question: { kind: string; title?: string; placeHolder?: string; prompt?: string; message?: string; detail?: string; items?: readonly vscode.QuickPickItem[]; buttons?: string[] }) => unknown>) {}

  private next(question: Parameters<ScriptedInput['answers'][number]>[0]): unknown {
    this.asked.push(`${question.kind}: ${question.title ?? question.message ?? question.prompt ?? question.placeHolder ?? ''}`);
    const answer = this.answers.shift();
    if (!answer) {
      throw new Error(`Unexpected question: ${JSON.stringify({ ...question, items: question.items?.map((i) => i.label) })}`);
    }
    return answer(question);
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Promise<readonly T[]>, options?: vscode.QuickPickOptions): Promise<never> {
    const resolved = await items;
    return this.next({ kind: 'quickPick', title: options?.title, placeHolder: options?.placeHolder, items: resolved }) as never;
  }
  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return this.next({ kind: 'inputBox', title: options.title, prompt: options.prompt }) as string | undefined;
  }
  async showWarningMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Promise<T | undefined> {
    return this.next({ kind: 'warning', message, detail: options.detail, buttons: items }) as T | undefined;
  }
  async showOpenDialog(options: vscode.OpenDialogOptions): Promise<vscode.Uri[] | undefined> {
    return this.next({ kind: 'openDialog', title: options.title }) as vscode.Uri[] | undefined;
  }
}

/** Picks the quick-pick item whose label (codicons stripped) equals or starts with `label`. */
export function pick(label: string): (q: { items?: readonly vscode.QuickPickItem[] }) => vscode.QuickPickItem {
  return (q) => {
    const clean = (s: string) => s.replace(/\$\([^)]+\)\s*/g, '').trim();
    const item = q.items?.find((i) => clean(i.label) === label) ?? q.items?.find((i) => clean(i.label).startsWith(label));
    if (!item) {
      throw new Error(`No quick-pick item "${label}" among: ${q.items?.map((i) => i.label).join(', ')}`);
    }
    return item;
  };
}

/** Runs `fn` with scripted answers; asserts every scripted answer was used. */
export async function withAnswers<T>(answers: ConstructorParameters<typeof ScriptedInput>[0], fn: () => Thenable<T> | Promise<T>): Promise<{ result: T; input: ScriptedInput }> {
  const input = new ScriptedInput([...answers]);
  const restore = api!.setUserInput(input);
  try {
    const result = await fn();
    return { result, input };
  } finally {
    restore();
  }
}

/** Waits until `check` returns a truthy value (polling), or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
