import * as vscode from 'vscode';

export const DETAILS_SCHEME = 'lambda-workbench';

/**
 * The read-only JSON documents of "Show Details" (`lambda-workbench:/<region>/<kind>/<name>.json`).
 * Showing the same resource again updates its open document.
 */
export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      this.emitter,
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === DETAILS_SCHEME) {
          this.contents.delete(doc.uri.toString());
        }
      }),
    );
  }

  static uriFor(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${path.replace(/^\/+/, '')}` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? JSON.stringify({ message: vscode.l10n.t('Run "Show Details" again to load this resource.') }, null, 2);
  }

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.emitter.fire(uri);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

/** JSON of an SDK response, without the SDK's `$metadata`. */
export function detailsJson(value: unknown): string {
  return `${JSON.stringify(value, (key, v: unknown) => (key.startsWith('$') ? undefined : v), 2)}\n`;
}
