import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { loadAws } from '../../core/lazy';
import { ui } from '../../core/userInput';
import { SETTINGS } from '../../shared/ids';
import type { Workbench } from '../workbench';
import { updateConnectionSetting } from './connectionSettings';

/** Select AWS Profile…: the profiles of the shared files, with their kind and region. */
export async function selectProfile(_wb: Workbench): Promise<string | undefined> {
  const profiles = await loadAws().listProfiles();
  const kinds: Record<string, string> = {
    sso: vscode.l10n.t('SSO'),
    role: vscode.l10n.t('assume role'),
    process: vscode.l10n.t('credential process'),
    keys: vscode.l10n.t('access keys'),
    'web-identity': vscode.l10n.t('web identity'),
    other: '',
  };
  const items: Array<vscode.QuickPickItem & { profile: string }> = [
    { label: vscode.l10n.t('$(circle-slash) Default credential chain'), description: vscode.l10n.t('AWS_PROFILE, environment variables, default profile'), profile: '' },
    ...profiles.map((p) => ({
      label: p.name,
      description: [kinds[p.kind], p.region].filter(Boolean).join(' · '),
      detail: p.endpointUrl ? vscode.l10n.t('endpoint_url: {0}', p.endpointUrl) : undefined,
      profile: p.name,
    })),
  ];
  if (profiles.length === 0) {
    items.push({ label: vscode.l10n.t('No profiles found in ~/.aws/config or ~/.aws/credentials'), profile: '' });
  }
  const pick = await ui().showQuickPick(items, { title: vscode.l10n.t('Select AWS Profile'), placeHolder: vscode.l10n.t('Profiles from your shared AWS config and credentials files') });
  if (!pick) {
    throw new Cancelled();
  }
  await updateConnectionSetting(SETTINGS.profile, pick.profile);
  return pick.profile;
}
