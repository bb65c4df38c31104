import * as vscode from 'vscode';
import { Cancelled } from '../../core/errors';
import { ui } from '../../core/userInput';
import { pickFunction, pickMapping } from '../../pickers/resourcePickers';
import { consoleUrl, mappingArn, partitionOfArn, qualifiedArn, shortSourceName } from '../../shared/arn';
import { explicitQualifier, hasFunctionTarget, hasMappingTarget, isVersionQualifier, qualifiedName, type LambdaTarget, type MappingTarget } from '../../shared/lambdaTarget';
import { isResourceNode, type ResourceNode } from '../../tree/nodes/TreeNode';
import type { Workbench } from '../workbench';

export type Resource = ResourceNode;

function functionResource(wb: Workbench, t: LambdaTarget): Resource {
  const q = explicitQualifier(t.qualifier);
  return {
    resourceName: qualifiedName(t),
    resourceArn: t.functionArn ? qualifiedArn(t.functionArn, q) : undefined,
    detailsPath: `${t.region}/functions/${t.functionName}${q ? `/${isVersionQualifier(q) ? 'versions' : 'aliases'}/${q}` : ''}.json`,
    consoleUrl: () => consoleUrl({ kind: 'function', region: t.region, name: t.functionName, qualifier: q }, partitionOfArn(t.functionArn)),
    loadDetails: (signal) => wb.connection.service(t.region).getFunctionConfiguration(t.functionName, q, { signal }),
  };
}

function mappingResource(wb: Workbench, t: MappingTarget): Resource {
  return {
    resourceName: t.uuid,
    resourceArn: mappingArn({ UUID: t.uuid, FunctionArn: t.functionArn }, t.region),
    detailsPath: `${t.region}/event-source-mappings/${t.uuid}.json`,
    consoleUrl: () => consoleUrl({ kind: 'mapping', region: t.region, uuid: t.uuid }, partitionOfArn(t.functionArn)),
    loadDetails: (signal) => wb.connection.service(t.region).getEventSourceMapping(t.uuid, { signal }),
  };
}

/**
 * What a command acts on: the tree node it was given, anything carrying a function or
 * mapping target, or (from the palette) what the user picks.
 */
export async function resolveResource(wb: Workbench, node: unknown, title: string, options: { allowMappings?: boolean } = {}): Promise<Resource> {
  if (isResourceNode(node)) {
    return node;
  }
  if (hasMappingTarget(node)) {
    return mappingResource(wb, node.mappingTarget);
  }
  if (hasFunctionTarget(node)) {
    return functionResource(wb, node.functionTarget);
  }
  if (options.allowMappings) {
    const fnItem = { label: vscode.l10n.t('$(symbol-function) A function, version or alias'), resource: 'function' as const };
    const esmItem = { label: vscode.l10n.t('$(plug) An event source mapping'), resource: 'mapping' as const };
    const choice = await ui().showQuickPick([fnItem, esmItem], { title });
    if (!choice) {
      throw new Cancelled();
    }
    if (choice.resource === 'mapping') {
      return mappingResource(wb, await pickMapping(wb.connection, { title }));
    }
  }
  return functionResource(wb, await pickFunction(wb.connection, { withQualifier: true, title }));
}

/** A short name for messages: the queue / stream / table of a mapping target. */
export function mappingDisplayName(t: MappingTarget): string {
  return shortSourceName(t.eventSourceArn) || t.uuid;
}
