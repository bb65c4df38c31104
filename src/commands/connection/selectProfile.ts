import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { loadAws } from '../../core/lazy';
import { ui } from '../../core/userInput';
import { markWalkthroughStep } from '../../core/walkthrough';
import { SETTINGS } from '../../shared/ids';
import type { Workbench } from '../workbench';
import { updateConnectionSetting } from './connectionSettings';

export type ProfileItem = vscode.QuickPickItem & { profile: string };

/**
 * The profiles of the shared files, with their kind and region; the current one first (where
 * the highlight starts, so Enter by habit changes nothing) and marked.
 */
export async function profileItems(wb: Workbench): Promise<ProfileItem[]> {
  const profiles = await loadAws().listProfiles();
  const kinds: Record<string, string> = {
    sso: vscode.l10n.t('SSO'),
    role: vscode.l10n.t('assume role'),
    process: vscode.l10n.t('credential process'),
    keys: vscode.l10n.t('access keys'),
    'web-identity': vscode.l10n.t('web identity'),
    other: '',
  };
  const currentProfile = wb.connection.profile ?? '';
  const account = wb.connection.knownAccount;
  const current = (profile: string, description: string | undefined) =>
    profile === currentProfile ? [vscode.l10n.t('current'), ...(account ? [vscode.l10n.t('account {0}', account)] : []), description].filter(Boolean).join(' · ') : description;
  const items: ProfileItem[] = [
    { label: vscode.l10n.t('$(circle-slash) Default credential chain'), description: current('', vscode.l10n.t('AWS_PROFILE, environment variables, default profile')), profile: '' },
    ...profiles.map((p) => ({
      label: p.name,
      description: current(p.name, [kinds[p.kind], p.region].filter(Boolean).join(' · ')),
      detail: p.endpointUrl ? vscode.l10n.t('endpoint_url: {0}', p.endpointUrl) : undefined,
      profile: p.name,
    })),
  ];
  const at = items.findIndex((i) => i.profile === currentProfile);
  if (at >= 0) {
    const [mine] = items.splice(at, 1);
    items.unshift({ ...mine, label: mine.profile ? `$(check) ${mine.label}` : mine.label.replace('$(circle-slash)', '$(check)') });
  }
  if (profiles.length === 0) {
    items.push({ label: vscode.l10n.t('No profiles found in ~/.aws/config or ~/.aws/credentials'), profile: '' });
  }
  return items;
}

/** Switches to the picked profile (a user setting) and ticks the walkthrough's step. */
export async function useProfile(pick: ProfileItem): Promise<string> {
  await updateConnectionSetting(SETTINGS.profile, pick.profile);
  markWalkthroughStep('connected');
  return pick.profile;
}

/** Select AWS Profile…: the profiles of the shared files, the current one first and marked. */
export async function selectProfile(wb: Workbench): Promise<string | undefined> {
  const pick = await ui().showQuickPick(profileItems(wb), { title: vscode.l10n.t('Select AWS Profile'), placeHolder: vscode.l10n.t('Profiles from your shared AWS config and credentials files') });
  if (!pick) {
    throw new Cancelled();
  }
  return useProfile(pick);
}
