import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import type { InvokeOutcome } from '../../invoke/invoker';
import { newPayloadFile } from '../../invoke/payloadFiles';
import { DEFAULT_INVOKE_OPTIONS, pickInvokeOptions, pickPayload } from '../../invoke/payloadPicker';
import { invokeTraitsOfArgument } from '../../shared/invokeTraits';
import { targetLabel, targetOfArgument } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';
import { pickInvokeTarget } from './invokeArguments';

/** Invoke Function…: a function, version or alias (the tree node, or a picker), then the payload. */
export async function invokeFunction(wb: Workbench, node?: unknown): Promise<InvokeOutcome | undefined> {
  const target = targetOfArgument(node) ?? (await pickInvokeTarget(wb, vscode.l10n.t('Invoke Function')));
  let withOptions = false;
  let choice = await pickPayload(target, wb.pairings, { allowOptions: true });
  if (choice.kind === 'options') {
    withOptions = true;
    choice = await pickPayload(target, wb.pairings, { allowOptions: false });
  }
  if (choice.kind === 'template') {
    const uri = await newPayloadFile(target, wb.pairings);
    showInfo(vscode.l10n.t('{0} is paired with {1}. Edit the event, then click ▶ Invoke at the top of the file.', vscode.workspace.asRelativePath(uri, false), targetLabel(target)));
    return undefined;
  }
  if (choice.kind !== 'source') {
    throw new Cancelled();
  }
  const options = withOptions ? await pickInvokeOptions() : DEFAULT_INVOKE_OPTIONS;
  return wb.invoker.run({ target, source: choice.source, options, traits: invokeTraitsOfArgument(node) });
}
