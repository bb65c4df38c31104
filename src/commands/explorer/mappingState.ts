import type { EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import { hasMappingTarget, type MappingTarget } from '../../core/targets';
import type { Explorer } from '../../tree/explorer';
import { mappingDisplayName } from './resource';

/** How often the state is polled while the mapping settles. */
const POLL_MS = 1000;

/**
 * Enables or disables an event source mapping, then waits (with a cancellable progress)
 * until it leaves Enabling/Disabling; its nodes in both views follow each state.
 * Without a node, asks which mapping.
 */
export async function setMappingEnabled(explorer: Explorer, enabled: boolean, node?: unknown): Promise<EventSourceMappingConfiguration> {
  const title = enabled ? vscode.l10n.t('Enable Event Source Mapping') : vscode.l10n.t('Disable Event Source Mapping');
  const target: MappingTarget = hasMappingTarget(node) ? node.mappingTarget : await explorer.pickMapping({ title });
  const name = mappingDisplayName(target);
  const service = explorer.connection.service(target.region);
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
        const updated = await service.updateEventSourceMapping({ UUID: target.uuid, Enabled: enabled }, { signal: controller.signal });
        explorer.updateMapping(target.region, target.uuid, updated);
        progress.report({ message: updated.State });
        const settled = await service.waitForMappingToSettle(target.uuid, {
          signal: controller.signal,
          intervalMs: POLL_MS,
          onState: (state) => {
            progress.report({ message: state });
            explorer.updateMapping(target.region, target.uuid, { State: state });
          },
        });
        explorer.updateMapping(target.region, target.uuid, settled);
        if (settled.State !== wanted) {
          throw new Error(vscode.l10n.t('The event source mapping of {0} is {1}, not {2}.', name, settled.State ?? '?', wanted));
        }
        return settled;
      } finally {
        subscription.dispose();
      }
    },
  );
}

export function enableMapping(explorer: Explorer, node?: unknown): Promise<EventSourceMappingConfiguration> {
  return setMappingEnabled(explorer, true, node);
}

export function disableMapping(explorer: Explorer, node?: unknown): Promise<EventSourceMappingConfiguration> {
  return setMappingEnabled(explorer, false, node);
}
