/** The steps of Apply to AWS that both kinds of config files share. */
import * as vscode from 'vscode';
import { actions, showError } from '../../core/notify';
import { reportError } from '../../core/reportError';
import { ui } from '../../core/userInput';
import { pickRegion } from '../../pickers/resourcePickers';
import { unreadableAnswer } from '../../shared/awsErrors';
import type { ConfigProblem } from '../model';
import type { ApplyOutcome, ApplyServices } from './applyTypes';

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** Problems stop the Apply: they become diagnostics, the first is selected, and nothing is sent. */
export function rejectInvalid(services: ApplyServices, doc: vscode.TextDocument, problems: ConfigProblem[], base: ApplyOutcome): ApplyOutcome {
  services.diagnostics.set(doc, problems);
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (editor && first) {
    const range = new vscode.Range(doc.positionAt(first.offset), doc.positionAt(first.offset + first.length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  const message =
    errors.length === 1
      ? vscode.l10n.t('{0} was not applied (nothing was sent): {1}', baseName(doc.uri), first.message)
      : vscode.l10n.t('{0} was not applied (nothing was sent): {1} problems. First: {2}', baseName(doc.uri), errors.length, first?.message ?? '');
  showError(message, actions.showProblems());
  return { ...base, status: 'invalid', problems: errors.map((p) => p.message) };
}

/**
 * A request that failed: nothing changed. Told the one way errors are told. (An answer that
 * could not be read after a 2xx is no failure to change: the request was accepted.)
 */
export function reportFailure(services: ApplyServices, err: unknown, label: string, region: string, base: ApplyOutcome): ApplyOutcome {
  const accepted = unreadableAnswer(err) !== undefined;
  const { described: d } = reportError(err, {
    what: accepted ? vscode.l10n.t('{0}: the change was sent and accepted, and what it is now could not be read', label) : vscode.l10n.t('{0} was not changed', label),
    context: { profile: services.connection.profile, region, endpoint: services.connection.endpoint, target: label },
    logAs: `Apply ${base.operation} ${label}`,
  });
  return accepted ? { ...base, status: 'applied', answerUnreadable: true, error: `${d.name}: ${d.message}` } : { ...base, status: 'failed', error: `${d.name}: ${d.message}` };
}

export { reportAcceptedUnreadable } from '../../core/reportError';

/** The region to apply in when the file names none and none is remembered. */
export async function pickApplyRegion(services: ApplyServices, title: string): Promise<string> {
  return pickRegion(services.connection, title, vscode.l10n.t('The file names no region: pick the region to apply it in'));
}

/**
 * The diff of the current settings and the result, then the modal question. Resolves to the
 * open preview when the person confirms, undefined (preview closed) when not.
 */
export async function previewAndConfirm(
  services: ApplyServices,
  doc: vscode.TextDocument,
  p: { currentText: string; resultText: string; title: string; message: string; detail: string; confirm: string },
): Promise<{ close(): Promise<void> } | undefined> {
  const preview = await services.previews.show(baseName(doc.uri), p.currentText, p.resultText, p.title);
  const close = () => services.previews.close(preview);
  const detail = [p.detail, await services.connection.signer()].filter(Boolean).join('\n\n');
  const answer = await ui().showWarningMessage(p.message, { modal: true, detail }, p.confirm);
  if (answer !== p.confirm) {
    await close();
    return undefined;
  }
  return { close };
}
