import * as vscode from 'vscode';
import type { InvokeOutcome } from '../../invoke/invoker';
import { PayloadFileNode } from '../../tree/nodes/PayloadFileNode';
import type { Workbench } from '../workbench';
import { eventOrPayloadNodeOf } from './testEventSupport';

/** A click (or ▶) on a test event: invokes the function with the event and its invocation type. */
export function invokeTestEvent(wb: Workbench, node?: unknown): Promise<InvokeOutcome> {
  const n = eventOrPayloadNodeOf(node);
  if (n instanceof PayloadFileNode) {
    const type = n.payload.invocationType;
    return wb.invoker.run({ target: n.functionTarget, source: { kind: 'file', uri: vscode.Uri.parse(n.payload.uri) }, options: { invocationType: type === 'Event' || type === 'DryRun' ? type : 'RequestResponse' } });
  }
  return wb.invoker.run({
    target: n.functionTarget,
    source: { kind: 'text', label: vscode.l10n.t('shareable test event "{0}"', n.event.name), text: n.text },
    options: { invocationType: n.event.invocationType },
  });
}
