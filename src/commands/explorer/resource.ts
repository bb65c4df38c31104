import * as vscode from 'vscode';
import { UserCancelledError } from '../../core/runCommand';
import { hasFunctionTarget, hasMappingTarget, type FunctionTarget, type MappingTarget } from '../../core/targets';
import { ui } from '../../core/userInput';
import { consoleUrl, parseArn, shortSourceName } from '../../shared/arn';
import type { Explorer } from '../../tree/explorer';
import { qualifiedArn } from '../../tree/model/arns';
import { isResourceNode, type ResourceNode } from '../../tree/nodes/TreeNode';

export type Resource = ResourceNode;

function functionResource(explorer: Explorer, t: FunctionTarget): Resource {
  const q = t.qualifier && t.qualifier !== '$LATEST' ? t.qualifier : undefined;
  return {
    resourceName: q ? `${t.functionName}:${q}` : t.functionName,
    resourceArn: t.functionArn ? qualifiedArn(t.functionArn, q) : undefined,
    detailsPath: `${t.region}/functions/${t.functionName}${q ? `/${/^\d+$/.test(q) ? 'versions' : 'aliases'}/${q}` : ''}.json`,
    consoleUrl: () => consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: q }, t.functionArn ? parseArn(t.functionArn)?.partition : undefined),
    loadDetails: (signal) => explorer.connection.service(t.region).getFunctionConfiguration(t.functionName, q, { signal }),
  };
}

function mappingResource(explorer: Explorer, t: MappingTarget): Resource {
  const fn = t.functionArn ? parseArn(t.functionArn) : undefined;
  return {
    resourceName: t.uuid,
    resourceArn: fn ? `arn:${fn.partition}:lambda:${t.region}:${fn.account}:event-source-mapping:${t.uuid}` : undefined,
    detailsPath: `${t.region}/event-source-mappings/${t.uuid}.json`,
    consoleUrl: () => consoleUrl({ kind: 'mapping', region: t.region, uuid: t.uuid }, fn?.partition),
    loadDetails: (signal) => explorer.connection.service(t.region).getEventSourceMapping(t.uuid, { signal }),
  };
}

/**
 * What a command acts on: the tree node it was given, anything carrying a function or
 * mapping target, or (from the palette) what the user picks.
 */
export async function resolveResource(explorer: Explorer, node: unknown, title: string, options: { allowMappings?: boolean } = {}): Promise<Resource> {
  if (isResourceNode(node)) {
    return node;
  }
  if (hasMappingTarget(node)) {
    return mappingResource(explorer, node.mappingTarget);
  }
  if (hasFunctionTarget(node)) {
    return functionResource(explorer, node.functionTarget);
  }
  if (options.allowMappings) {
    const fnItem = { label: vscode.l10n.t('$(symbol-function) A function, version or alias'), resource: 'function' as const };
    const esmItem = { label: vscode.l10n.t('$(plug) An event source mapping'), resource: 'mapping' as const };
    const choice = await ui().showQuickPick([fnItem, esmItem], { title });
    if (!choice) {
      throw new UserCancelledError();
    }
    if (choice.resource === 'mapping') {
      return mappingResource(explorer, await explorer.pickMapping({ title }));
    }
  }
  return functionResource(explorer, await explorer.pickFunction({ withQualifier: true, title }));
}

/** A short name for messages: the queue / stream / table of a mapping target. */
export function mappingDisplayName(t: MappingTarget): string {
  return shortSourceName(t.eventSourceArn) || t.uuid;
}
