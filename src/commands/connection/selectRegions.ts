import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import { markWalkthroughStep } from '../../core/walkthrough';
import { SETTINGS } from '../../shared/ids';
import type { Workbench } from '../workbench';
import { COMMON_REGIONS, updateConnectionSetting } from './connectionSettings';

/** Select Regions…: the regions the views show (several at once). */
export async function selectRegions(wb: Workbench): Promise<string[]> {
  const current = await wb.connection.regions();
  const all = [...new Set([...current, ...COMMON_REGIONS])];
  const items = all.map((r) => ({ label: r, picked: current.includes(r) }));
  const picks = await ui().showQuickPick(items, { title: vscode.l10n.t('Select Regions'), placeHolder: vscode.l10n.t('Regions to show in the Lambda Workbench views'), canPickMany: true });
  if (!picks || picks.length === 0) {
    throw new Cancelled();
  }
  const regions = picks.map((p) => p.label);
  await updateConnectionSetting(SETTINGS.regions, regions);
  markWalkthroughStep('connected');
  return regions;
}
