/**
 * Apply an event source mapping file: find the mapping (and its region), check the rules that
 * depend on its source, show current ↔ after, ask, send one UpdateEventSourceMapping, and
 * follow its state until it settles (a Cancel stops the wait only).
 */
import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { log } from '../../core/log';
import { showInfo } from '../../core/notify';
import { remoteChanged } from '../../core/remoteChanges';
import { functionNameOf, regionOfFunctionReference, shortSourceName } from '../../shared/arn';
import { isCancellation } from '../../shared/awsErrors';
import { loadConfigModel } from '../configModel';
import type { MappingState } from '../model';
import { pickApplyRegion, previewAndConfirm, rejectInvalid, reportAcceptedUnreadable, reportFailure } from './applySteps';
import type { ApplyOutcome, ApplyServices } from './applyTypes';
import type { UpdateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';

type Obj = Record<string, unknown>;

/** The mapping and its region: from FunctionName, the remembered region, or by looking in each shown region. */
async function findMapping(services: ApplyServices, doc: vscode.TextDocument, value: Obj): Promise<{ region: string; state: MappingState }> {
  const uuid = String(value.UUID);
  const known = regionOfFunctionReference(value.FunctionName) ?? services.files.regionOf(doc.uri);
  const read = (region: string) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading event source mapping {0} ({1})…', uuid, region) }, () =>
      services.connection.service(region).getEventSourceMapping(uuid),
    );
  if (known) {
    return { region: known, state: (await read(known)) as MappingState };
  }
  const regions = await services.connection.regions();
  const results = await Promise.allSettled(regions.map((r) => read(r)));
  const found = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ region: regions[i], state: r.value as MappingState }] : []));
  if (found.length === 1) {
    return found[0];
  }
  if (found.length > 1) {
    const region = await pickApplyRegion(services, vscode.l10n.t('Event source mapping {0} exists in several regions', uuid));
    return found.find((f) => f.region === region) ?? found[0];
  }
  const other = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && (r.reason as { name?: string })?.name !== 'ResourceNotFoundException');
  if (other) {
    throw other.reason;
  }
  throw Object.assign(new Error(vscode.l10n.t('Event source mapping {0} was not found in {1}.', uuid, regions.join(', '))), { name: 'ResourceNotFoundException' });
}

export async function applyMappingUpdate(services: ApplyServices, doc: vscode.TextDocument, value: Obj, base: ApplyOutcome): Promise<ApplyOutcome> {
  const model = loadConfigModel();
  const uuid = String(value.UUID);
  let found: { region: string; state: MappingState };
  try {
    found = await findMapping(services, doc, value);
  } catch (err) {
    if (isCancellation(err) || err instanceof Cancelled) {
      throw err;
    }
    // The regions looked in, for the hint ("Check the region (…)").
    return reportFailure(services, err, uuid, services.files.regionOf(doc.uri) ?? (await services.connection.regions()).join(', '), base);
  }
  const { region, state } = found;
  services.files.rememberRegion(doc.uri, region);
  const label = vscode.l10n.t('{0} ({1} → {2}, {3})', uuid, shortSourceName(state.EventSourceArn) || '?', state.FunctionArn ? functionNameOf(state.FunctionArn) : '?', region);
  const withRegion: ApplyOutcome = { ...base, region };

  // The rules that depend on the event source.
  const check = model.checkConfigText(doc.getText(), doc.uri.path, { current: state });
  if (!check.ok) {
    return rejectInvalid(services, doc, check.problems, withRegion);
  }
  services.diagnostics.set(doc, check.problems);

  const plan = model.planMappingUpdate(value, state, label);
  const outcome: ApplyOutcome = { ...withRegion, changes: plan.changes, request: plan.request, preview: { current: plan.currentText, result: plan.resultText } };
  if (plan.changed.length === 0) {
    showInfo(vscode.l10n.t('Event source mapping {0} already has these settings: nothing to apply.', label));
    return { ...outcome, status: 'unchanged' };
  }
  const confirmed = await previewAndConfirm(services, doc, {
    currentText: plan.currentText,
    resultText: plan.resultText,
    // The tab names the mapping by its source and function (a UUID says nothing at a glance).
    title: vscode.l10n.t('{0} → {1} ({2}): current ↔ after Update', shortSourceName(state.EventSourceArn) || uuid, state.FunctionArn ? functionNameOf(state.FunctionArn) : '?', region),
    message: vscode.l10n.t('Update event source mapping {0}? These settings change: {1}. The others are kept.', label, plan.changed.join(', ')),
    detail: model.formatChanges(plan.changes),
    confirm: vscode.l10n.t('Update Mapping'),
  });
  if (!confirmed) {
    return { ...outcome, status: 'cancelled' };
  }

  const service = services.connection.service(region);
  const states: string[] = [];
  let result: Awaited<ReturnType<typeof service.updateEventSourceMappingAndWait>>;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Updating event source mapping {0}', label), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          return await service.updateEventSourceMappingAndWait(plan.request as unknown as UpdateEventSourceMappingCommandInput, {
            signal: controller.signal,
            intervalMs: 500,
            onState: (st) => {
              if (states[states.length - 1] !== st) {
                if (states.length === 0) {
                  remoteChanged({ region, kind: 'eventSourceMapping' });
                }
                states.push(st);
                progress.report({ message: vscode.l10n.t('State: {0}', st || '?') });
              }
            },
          });
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (err) {
    await confirmed.close();
    remoteChanged({ region, kind: 'eventSourceMapping' });
    return reportFailure(services, err, label, region, outcome);
  }
  await confirmed.close();
  services.diagnostics.clear(doc.uri);
  remoteChanged({ region, kind: 'eventSourceMapping' });
  log().info(`UpdateEventSourceMapping ${label}: ${JSON.stringify(plan.request)} → ${states.join(' → ')}`);
  const { updated, settled, unreadableAnswer: answer } = result;
  const finalState = settled?.State ?? updated.State ?? '?';
  if (answer) {
    const now = settled ?? updated;
    const values = plan.changed.map((field) => `${field} ${JSON.stringify((now as Obj)[field]) ?? '-'}`);
    reportAcceptedUnreadable(answer, { label, operation: 'UpdateEventSourceMapping', now: [finalState, ...values].join(', ') });
    return { ...outcome, status: 'applied', answerUnreadable: true, response: now, states };
  }
  showInfo(
    settled
      ? vscode.l10n.t('Event source mapping {0} updated: {1}.', label, finalState)
      : vscode.l10n.t('Event source mapping {0} updated; it is still {1} (stopped waiting).', label, finalState),
  );
  return { ...outcome, status: 'applied', response: settled ?? updated, states };
}
