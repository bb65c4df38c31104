import * as vscode from 'vscode';
import { openEventSourceMappingFile } from '../../config/openConfigFile';
import { pickMapping } from '../../pickers/resourcePickers';
import { hasMappingTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** New Event Source Mapping File: an event source mapping (the tree node, or a picker). */
export async function newEventSourceMappingFile(wb: Workbench, node?: unknown): Promise<vscode.Uri> {
  const target = hasMappingTarget(node) ? node.mappingTarget : await pickMapping(wb.connection, { title: vscode.l10n.t('New Event Source Mapping File') });
  return openEventSourceMappingFile(wb.connection, wb.configFiles, target, true);
}
