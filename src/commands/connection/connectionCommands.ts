import * as vscode from 'vscode';
import type { Connection } from '../../core/connection';
import { loadAws } from '../../core/lazy';
import { registerCommand, UserCancelledError } from '../../core/runCommand';
import { ui } from '../../core/userInput';

const COMMON_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
  'me-central-1', 'af-south-1', 'il-central-1',
];

async function updateSetting(key: string, value: unknown): Promise<void> {
  // Written to user settings: where signed requests go is the user's choice, not the workspace's.
  await vscode.workspace.getConfiguration('lambdaWorkbench').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function selectProfile(): Promise<string | undefined> {
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
    throw new UserCancelledError();
  }
  await updateSetting('profile', pick.profile);
  return pick.profile;
}

export async function selectRegions(connection: Connection): Promise<string[]> {
  const current = await connection.regions();
  const all = [...new Set([...current, ...COMMON_REGIONS])];
  const items = all.map((r) => ({ label: r, picked: current.includes(r) }));
  const picks = await ui().showQuickPick(items, { title: vscode.l10n.t('Select Regions'), placeHolder: vscode.l10n.t('Regions to show in the Lambda Workbench views'), canPickMany: true });
  if (!picks || picks.length === 0) {
    throw new UserCancelledError();
  }
  const regions = picks.map((p) => p.label);
  await updateSetting('regions', regions);
  return regions;
}

export function registerConnectionCommands(connection: Connection): vscode.Disposable[] {
  return [
    registerCommand('lambdaWorkbench.selectProfile', () => selectProfile()),
    registerCommand('lambdaWorkbench.selectRegions', () => selectRegions(connection)),
    registerCommand('lambdaWorkbench.switchConnection', async () => {
      const profileItem = { label: vscode.l10n.t('$(account) Profile…'), description: connection.profile ?? vscode.l10n.t('default credentials'), action: 'profile' as const };
      const regionsItem = { label: vscode.l10n.t('$(globe) Regions…'), description: (await connection.regions()).join(', '), action: 'regions' as const };
      const pick = await ui().showQuickPick([profileItem, regionsItem], { title: vscode.l10n.t('Switch Profile or Region') });
      if (!pick) {
        throw new UserCancelledError();
      }
      return pick.action === 'profile' ? selectProfile() : selectRegions(connection);
    }),
  ];
}
