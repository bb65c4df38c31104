import * as vscode from 'vscode';
import { OTHER_IDS } from '../shared/ids';
import type { ConfigProblem } from './model';

/**
 * Problems found when applying a config file, shown in the editor and the Problems view.
 * A file's problems are cleared as soon as it is edited or closed (the JSON language support
 * keeps showing the schema's problems while typing).
 */
export class ConfigDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(OTHER_IDS.diagnostics);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.collection.has(e.document.uri)) {
          this.collection.delete(e.document.uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
    );
  }

  set(doc: vscode.TextDocument, problems: readonly ConfigProblem[]): void {
    if (problems.length === 0) {
      this.collection.delete(doc.uri);
      return;
    }
    this.collection.set(
      doc.uri,
      problems.map((p) => {
        const range = new vscode.Range(doc.positionAt(p.offset), doc.positionAt(p.offset + p.length));
        const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'Lambda Workbench';
        d.code = p.code;
        return d;
      }),
    );
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
