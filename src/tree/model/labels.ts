/**
 * The text of the nodes: labels, descriptions and (Markdown) tooltips. Pure: strings go
 * through `t()`, which the extension wires to `vscode.l10n.t`.
 */
import type { AliasConfiguration, EventSourceMappingConfiguration, FunctionConfiguration, FunctionEventInvokeConfig } from '@aws-sdk/client-lambda';
import { eventSourceKind, EventSourceKind, functionNameOf, qualifierOfArn, shortResourceName, shortSourceName } from '../../shared/arn';
import { invokeTraitsOf } from '../../shared/invokeTraits';
import { t } from '../../shared/l10n';
import type { GroupKind } from './contextValues';

export const SEP = ' · ';

/** Collapses white space; cuts at a word boundary (when there is one near the end) with "…". */
export function truncate(text: string | undefined, max = 60): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  if (s.length <= max) {
    return s;
  }
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Escapes a sentence for a Markdown tooltip as VS Code's `appendText` does: markup characters,
 * but not the periods of a URL (a link keeps its backslash when rendered).
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!~<>|]/g, '\\$&');
}

/** Escapes the characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** `2026-11-22 13:00 UTC` from a Date, an ISO string (`…+0000` too) or epoch seconds. */
export function formatDate(value: Date | string | number | undefined): string {
  if (value === undefined || value === '') {
    return '';
  }
  const d = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(d.getTime())) {
    return String(value);
  }
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `90` → `1 min 30 s`, `3600` → `1 h`, `21600` → `6 h`. */
export function formatSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  const parts: string[] = [];
  if (h) parts.push(t('{0} h', h));
  if (m) parts.push(t('{0} min', m));
  if (s || parts.length === 0) parts.push(t('{0} s', s));
  return parts.join(' ');
}

/** `0.1` → `10%`, `0.055` → `5.5%`. */
export function formatWeight(weight: number): string {
  return `${Math.round(weight * 10000) / 100}%`;
}

/** Lines `**Label:** value`, skipping empty values; values are escaped, `code` ones in backticks. */
function markdownLines(title: string, rows: Array<[string, string | number | undefined, 'code'?]>): string {
  const lines = [`**${escapeMarkdown(title)}**`, ''];
  for (const [label, value, style] of rows) {
    if (value === undefined || value === '') {
      continue;
    }
    const v = style === 'code' ? `\`${String(value).replace(/`/g, '')}\`` : escapeMarkdown(String(value));
    lines.push(`${escapeMarkdown(label)}: ${v}  `);
  }
  return lines.join('\n');
}

// ---- functions ----

export function runtimeText(fn: Pick<FunctionConfiguration, 'Runtime' | 'PackageType'>): string {
  return fn.Runtime ?? (fn.PackageType === 'Image' ? t('container image') : '');
}

/** What changes how the function is invoked, in short: `tenant isolation`, `Managed Instances`, `durable`, `SnapStart`. */
export function invokeBadges(fn: FunctionConfiguration): string[] {
  const traits = invokeTraitsOf(fn);
  const badges: string[] = [];
  if (traits.tenantIsolation) badges.push(t('tenant isolation'));
  if (traits.capacityProviderArn !== undefined) badges.push(t('Managed Instances'));
  if (traits.durable) badges.push(t('durable'));
  if (traits.snapStart) badges.push('SnapStart');
  return badges;
}

/** Runtime, what changes how it is invoked, and a short description: `nodejs20.x · durable · Says hello`. */
export function functionDescription(fn: FunctionConfiguration): string {
  return [runtimeText(fn), ...invokeBadges(fn), truncate(fn.Description, 50)].filter(Boolean).join(SEP);
}

/** The function URL as far as invoking goes (GetFunctionUrlConfig). */
export interface FunctionUrlInfo {
  invokeMode?: string;
  url?: string;
}

