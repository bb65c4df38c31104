/**
 * The palette fallbacks of the commands that act on a function or a mapping: a quick pick
 * of what the shown regions hold (then, for functions, of `$LATEST`, an alias or a version).
 */
import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda';
import * as vscode from 'vscode';
import type { Connection } from '../core/connection';
import { Cancelled } from '../core/errors';
import { ui } from '../core/userInput';
import { LATEST, LATEST_PUBLISHED, type LambdaTarget, type MappingTarget } from '../shared/lambdaTarget';
import { mappingStateIcon } from '../tree/model/icons';
import { aliasDescription, functionDescription, mappingDescription, mappingLabel, SEP, versionDescription } from '../tree/model/labels';
import { compareAliases, compareFunctions, compareMappings, compareNames, compareVersions } from '../tree/model/sorting';

interface FunctionItem extends vscode.QuickPickItem {
  target?: LambdaTarget;
}

interface QualifierItem extends vscode.QuickPickItem {
  qualifier?: string;
}

interface MappingItem extends vscode.QuickPickItem {
  target?: MappingTarget;
}

async function perRegion<T>(regions: readonly string[], list: (region: string) => Promise<T[]>): Promise<Array<{ region: string; item: T }>> {
  const lists = await Promise.all(regions.map(async (region) => (await list(region)).map((item) => ({ region, item }))));
  return lists.flat();
}

/** Pick a function of the shown regions, then (withQualifier) `$LATEST`, an alias or a version (no
 * question when the function has neither aliases nor versions: `$LATEST`). */
export async function pickFunction(connection: Connection, options: { withQualifier?: boolean; title?: string } = {}): Promise<LambdaTarget> {
  const regions = await connection.regions();
  const several = regions.length > 1;
  const items: Promise<FunctionItem[]> = perRegion<FunctionConfiguration>(regions, (r) => connection.service(r).listAllFunctions()).then((found) => {
    found.sort((a, b) => compareNames(a.region, b.region) || compareFunctions(a.item, b.item));
    const out: FunctionItem[] = found.map(({ region, item }) => ({
      label: item.FunctionName ?? '',
      description: [several ? region : '', functionDescription(item)].filter(Boolean).join(SEP),
      target: { region, functionName: item.FunctionName ?? '', functionArn: item.FunctionArn },
    }));
    return out.length ? out : [{ label: vscode.l10n.t('No functions in {0}', regions.join(', ')) }];
  });
  const pick = await ui().showQuickPick(items, {
    title: options.title ?? vscode.l10n.t('Select a Lambda Function'),
    placeHolder: vscode.l10n.t('Type to search the functions of {0}', regions.join(', ')),
    matchOnDescription: true,
  });
  if (!pick?.target) {
    throw new Cancelled();
  }
  if (!options.withQualifier) {
    return pick.target;
  }
  const target = pick.target;
  const service = connection.service(target.region);
  const [aliases, listed] = await Promise.all([service.listAliases(target.functionName), service.listVersions(target.functionName)]);
  // Lambda Managed Instances: `$LATEST.PUBLISHED` is offered beside `$LATEST`, not among the numbered versions.
  const published = listed.find((v) => v.Version === LATEST_PUBLISHED);
  const versions = listed.filter((v) => v.Version !== LATEST_PUBLISHED);
  if (aliases.length === 0 && versions.length === 0 && !published) {
    // Nothing to choose between: no one-item pick of $LATEST.
    return target;
  }
  const qualifiers = qualifierItems(aliases, versions, published);
  const q = await ui().showQuickPick(qualifiers, {
    title: options.title ?? vscode.l10n.t('Select a Lambda Function'),
    placeHolder: vscode.l10n.t('Version or alias of {0}', target.functionName),
  });
  if (!q) {
    throw new Cancelled();
  }
  return { ...target, qualifier: q.qualifier };
}

function qualifierItems(aliases: AliasConfiguration[], versions: FunctionConfiguration[], published: FunctionConfiguration | undefined): QualifierItem[] {
  return [
    { label: LATEST, description: vscode.l10n.t('the unpublished code') },
    ...(published ? [{ label: LATEST_PUBLISHED, description: vscode.l10n.t('the code published to the capacity provider (Lambda Managed Instances)'), qualifier: LATEST_PUBLISHED }] : []),
    ...(aliases.length ? [{ label: vscode.l10n.t('Aliases'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...[...aliases].sort(compareAliases).map((a) => ({ label: a.Name ?? '', description: aliasDescription(a), qualifier: a.Name })),
    ...(versions.length ? [{ label: vscode.l10n.t('Versions'), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...[...versions].sort(compareVersions).map((v) => ({ label: v.Version ?? '', description: versionDescription(v), qualifier: v.Version })),
  ];
}

/** Pick an event source mapping of the shown regions. */
export async function pickMapping(connection: Connection, options: { title?: string } = {}): Promise<MappingTarget> {
  const regions = await connection.regions();
  const several = regions.length > 1;
  const items: Promise<MappingItem[]> = perRegion<EventSourceMappingConfiguration>(regions, (r) => connection.service(r).listAllEventSourceMappings()).then((found) => {
    found.sort((a, b) => compareNames(a.region, b.region) || compareMappings(a.item, b.item));
    const out: MappingItem[] = found.map(({ region, item }) => ({
      label: `$(${mappingStateIcon(item.State).id}) ${mappingLabel(item)}`,
      description: mappingDescription(item),
      detail: several ? `${region}${SEP}${item.UUID ?? ''}` : item.UUID,
      target: { region, uuid: item.UUID ?? '', functionArn: item.FunctionArn, eventSourceArn: item.EventSourceArn },
    }));
    return out.length ? out : [{ label: vscode.l10n.t('No event source mappings in {0}', regions.join(', ')) }];
  });
  const pick = await ui().showQuickPick(items, {
    title: options.title ?? vscode.l10n.t('Select an Event Source Mapping'),
    placeHolder: vscode.l10n.t('Type to search by source, state or function'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!pick?.target) {
    throw new Cancelled();
  }
  return pick.target;
}

/** The region to act in: the only one shown, or the one the person picks. */
export async function pickRegion(connection: Connection, title: string, placeHolder: string): Promise<string> {
  const regions = await connection.regions();
  if (regions.length === 1) {
    return regions[0];
  }
  const picked = await ui().showQuickPick(
    regions.map((r) => ({ label: r })),
    { title, placeHolder },
  );
  if (!picked) {
    throw new Cancelled();
  }
  return picked.label;
}
