import type * as vscode from 'vscode';
import { newPayloadFile as createPayloadFile } from '../../invoke/payloadFiles';
import { targetOfArgument } from '../../shared/lambdaTarget';
import type { Workbench } from '../workbench';

/** New Payload File…: an event template in a new file, paired with the function it was run on. */
export function newPayloadFile(wb: Workbench, node?: unknown): Promise<vscode.Uri> {
  return createPayloadFile(targetOfArgument(node), wb.pairings);
}
