import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { showInfo } from '../../core/notify';
import { ui } from '../../core/userInput';
import type { WriteResult } from '../../testEvents/model/store';
import { loadTestEventsModel, testEventStore } from '../../testEvents/testEventsModel';
import type { Workbench } from '../workbench';
import { accountOf, failTestEvents, testEventNodeOf, whereText } from './testEventSupport';

/** Delete…: asks (naming the account); the function's last event takes its schema with it. */
export async function deleteTestEvent(wb: Workbench, node?: unknown): Promise<WriteResult> {
  const n = testEventNodeOf(node);
  const target = n.functionTarget;
  const account = await accountOf(wb, target);
  const last = (n.group.list?.events.length ?? 0) <= 1;
  const del = vscode.l10n.t('Delete');
  const question = vscode.l10n.t('Delete the shareable test event "{0}" of {1} from {2}? Everyone who uses this account loses it.', n.event.name, target.functionName, whereText(account, target.region));
  const answer = await ui().showWarningMessage(last ? `${question} ${vscode.l10n.t('It is the last one: the schema {0} is deleted too.', loadTestEventsModel().testEventSchemaName(target.functionName))}` : question, { modal: true }, del);
  if (answer !== del) {
    throw new Cancelled();
  }
  try {
    const result = await testEventStore(wb.connection, target.region).remove(target.functionName, n.event.name, n.schemaVersion);
    showInfo(vscode.l10n.t('Deleted the shareable test event "{0}" of {1}.', n.event.name, target.functionName));
    return result;
  } catch (err) {
    return failTestEvents(wb, err, vscode.l10n.t('Could not delete the shareable test event "{0}"', n.event.name), target);
  } finally {
    wb.views.refreshTestEvents(target.region, target.functionName);
  }
}
