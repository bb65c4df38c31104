import * as vscode from 'vscode';
import { SETTINGS, SETTINGS_SECTION } from '../../shared/ids';

/** Regions offered besides the ones shown. */
export const COMMON_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
  'me-central-1', 'af-south-1', 'il-central-1',
];

/** Written to user settings: where signed requests go is the user's choice, not the workspace's. */
export async function updateConnectionSetting(key: typeof SETTINGS.profile | typeof SETTINGS.regions, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}
