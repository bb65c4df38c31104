import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import type { Workbench } from '../workbench';
import { profileItems, useProfile, type ProfileItem } from './selectProfile';
import { selectRegions } from './selectRegions';

type SwitchItem = vscode.QuickPickItem & ({ profile: string; regions?: undefined } | { regions: true; profile?: undefined });

/** The status bar's switch, in one step: a profile (the current one first), or the regions. */
export async function switchConnection(wb: Workbench): Promise<string | string[] | undefined> {
  const items: Promise<SwitchItem[]> = Promise.all([profileItems(wb), wb.connection.regions()]).then(([profiles, regions]) => [
    { label: vscode.l10n.t('Profiles'), kind: vscode.QuickPickItemKind.Separator, profile: '' },
    ...profiles,
    { label: vscode.l10n.t('Regions'), kind: vscode.QuickPickItemKind.Separator, profile: '' },
    { label: vscode.l10n.t('$(globe) Regions…'), description: regions.join(', '), regions: true },
  ]);
  const pick = await ui().showQuickPick(items, { title: vscode.l10n.t('Switch Profile or Region'), placeHolder: vscode.l10n.t('A profile to switch to, or the regions to show'), matchOnDescription: true });
  if (!pick) {
    throw new Cancelled();
  }
  return pick.regions ? selectRegions(wb) : useProfile(pick as ProfileItem);
}
