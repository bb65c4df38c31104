import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import type { Workbench } from '../workbench';
import { selectProfile } from './selectProfile';
import { selectRegions } from './selectRegions';

/** The status bar's switch: the profile or the regions. */
export async function switchConnection(wb: Workbench): Promise<string | string[] | undefined> {
  const profileItem = { label: vscode.l10n.t('$(account) Profile…'), description: wb.connection.profile ?? vscode.l10n.t('default credentials'), action: 'profile' as const };
  const regionsItem = { label: vscode.l10n.t('$(globe) Regions…'), description: (await wb.connection.regions()).join(', '), action: 'regions' as const };
  const pick = await ui().showQuickPick([profileItem, regionsItem], { title: vscode.l10n.t('Switch Profile or Region') });
  if (!pick) {
    throw new Cancelled();
  }
  return pick.action === 'profile' ? selectProfile(wb) : selectRegions(wb);
}
