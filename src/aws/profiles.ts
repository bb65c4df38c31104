/** Profiles and their settings, read from the user's shared AWS files with the SDK's own loader. */
import { loadSharedConfigFiles } from '@smithy/core/config';

export interface ProfileInfo {
  name: string;
  region?: string;
  /** How its credentials are obtained, for the picker's description. */
  kind: 'sso' | 'role' | 'process' | 'keys' | 'web-identity' | 'other';
  endpointUrl?: string;
  ssoSession?: string;
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const out: ProfileInfo[] = [];
  for (const name of names) {
    const p = { ...(credentialsFile[name] ?? {}), ...(configFile[name] ?? {}) };
    let kind: ProfileInfo['kind'] = 'other';
    if (p.sso_session || p.sso_start_url) {
      kind = 'sso';
    } else if (p.role_arn && p.web_identity_token_file) {
      kind = 'web-identity';
    } else if (p.role_arn) {
      kind = 'role';
    } else if (p.credential_process) {
      kind = 'process';
    } else if (p.aws_access_key_id) {
      kind = 'keys';
    }
    out.push({ name, region: p.region, kind, endpointUrl: p.endpoint_url, ssoSession: p.sso_session });
  }
  return out.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** The region a profile names, else AWS_REGION / AWS_DEFAULT_REGION, else undefined. */
export async function defaultRegion(profile: string | undefined): Promise<string | undefined> {
  const name = profile || process.env.AWS_PROFILE || 'default';
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  return configFile[name]?.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
}
