import * as vscode from 'vscode';
import { DetailsDocuments, detailsJson } from '../../tree/detailsDocuments';
import type { Workbench } from '../workbench';
import { resolveResource } from './resolveResource';

/** Opens what AWS says about a function, version, alias, invoke config or mapping now, as read-only JSON. */
export async function showDetails(wb: Workbench, node?: unknown): Promise<vscode.TextDocument> {
  const r = await resolveResource(wb, node, vscode.l10n.t('Show Details'), { allowMappings: true });
  const details = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}…', r.resourceName), cancellable: false },
    () => r.loadDetails(new AbortController().signal),
  );
  const uri = DetailsDocuments.uriFor(r.detailsPath);
  wb.details.set(uri, detailsJson(details));
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'json') {
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  }
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}
