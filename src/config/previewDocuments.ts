import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'lambda-workbench-config';
const PREVIEW_AUTHORITY = 'preview';

/**
 * The two read-only documents of an Apply preview (current settings ↔ settings after the
 * change), shown side by side with `vscode.diff`. Their names end in `.jsonc` without the
 * config-file suffixes, so the config schemas do not validate them.
 */
export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private counter = 0;

  constructor() {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === PREVIEW_SCHEME) {
          this.contents.delete(doc.uri.toString());
        }
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens the diff of `currentText` (left) and `resultText` (right); returns both URIs. */
  async show(baseName: string, currentText: string, resultText: string, title: string): Promise<{ left: vscode.Uri; right: vscode.Uri }> {
    const id = ++this.counter;
    const safe = baseName.replace(/[^A-Za-z0-9._-]/g, '_');
    // `lambda-workbench-config://preview/…`: package.json's jsonValidation gives these the schema
    // media/preview.schema.json, which allows the comma after every member (see previewText).
    const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, authority: PREVIEW_AUTHORITY, path: `/${id}/${safe}.current.jsonc` });
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, authority: PREVIEW_AUTHORITY, path: `/${id}/${safe}.after.jsonc` });
    this.contents.set(left.toString(), currentText);
    this.contents.set(right.toString(), resultText);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
    return { left, right };
  }

  /** Closes the diff editor of a preview, wherever it is. */
  async close(preview: { left: vscode.Uri; right: vscode.Uri } | undefined): Promise<void> {
    if (!preview) {
      return;
    }
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.original.toString() === preview.left.toString());
    if (tabs.length > 0) {
      await vscode.window.tabGroups.close(tabs);
    }
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
