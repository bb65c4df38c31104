/**
 * `TreeItem.contextValue` of every node kind. The menus in package.json match them with
 * regexes such as `^mapping\.enabled` and `^(function|version|alias)(\.|$)`. Pure.
 */

export type GroupKind = 'versions' | 'aliases' | 'invokeConfigs' | 'mappings';

export type MappingStateValue = 'enabled' | 'disabled' | 'creating' | 'updating' | 'enabling' | 'disabling' | 'deleting';

const MAPPING_STATES: ReadonlySet<string> = new Set<MappingStateValue>(['enabled', 'disabled', 'creating', 'updating', 'enabling', 'disabling', 'deleting']);

export const CONTEXT = {
  region: 'region',
  function: 'function',
  version: 'version',
  alias: 'alias',
  invokeConfig: 'invokeConfig',
  error: 'error',
  loadMore: 'loadMore',
  empty: 'empty',
  loading: 'loading',
  testEvents: 'group.testEvents',
  /** A shareable test event: `testEvent.RequestResponse` or `testEvent.Event`. */
  testEvent: 'testEvent',
  testEventPayload: 'testEventPayload',
} as const;

/** Joins parts with dots, dropping empty ones: `contextValue('mapping', 'enabled')` → `mapping.enabled`. */
export function contextValue(...parts: Array<string | undefined>): string {
  return parts.filter((p): p is string => !!p).join('.');
}

export function groupContextValue(kind: GroupKind): string {
  return contextValue('group', kind);
}

/** `mapping.<state>` for the states of the API; just `mapping` for a state it does not know. */
export function mappingContextValue(state: string | undefined): string {
  const s = state?.toLowerCase();
  return contextValue('mapping', s && MAPPING_STATES.has(s) ? s : undefined);
}