/** The tooltip lines on how the function is invoked: tenant isolation, capacity provider, durable, SnapStart, function URL, log format and group. */
function invokeRows(fn: FunctionConfiguration, url: FunctionUrlInfo | undefined): Array<[string, string | number | undefined, 'code'?]> {
  const traits = invokeTraitsOf(fn);
  const durable = traits.durable;
  const durableParts = durable
    ? [
        durable.executionTimeout !== undefined ? t('execution timeout {0}', formatSeconds(durable.executionTimeout)) : '',
        durable.retentionPeriodInDays !== undefined ? t('history kept {0} days', durable.retentionPeriodInDays) : '',
      ].filter(Boolean)
    : [];
  return [
    [t('Tenant isolation'), traits.tenantIsolation ? t('{0}: every invocation needs a tenant id', traits.tenantIsolation) : undefined],
    [t('Lambda Managed Instances'), traits.capacityProviderArn !== undefined ? t('no log tail (the log is in CloudWatch Logs); unqualified invocations run $LATEST.PUBLISHED') : undefined],
    [t('Capacity provider'), traits.capacityProviderArn || undefined, 'code'],
    [
      t('Durable'),
      durable ? [t('invoked with a qualifier, an optional execution name; answers an execution ARN'), ...durableParts].join(SEP) : undefined,
    ],
    [t('SnapStart'), traits.snapStart ? [traits.snapStart.applyOn, traits.snapStart.optimizationStatus].filter(Boolean).join(SEP) : undefined],
    [t('Function URL'), url?.invokeMode === 'RESPONSE_STREAM' ? t('response streaming (RESPONSE_STREAM)') : url?.invokeMode ? t('buffered ({0})', url.invokeMode) : undefined],
    [t('Log format'), traits.logFormat],
    [t('Log group'), traits.logGroup, 'code'],
  ];
}

export function functionStateText(fn: Pick<FunctionConfiguration, 'State' | 'StateReason' | 'LastUpdateStatus'>): string {
  const state = fn.State ?? '';
  const update = fn.LastUpdateStatus && fn.LastUpdateStatus !== 'Successful' ? t('last update {0}', fn.LastUpdateStatus) : '';
  const reason = fn.StateReason && fn.State !== 'Active' ? fn.StateReason : '';
  return [state, update, reason].filter(Boolean).join(SEP);
}

/** Markdown: ARN, runtime, memory, timeout, last modified, state, how it is invoked (and the description). */
export function functionTooltip(fn: FunctionConfiguration, url?: FunctionUrlInfo): string {
  const text = markdownLines(fn.FunctionName ?? '', [
    [t('ARN'), fn.FunctionArn, 'code'],
    [t('Runtime'), runtimeText(fn)],
    [t('Handler'), fn.Handler],
    [t('Memory'), fn.MemorySize !== undefined ? t('{0} MB', fn.MemorySize) : undefined],
    [t('Timeout'), fn.Timeout !== undefined ? formatSeconds(fn.Timeout) : undefined],
    [t('Last modified'), formatDate(fn.LastModified)],
    [t('State'), functionStateText(fn)],
    ...invokeRows(fn, url),
  ]);
  return fn.Description ? `${text}\n\n${escapeMarkdown(fn.Description)}` : text;
}

// ---- versions and aliases ----

export function versionDescription(v: FunctionConfiguration): string {
  return truncate(v.Description, 60);
}

export function versionTooltip(v: FunctionConfiguration): string {
  return markdownLines(t('Version {0}', v.Version ?? ''), [
    [t('ARN'), v.FunctionArn, 'code'],
    [t('Description'), v.Description],
    [t('Runtime'), runtimeText(v)],
    [t('Code SHA-256'), v.CodeSha256, 'code'],
    [t('Last modified'), formatDate(v.LastModified)],
    [t('State'), functionStateText(v)],
  ]);
}

