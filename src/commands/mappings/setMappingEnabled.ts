import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import { functionNameOf } from '../../shared/arn';
import { SETTINGS, SETTINGS_SECTION, settingId } from '../../shared/ids';
import { hasMappingTarget, type MappingTarget } from '../../shared/lambdaTarget';
import { reportAcceptedUnreadable } from '../../core/reportError';
import { pickMapping } from '../../pickers/resourcePickers';
import { mappingDisplayName } from '../resources/resolveResource';
import type { Workbench } from '../workbench';

/** How often the state is polled while the mapping settles. */
const POLL_MS = 1000;

/**
 * Enables or disables an event source mapping, then waits (with a cancellable progress: Cancel
 * stops the wait, the change itself is sent) until it leaves Enabling/Disabling; its nodes in
 * both views follow each state. Without a node, asks which mapping. Asks first (naming the
 * mapping, the function and the account) unless `lambdaWorkbench.mappings.confirmStateChange`
 * is off.
 */
export async function setMappingEnabled(wb: Workbench, enabled: boolean, node?: unknown): Promise<EventSourceMappingConfiguration> {
  const title = enabled ? vscode.l10n.t('Enable Event Source Mapping') : vscode.l10n.t('Disable Event Source Mapping');
  const target: MappingTarget = hasMappingTarget(node) ? node.mappingTarget : await pickMapping(wb.connection, { title });
  const name = mappingDisplayName(target);
  await confirmStateChange(wb, target, name, enabled);
  const service = wb.connection.service(target.region);
  const wanted = enabled ? 'Enabled' : 'Disabled';
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: enabled ? vscode.l10n.t('Enabling the event source mapping of {0}', name) : vscode.l10n.t('Disabling the event source mapping of {0}', name),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const { updated, settled, unreadableAnswer } = await service.updateEventSourceMappingAndWait(
          { UUID: target.uuid, Enabled: enabled },
          {
            signal: controller.signal,
            intervalMs: POLL_MS,
            onState: (state) => {
              progress.report({ message: state });
              wb.views.updateMapping(target.region, target.uuid, { State: state });
            },
          },
        );
        const last = settled ?? updated;
        wb.views.updateMapping(target.region, target.uuid, last);
        if (unreadableAnswer) {
          reportAcceptedUnreadable(unreadableAnswer, { label: name, operation: 'UpdateEventSourceMapping', now: last.State ?? '?' });
        }
        if (settled && settled.State !== wanted) {
          throw new Error(vscode.l10n.t('The event source mapping of {0} is {1}, not {2}.', name, settled.State ?? '?', wanted));
        }
        return last;
      } finally {
        subscription.dispose();
      }
    },
  );
}

/** The question before the change; throws Cancelled when the person does not confirm. */
async function confirmStateChange(wb: Workbench, target: MappingTarget, name: string, enabled: boolean): Promise<void> {
  if (!vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(SETTINGS.confirmMappingState, true)) {
    return;
  }
  const fn = target.functionArn ? functionNameOf(target.functionArn) : vscode.l10n.t('its function');
  const go = enabled ? vscode.l10n.t('Enable') : vscode.l10n.t('Disable');
  const message = enabled
    ? vscode.l10n.t('Enable the event source mapping of {0} → {1} ({2})?', name, fn, target.region)
    : vscode.l10n.t('Disable the event source mapping of {0} → {1} ({2})?', name, fn, target.region);
  const effect = enabled
    ? vscode.l10n.t('{0} starts receiving records from {1} again.', fn, name)
    : vscode.l10n.t('{0} stops receiving records from {1} until the mapping is enabled again; the records wait in the source.', fn, name);
  const detail = [
    effect,
    vscode.l10n.t('Mapping: {0}', target.uuid),
    await wb.connection.signer(),
    vscode.l10n.t('The setting {0} turns this question off.', settingId(SETTINGS.confirmMappingState)),
  ].join('\n');
  const answer = await ui().showWarningMessage(message, { modal: true, detail }, go);
  if (answer !== go) {
    throw new Cancelled();
  }
}
