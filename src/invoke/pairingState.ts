import * as vscode from 'vscode';
import { actions, showInfo } from '../core/notify';
import { sameTarget, targetLabel } from '../shared/lambdaTarget';
import type { InvocationType } from './model/limits';
import { PairedTarget, Pairing, PairingStore } from './model/pairings';

const STATE_KEY = 'lambdaWorkbench.invoke.pairings';

/**
 * The payload file ↔ target pairs of this workspace, kept in `workspaceState`. Follows
 * renamed and deleted files; tells the CodeLens when something changed.
 */
export class PairingState implements vscode.Disposable {
  private store: PairingStore;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly memento: vscode.Memento) {
    this.store = PairingStore.fromJSON(memento.get<unknown>(STATE_KEY));
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidRenameFiles((e) => {
        let moved = 0;
        for (const f of e.files) {
          moved += this.store.rename(f.oldUri.toString(), f.newUri.toString());
        }
        if (moved > 0) {
          void this.save();
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => {
        let deleted = false;
        for (const uri of e.files) {
          deleted = this.store.delete(uri.toString()) || deleted;
        }
        if (deleted) {
          void this.save();
        }
      }),
    );
  }

  get(uri: vscode.Uri): Pairing | undefined {
    return this.store.get(uri.toString());
  }

  async set(uri: vscode.Uri, target: PairedTarget, invocationType?: InvocationType, tenantId?: string): Promise<void> {
    const key = uri.toString();
    const before = this.store.get(key);
    const wasLatest = this.pairingsOfFunction(target.region, target.functionName)[0]?.payload === key;
    const after = this.store.set(key, target, Date.now(), invocationType, tenantId);
    // Only the time of use changed, and the file was already the function's latest: nothing
    // the CodeLens, the tree or a picker shows, so no one is told (the time is still saved).
    const shownChanged = !before || !wasLatest || !sameTarget(before.target, after.target) || before.invocationType !== after.invocationType || before.tenantId !== after.tenantId;
    await this.save(shownChanged);
  }

  /**
   * Pairs the file with the target it was just invoked on. When that moves the file away from
   * another target, says so, with a button that keeps the old one (the file's ▶ Invoke
   * CodeLens and the next invoke of the file then go there again).
   */
  async use(uri: vscode.Uri, target: PairedTarget, invocationType?: InvocationType, tenantId?: string): Promise<void> {
    const previous = this.get(uri);
    await this.set(uri, target, invocationType, tenantId);
    if (!previous || sameTarget(previous.target, target)) {
      return;
    }
    const file = vscode.workspace.asRelativePath(uri, false);
    const old = targetLabel(previous.target);
    showInfo(
      vscode.l10n.t('{0} is now paired with {1} (before: {2}); its ▶ Invoke goes there.', file, targetLabel(target), old),
      actions.custom(vscode.l10n.t('Keep {0}', old), () => this.set(uri, previous.target, previous.invocationType, previous.tenantId)),
    );
  }

  async delete(uri: vscode.Uri): Promise<void> {
    if (this.store.delete(uri.toString())) {
      await this.save();
    }
  }

  async clear(): Promise<void> {
    this.store = new PairingStore();
    await this.save();
  }

  /** Payload files (URIs) paired with a target, most recently used first. */
  payloadsFor(target: PairedTarget): vscode.Uri[] {
    return this.store.payloadsFor(target).map((s) => vscode.Uri.parse(s));
  }

  /** The pairings of a function, whatever the qualifier, most recently used first. */
  pairingsOfFunction(region: string, functionName: string): Pairing[] {
    return this.store.all().filter((p) => p.target.region === region && p.target.functionName === functionName);
  }

  private async save(changed = true): Promise<void> {
    if (changed) {
      this.emitter.fire();
    }
    await this.memento.update(STATE_KEY, this.store.toJSON());
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