/** Where an alias points and its routing: `→ 2 (1: 10%)`, `→ 3`. */
export function aliasDescription(a: AliasConfiguration): string {
  const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {})
    .sort(([x], [y]) => Number(x) - Number(y))
    .map(([version, weight]) => `${version}: ${formatWeight(weight)}`);
  return `→ ${a.FunctionVersion ?? '?'}${weights.length ? ` (${weights.join(', ')})` : ''}`;
}

export function aliasTooltip(a: AliasConfiguration): string {
  const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
  const main = 1 - weights.reduce((sum, [, w]) => sum + w, 0);
  const routing = weights.length
    ? [`${a.FunctionVersion}: ${formatWeight(main)}`, ...weights.map(([v, w]) => `${v}: ${formatWeight(w)}`)].join(', ')
    : undefined;
  return markdownLines(t('Alias {0}', a.Name ?? ''), [
    [t('ARN'), a.AliasArn, 'code'],
    [t('Version'), a.FunctionVersion],
    [t('Routing'), routing],
    [t('Description'), a.Description],
  ]);
}

// ---- event invoke configs ----

export function invokeConfigLabel(c: FunctionEventInvokeConfig): string {
  return qualifierOfArn(c.FunctionArn);
}

/** `retries 2 · max age 1 h · on failure → dlq`. */
export function invokeConfigDescription(c: FunctionEventInvokeConfig): string {
  const parts: string[] = [];
  if (c.MaximumRetryAttempts !== undefined) {
    parts.push(t('retries {0}', c.MaximumRetryAttempts));
  }
  if (c.MaximumEventAgeInSeconds !== undefined) {
    parts.push(t('max age {0}', formatSeconds(c.MaximumEventAgeInSeconds)));
  }
  const onSuccess = c.DestinationConfig?.OnSuccess?.Destination;
  const onFailure = c.DestinationConfig?.OnFailure?.Destination;
  if (onSuccess) {
    parts.push(t('on success → {0}', shortResourceName(onSuccess)));
  }
  if (onFailure) {
    parts.push(t('on failure → {0}', shortResourceName(onFailure)));
  }
  return parts.length ? parts.join(SEP) : t('defaults');
}

export function invokeConfigTooltip(c: FunctionEventInvokeConfig): string {
  return markdownLines(t('Event invoke config of {0}', invokeConfigLabel(c)), [
    [t('Function'), c.FunctionArn, 'code'],
    [t('Maximum retry attempts'), c.MaximumRetryAttempts],
    [t('Maximum event age'), c.MaximumEventAgeInSeconds !== undefined ? formatSeconds(c.MaximumEventAgeInSeconds) : undefined],
    [t('On success'), c.DestinationConfig?.OnSuccess?.Destination, 'code'],
    [t('On failure'), c.DestinationConfig?.OnFailure?.Destination, 'code'],
    [t('Last modified'), formatDate(c.LastModified)],
  ]);
}

// ---- event source mappings ----

export function sourceKindLabel(kind: EventSourceKind): string {
  switch (kind) {
    case 'sqs':
      return 'SQS';
    case 'kinesis':
      return 'Kinesis';
    case 'dynamodb':
      return 'DynamoDB';
    case 'kafka':
      return 'Kafka';
    case 'mq':
      return 'Amazon MQ';
    case 'docdb':
      return 'DocumentDB';
    default:
      return t('other');
  }
}

export function mappingSourceKind(m: EventSourceMappingConfiguration): EventSourceKind {
  if (!m.EventSourceArn && m.SelfManagedEventSource) {
    return 'kafka';
  }
  return eventSourceKind(m.EventSourceArn);
}

/** The queue, stream or table; for self-managed Kafka the first broker; else the UUID. */
export function mappingSourceName(m: EventSourceMappingConfiguration): string {
  return shortSourceName(m.EventSourceArn) || m.SelfManagedEventSource?.Endpoints?.KAFKA_BOOTSTRAP_SERVERS?.[0] || m.UUID || '';
}

