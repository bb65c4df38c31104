import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
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
 * both views follow each state. Without a node, asks which mapping.
 */
export async function setMappingEnabled(wb: Workbench, enabled: boolean, node?: unknown): Promise<EventSourceMappingConfiguration> {
  const title = enabled ? vscode.l10n.t('Enable Event Source Mapping') : vscode.l10n.t('Disable Event Source Mapping');
  const target: MappingTarget = hasMappingTarget(node) ? node.mappingTarget : await pickMapping(wb.connection, { title });
  const name = mappingDisplayName(target);
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
