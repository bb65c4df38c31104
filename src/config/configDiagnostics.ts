import * as vscode from 'vscode';
import { OTHER_IDS } from '../shared/ids';
import type { ConfigProblem } from './model';

const DIAGNOSTIC_SOURCE = 'Lambda Workbench';

/**
 * Problems found when applying a config file, shown in the editor and the Problems view.
 * A file's problems are cleared as soon as it is edited or closed (the JSON language support
 * keeps showing the schema's problems while typing). One diagnostic per problem: a problem
 * that another source (the JSON language support's schema check) already shows at the same
 * place is not shown twice; should that other diagnostic go away, this one shows.
 */
export class ConfigDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(OTHER_IDS.diagnostics);
  private readonly disposables: vscode.Disposable[] = [];
  /** Every problem found in a file by the last Apply (shown or covered by another source). */
  private readonly found = new Map<string, vscode.Diagnostic[]>();

  constructor() {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.found.has(e.document.uri.toString())) {
          this.clear(e.document.uri);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) {
          if (this.found.has(uri.toString())) {
            this.render(uri);
          }
        }
      }),
    );
  }

  set(doc: vscode.TextDocument, problems: readonly ConfigProblem[]): void {
    if (problems.length === 0) {
      this.clear(doc.uri);
      return;
    }
    this.found.set(
      doc.uri.toString(),
      problems.map((p) => {
        const range = new vscode.Range(doc.positionAt(p.offset), doc.positionAt(p.offset + p.length));
        const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = DIAGNOSTIC_SOURCE;
        d.code = p.code;
        return d;
      }),
    );
    this.render(doc.uri);
  }

  clear(uri: vscode.Uri): void {
    this.found.delete(uri.toString());
    this.collection.delete(uri);
  }

  /** Shows the problems of a file that no other source shows at the same place. */
  private render(uri: vscode.Uri): void {
    const all = this.found.get(uri.toString()) ?? [];
    const shown = this.collection.get(uri) ?? [];
    const others = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== DIAGNOSTIC_SOURCE);
    // The same place: the schema check marks the offending value (or key) where the config model does.
    const wanted = all.filter((d) => !others.some((o) => o.range.start.isEqual(d.range.start)));
    const same = wanted.length === shown.length && wanted.every((d, i) => d.message === shown[i].message && d.range.isEqual(shown[i].range));
    if (!same) {
      this.collection.set(uri, wanted);
    }
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