/** `orders-queue (SQS)`. */
export function mappingLabel(m: EventSourceMappingConfiguration): string {
  return `${mappingSourceName(m)} (${sourceKindLabel(mappingSourceKind(m))})`;
}

export function mappingFunctionName(m: EventSourceMappingConfiguration): string {
  return m.FunctionArn ? functionNameOf(m.FunctionArn) : '';
}

/** State · batch size · function name: `Enabled · batch 10 · order-processor`. */
export function mappingDescription(m: EventSourceMappingConfiguration): string {
  return [m.State ?? '', m.BatchSize !== undefined ? t('batch {0}', m.BatchSize) : '', mappingFunctionName(m)].filter(Boolean).join(SEP);
}

export function mappingTooltip(m: EventSourceMappingConfiguration): string {
  return markdownLines(mappingLabel(m), [
    [t('State'), m.State],
    [t('State reason'), m.StateTransitionReason],
    [t('Source'), m.EventSourceArn, 'code'],
    [t('Function'), m.FunctionArn, 'code'],
    [t('Batch size'), m.BatchSize],
    [t('Batching window'), m.MaximumBatchingWindowInSeconds !== undefined ? formatSeconds(m.MaximumBatchingWindowInSeconds) : undefined],
    [t('Starting position'), m.StartingPosition],
    [t('Last processing result'), m.LastProcessingResult],
    [t('Last modified'), formatDate(m.LastModified)],
    [t('UUID'), m.UUID, 'code'],
  ]);
}

// ---- groups, regions and the nodes that close a list ----

export function groupLabel(kind: GroupKind): string {
  switch (kind) {
    case 'versions':
      return t('Versions');
    case 'aliases':
      return t('Aliases');
    case 'invokeConfigs':
      return t('Event invoke configs');
    case 'mappings':
      return t('Event source mappings');
  }
}

export type ListKind = 'functions' | GroupKind | 'allMappings';

/** What the empty placeholder of a list says. */
export function emptyText(kind: ListKind, region: string, filter?: string): string {
  if (filter !== undefined) {
    return t('No functions match "{0}" in {1}', filter, region);
  }
  switch (kind) {
    case 'functions':
      return t('No functions in {0}', region);
    case 'versions':
      return t('No published versions');
    case 'aliases':
      return t('No aliases');
    case 'invokeConfigs':
      return t('No event invoke configs');
    case 'mappings':
      return t('No event source mappings');
    case 'allMappings':
      return t('No event source mappings in {0}', region);
  }
}

/** What the error node says failed. */
export function failureText(kind: ListKind, region: string): string {
  switch (kind) {
    case 'functions':
      return t('Could not list the functions in {0}', region);
    case 'versions':
      return t('Could not list the versions');
    case 'aliases':
      return t('Could not list the aliases');
    case 'invokeConfigs':
      return t('Could not list the event invoke configs');
    case 'mappings':
      return t('Could not list the event source mappings');
    case 'allMappings':
      return t('Could not list the event source mappings in {0}', region);
  }
}

export function loadMoreLabel(): string {
  return t('Load more…');
}

export function loadMoreDescription(loaded: number): string {
  return t('{0} loaded', loaded);
}

export function loadingLabel(loaded: number, filtering: boolean): string {
  if (filtering) {
    return t('Searching… ({0} functions loaded)', loaded);
  }
  return loaded > 0 ? t('Loading more… ({0} loaded)', loaded) : t('Loading…');
}

/** The region node's description: the count once the list is complete, matches under a filter. */
export function regionDescription(loaded: number, complete: boolean, matches?: number): string {
  if (matches !== undefined) {
    return complete ? t('{0} matching', matches) : t('{0} matching so far', matches);
  }
  return complete ? t('{0} total', loaded) : loaded > 0 ? t('{0}+ loaded', loaded) : '';
}
