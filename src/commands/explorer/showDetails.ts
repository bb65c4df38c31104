import * as vscode from 'vscode';
import type { Explorer } from '../../tree/explorer';
import { DetailsDocuments, detailsJson } from './detailsDocuments';
import { resolveResource } from './resource';

/** Opens what AWS says about a function, version, alias, invoke config or mapping now, as read-only JSON. */
export async function showDetails(explorer: Explorer, documents: DetailsDocuments, node?: unknown): Promise<vscode.TextDocument> {
  const r = await resolveResource(explorer, node, vscode.l10n.t('Show Details'), { allowMappings: true });
  const details = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}…', r.resourceName), cancellable: false },
    () => r.loadDetails(new AbortController().signal),
  );
  const uri = DetailsDocuments.uriFor(r.detailsPath);
  documents.set(uri, detailsJson(details));
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'json') {
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  }
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}
