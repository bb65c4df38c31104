import * as vscode from 'vscode';
import { openEventSourceMappingFile } from '../../config/openConfigFile';
import { pickMapping } from '../../pickers/resourcePickers';
import { hasMappingTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** Edit Event Source Mapping: an event source mapping (the tree node, or a picker). */
export async function editEventSourceMapping(wb: Workbench, node?: unknown): Promise<vscode.Uri> {
  const target = hasMappingTarget(node) ? node.mappingTarget : await pickMapping(wb.connection, { title: vscode.l10n.t('Edit Event Source Mapping') });
  return openEventSourceMappingFile(wb.connection, wb.configFiles, target, false);
}
