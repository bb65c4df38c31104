/**
 * `TreeItem.id` of the nodes: stable per (region, ARN) so that VS Code keeps what was
 * expanded across refreshes, and unique within a view. Pure.
 */
import type { GroupKind } from './contextValues';

export const nodeIds = {
  region: (region: string): string => `region/${region}`,
  /** The root of a view when one region is shown (its lists hang at the top level). */
  root: (region: string): string => `root/${region}`,
  function: (region: string, functionArn: string): string => `fn/${region}/${functionArn}`,
  group: (functionId: string, kind: GroupKind): string => `${functionId}/${kind}`,
  /** A version, alias, invoke config or mapping under a group. */
  child: (parentId: string, key: string): string => `${parentId}/${key}`,
  mapping: (region: string, uuid: string): string => `esm/${region}/${uuid}`,
  /** The error / load-more / loading / empty node that closes a list. */
  tail: (parentId: string, kind: string): string => `${parentId}/~${kind}`,
};
