/**
 * Workspace trust decisions, as pure functions (no vscode), so that they can be tested
 * without an untrusted window:
 * - which values of the settings that choose where signed requests go (profile, regions,
 *   endpoint) count;
 * - when sending the content of a file (a payload, a config file) asks first.
 */

/** What `WorkspaceConfiguration.get()` and `inspect()` say about one setting. */
export interface SettingValues<T> {
  /** `get()`: the merged value (workspace folder, workspace, user, default). */
  value?: T;
  /** `inspect().globalValue`: the user's own setting. */
  globalValue?: T;
  /** `inspect().defaultValue`. */
  defaultValue?: T;
}

export interface ConnectionSettingValues {
  profile: SettingValues<string>;
  regions: SettingValues<unknown>;
  endpoint: SettingValues<string>;
}

export interface ResolvedConnectionSettings {
  profile?: string;
  regions: string[];
  endpoint?: string;
}

/**
 * The value of a window-scoped setting: the merged value in a trusted workspace; in an
 * untrusted one only the user's own setting or the default (a workspace must not choose
 * which credentials sign requests, or where they go).
 */
export function trustedSettingValue<T>(s: SettingValues<T>, trusted: boolean): T | undefined {
  return trusted ? s.value : (s.globalValue ?? s.defaultValue);
}

/**
 * Profile, regions and endpoint. The endpoint is an application setting: only the user's own
 * value counts, whatever the trust (a workspace never redirects signed requests).
 */
export function resolveConnectionSettings(values: ConnectionSettingValues, trusted: boolean): ResolvedConnectionSettings {
  const rawProfile = trustedSettingValue(values.profile, trusted);
  const profile = typeof rawProfile === 'string' ? rawProfile.trim() : '';
  const rawRegions = trustedSettingValue(values.regions, trusted);
  const regions = (Array.isArray(rawRegions) ? rawRegions : [])
    .filter((r): r is string => typeof r === 'string' && r.trim() !== '')
    .map((r) => r.trim());
  const rawEndpoint = values.endpoint.globalValue;
  const endpoint = typeof rawEndpoint === 'string' ? rawEndpoint.trim() : '';
  return { profile: profile || undefined, regions, endpoint: endpoint || undefined };
}

/** Where the text that would be sent comes from. */
export type SendSource =
  /** The built-in `{}` payload. */
  | { kind: 'empty' }
  /** A document: `scheme` of its URI (`file`, `untitled`, …). */
  | { kind: 'document'; scheme: string };

/**
 * In an untrusted workspace, sending the content of a file (a payload to Invoke, a config file
 * to Apply) asks first: the file may come from the untrusted project. An untitled editor holds
 * what the user typed, and the built-in empty payload holds nothing: neither asks.
 */
export function needsTrustConfirmation(trusted: boolean, source: SendSource): boolean {
  return !trusted && source.kind === 'document' && source.scheme !== 'untitled';
}
