/** What the shareable test event commands share: their arguments, the account they name, their errors. */
import * as vscode from 'vscode';
import { AlreadyReported, isSilentStop } from '../../core/errors';
import { log } from '../../core/log';
import { showError, showWarning } from '../../core/notify';
import { reportError } from '../../core/reportError';
import { accountOfArn } from '../../shared/arn';
import { isCancellation } from '../../shared/awsErrors';
import type { LambdaTarget } from '../../shared/lambdaTarget';
import { PayloadFileNode } from '../../tree/nodes/PayloadFileNode';
import { TestEventNode } from '../../tree/nodes/TestEventNode';
import type { Workbench } from '../workbench';

export function testEventNodeOf(x: unknown): TestEventNode {
  if (x instanceof TestEventNode) {
    return x;
  }
  throw new Error(vscode.l10n.t('Run this command on a shareable test event in the Lambda Workbench view.'));
}

export function eventOrPayloadNodeOf(x: unknown): TestEventNode | PayloadFileNode {
  if (x instanceof TestEventNode || x instanceof PayloadFileNode) {
    return x;
  }
  throw new Error(vscode.l10n.t('Run this command on a test event in the Lambda Workbench view.'));
}

/** The account of a function: from its ARN, else from GetFunctionConfiguration; undefined when unknown. */
export async function accountOf(wb: Workbench, target: LambdaTarget): Promise<string | undefined> {
  const fromArn = accountOfArn(target.functionArn);
  if (fromArn) {
    return fromArn;
  }
  try {
    const c = await wb.connection.service(target.region).getFunctionConfiguration(target.functionName);
    return accountOfArn(c.FunctionArn);
  } catch (err) {
    log().warn(`Could not read the account of ${target.functionName}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** "account 111111111111 (us-east-1)", or "us-east-1" when the account is unknown. */
export function whereText(account: string | undefined, region: string): string {
  return account ? vscode.l10n.t('account {0} ({1})', account, region) : region;
}

/**
 * Tells what went wrong with the shareable test events, in one place: a concurrent change is a
 * warning (the events are read again); a bad name, event or document says what; an AWS error
 * goes the one error path with the Schemas hints. Always throws (AlreadyReported).
 */
export function failTestEvents(wb: Workbench, err: unknown, what: string, target: LambdaTarget): never {
  if (isSilentStop(err) || isCancellation(err)) {
    throw err;
  }
  const name = (err as { name?: string } | undefined)?.name;
  if (name === 'TestEventsChangedError') {
    log().warn(`${what}: ${(err as Error).message}`);
    showWarning((err as Error).message);
    wb.views.refreshTestEvents(target.region, target.functionName);
    throw new AlreadyReported();
  }
  if (name === 'TestEventInputError' || name === 'CorruptTestEventDocumentError') {
    log().warn(`${what}: ${(err as Error).message}`);
    showError(vscode.l10n.t('{0}: {1}', what, (err as Error).message));
    throw new AlreadyReported();
  }
  reportError(err, {
    what,
    context: { profile: wb.connection.profile, region: target.region, endpoint: wb.connection.endpoint, service: 'schemas' },
    logAs: `Shareable test events of ${target.functionName}`,
  });
  throw new AlreadyReported();
}
