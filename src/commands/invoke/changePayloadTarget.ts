import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { activePayloadDocument } from '../../invoke/payloadPicker';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';
import { pickInvokeTarget } from './invokeArguments';

/** Change target (CodeLens of a payload file): pairs the file with another function, version or alias. */
export async function changePayloadTarget(wb: Workbench, uriArg?: unknown): Promise<LambdaTarget | undefined> {
  const uri = uriArg instanceof vscode.Uri ? uriArg : activePayloadDocument()?.uri;
  if (!uri) {
    throw new Cancelled();
  }
  const target = await pickInvokeTarget(wb, vscode.l10n.t('Pair {0} with', vscode.workspace.asRelativePath(uri, false)));
  await wb.pairings.set(uri, target);
  return wb.pairings.get(uri)?.target;
}
