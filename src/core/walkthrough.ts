import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../shared/ids';
import { log } from './log';

/**
 * The walkthrough's steps are checked off by context keys (`onContext:` completion events in
 * the manifest), set when the thing is done, whichever way: a profile or regions chosen (from
 * the palette, the status bar or the walkthrough), an invoke sent, a config applied. VS Code
 * keeps a step checked once it is.
 */
export type WalkthroughStep = 'connected' | 'invoked' | 'configApplied';

const KEYS: Record<WalkthroughStep, string> = {
  connected: CONTEXT_KEYS.walkthroughConnected,
  invoked: CONTEXT_KEYS.walkthroughInvoked,
  configApplied: CONTEXT_KEYS.walkthroughConfigApplied,
};

export function markWalkthroughStep(step: WalkthroughStep): void {
  Promise.resolve(vscode.commands.executeCommand('setContext', KEYS[step], true)).catch((err: unknown) => log().warn(`Could not check off the walkthrough step ${step}: ${String(err)}`));
}
