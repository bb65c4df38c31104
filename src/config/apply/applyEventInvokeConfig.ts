/**
 * Apply an event invoke config file: read the current config, show current ↔ after (Put
 * replaces, Update merges), ask, send one Put or Update, tell what it now is.
 */
import type { FunctionEventInvokeConfig, PutFunctionEventInvokeConfigCommandInput } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import { log } from '../../core/log';
import { showError, showInfo } from '../../core/notify';
import { remoteChanged } from '../../core/remoteChanges';
import { functionNameOf, regionOfFunctionReference, splitFunctionReference } from '../../shared/arn';
import { targetLabel } from '../../shared/lambdaTarget';
import { loadConfigModel } from '../configModel';
import { unreadableAnswer } from '../../shared/awsErrors';
import { baseName, pickApplyRegion, previewAndConfirm, reportAcceptedUnreadable, reportFailure } from './applySteps';
import type { ApplyOutcome, ApplyServices } from './applyTypes';

type Obj = Record<string, unknown>;

export async function applyEventInvokeConfig(services: ApplyServices, doc: vscode.TextDocument, value: Obj, mode: 'put' | 'update', base: ApplyOutcome): Promise<ApplyOutcome> {
  const model = loadConfigModel();
  const name = baseName(doc.uri);
  const functionName = String(value.FunctionName);
  const region = regionOfFunctionReference(functionName) ?? services.files.regionOf(doc.uri) ?? (await pickApplyRegion(services, vscode.l10n.t('Apply {0}', name)));
  services.files.rememberRegion(doc.uri, region);
  const qualifierField = typeof value.Qualifier === 'string' ? value.Qualifier : undefined;
  const label = targetLabel({ region, functionName: functionNameOf(functionName), qualifier: qualifierField ?? splitFunctionReference(functionName).qualifier });
  const service = services.connection.service(region);
  const withRegion: ApplyOutcome = { ...base, region };

  let state: FunctionEventInvokeConfig | undefined;
  try {
    state = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the event invoke config of {0}…', label) }, () =>
      service.getEventInvokeConfig(functionName, qualifierField),
    );
  } catch (err) {
    return reportFailure(services, err, label, region, withRegion);
  }
  if (mode === 'update' && !state) {
    showError(vscode.l10n.t('{0} has no event invoke config yet: Update changes an existing one. Use "Replace (Put)" to create it. Nothing was sent.', label));
    return { ...withRegion, status: 'failed', error: 'NoEventInvokeConfig' };
  }
  const plan = model.planEventInvokeConfig(value, state, mode, label);
  const outcome: ApplyOutcome = {
    ...withRegion,
    changes: plan.changes,
    removed: plan.removed.map((c) => c.path),
    request: plan.request,
    preview: { current: plan.currentText, result: plan.resultText },
  };
  if (state && plan.changes.length === 0) {
    showInfo(vscode.l10n.t('The event invoke config of {0} already has these settings: nothing to apply.', label));
    return { ...outcome, status: 'unchanged' };
  }

  const removed = plan.removed.map((c) => `${c.path} (${typeof c.before === 'string' ? c.before : JSON.stringify(c.before)})`);
  const confirmed = await previewAndConfirm(services, doc, {
    currentText: plan.currentText,
    resultText: plan.resultText,
    title: mode === 'put' ? vscode.l10n.t('{0}: current ↔ after Put (replace)', label) : vscode.l10n.t('{0}: current ↔ after Update (merge)', label),
    message:
      mode === 'update'
        ? vscode.l10n.t('Update the event invoke config of {0}? Only the settings of {1} change; the others are kept.', label, name)
        : removed.length > 0
          ? vscode.l10n.t('Replace the event invoke config of {0}? Put sets exactly the settings of the file. These settings will be removed: {1}.', label, removed.join(', '))
          : vscode.l10n.t('Replace the event invoke config of {0} with the settings of {1}?', label, name),
    detail: model.formatChanges(plan.changes),
    confirm: mode === 'put' ? vscode.l10n.t('Replace (Put)') : vscode.l10n.t('Update'),
  });
  if (!confirmed) {
    return { ...outcome, status: 'cancelled' };
  }

  let response: FunctionEventInvokeConfig;
  try {
    const input = plan.request as unknown as PutFunctionEventInvokeConfigCommandInput;
    response = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying {0} to {1}…', name, label) }, () =>
      mode === 'put' ? service.putEventInvokeConfig(input) : service.updateEventInvokeConfig(input),
    );
  } catch (err) {
    await confirmed.close();
    const answer = unreadableAnswer(err);
    if (answer) {
      // Accepted: what it is now is read again, rather than the answer that was lost.
      try {
        const now = await service.getEventInvokeConfig(functionName, qualifierField);
        services.diagnostics.clear(doc.uri);
        reportAcceptedUnreadable(answer, { label, operation: mode === 'put' ? 'PutFunctionEventInvokeConfig' : 'UpdateFunctionEventInvokeConfig', now: now ? summary(now) : vscode.l10n.t('no event invoke config') });
        return { ...outcome, status: 'applied', answerUnreadable: true, response: now };
      } catch (again) {
        log().warn(`Reading the event invoke config of ${label} again failed: ${String(again)}`);
      }
    }
    return reportFailure(services, err, label, region, outcome);
  } finally {
    remoteChanged({ region, kind: 'eventInvokeConfig' });
  }
  await confirmed.close();
  services.diagnostics.clear(doc.uri);
  log().info(`${mode === 'put' ? 'PutFunctionEventInvokeConfig' : 'UpdateFunctionEventInvokeConfig'} ${label}: ${JSON.stringify(plan.request)}`);
  showInfo(
    mode === 'put'
      ? vscode.l10n.t('Event invoke config of {0} replaced: {1}', label, summary(response))
      : vscode.l10n.t('Event invoke config of {0} updated: {1}', label, summary(response)),
  );
  return { ...outcome, status: 'applied', response };
}

function summary(config: FunctionEventInvokeConfig): string {
  const s = loadConfigModel().eventInvokeSettings(config);
  const parts = [
    s.MaximumRetryAttempts !== undefined ? vscode.l10n.t('{0} retries', s.MaximumRetryAttempts) : undefined,
    s.MaximumEventAgeInSeconds !== undefined ? vscode.l10n.t('events kept {0} s', s.MaximumEventAgeInSeconds) : undefined,
    s.DestinationConfig?.OnSuccess?.Destination ? vscode.l10n.t('on success → {0}', s.DestinationConfig.OnSuccess.Destination) : undefined,
    s.DestinationConfig?.OnFailure?.Destination ? vscode.l10n.t('on failure → {0}', s.DestinationConfig.OnFailure.Destination) : undefined,
  ].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : vscode.l10n.t('no settings (Lambda defaults)');
}
