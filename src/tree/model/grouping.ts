/** How the views group their nodes. Pure. */
import type { GroupKind } from './contextValues';

/** The children of a function node, in this order. */
export const FUNCTION_GROUPS: readonly GroupKind[] = ['versions', 'aliases', 'invokeConfigs', 'mappings'];

/** One region: its items at the top level. Several: one node per region. */
export function topLevelLayout(regions: readonly string[]): 'flat' | 'regions' {
  return regions.length > 1 ? 'regions' : 'flat';
}

/** Groups items by a key, keeping the first-seen order of keys and of items. O(n). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) {
      list.push(item);
    } else {
      groups.set(key, [item]);
    }
  }
  return groups;
}
