/**
 * What applying a file changes: the request to send, the settings the resource will have
 * afterwards (Put = replace, Update = merge), the list of changed settings, and the texts of a
 * side-by-side preview. Pure.
 */
import { t } from '../../shared/l10n';
import { splitFunctionReference } from '../../shared/arn';
import { explicitQualifier } from '../../shared/lambdaTarget';
import { propertyOrder, settingNames } from './schemas';
import type { ApplyMode, ConfigKind, EventInvokeConfigState, EventInvokeSettings, MappingSettings, MappingState, SettingChange } from './types';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** The file's fields as they go to the API: everything but `$schema`. */
export function requestFields(value: unknown): Obj {
  const out: Obj = {};
  if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k !== '$schema') {
        out[k] = v;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Event invoke configs

/** A destination config without empty sides (`{}` or `Destination: ""` means none). */
function normalizeDestinations(dc: unknown): EventInvokeSettings['DestinationConfig'] | undefined {
  if (!isObj(dc)) {
    return undefined;
  }
  const out: NonNullable<EventInvokeSettings['DestinationConfig']> = {};
  for (const side of ['OnSuccess', 'OnFailure'] as const) {
    const d = dc[side];
    if (isObj(d) && typeof d.Destination === 'string' && d.Destination !== '') {
      out[side] = { Destination: d.Destination };
    }
  }
  return out.OnSuccess || out.OnFailure ? out : undefined;
}

/** The settings of an event invoke config file or of GetFunctionEventInvokeConfig's answer, empties dropped. */
export function eventInvokeSettings(value: unknown): EventInvokeSettings {
  const out: EventInvokeSettings = {};
  if (!isObj(value)) {
    return out;
  }
  if (value.MaximumRetryAttempts !== undefined && value.MaximumRetryAttempts !== null) {
    out.MaximumRetryAttempts = value.MaximumRetryAttempts as number;
  }
  if (value.MaximumEventAgeInSeconds !== undefined && value.MaximumEventAgeInSeconds !== null) {
    out.MaximumEventAgeInSeconds = value.MaximumEventAgeInSeconds as number;
  }
  const dc = normalizeDestinations(value.DestinationConfig);
  if (dc) {
    out.DestinationConfig = dc;
  }
  return out;
}

/** The current settings; `{}` when the function has no event invoke config. */
export function currentEventInvokeSettings(state: EventInvokeConfigState | undefined): EventInvokeSettings {
  return eventInvokeSettings(state);
}

/**
 * The settings after applying the file. Put sets exactly the file's settings (the others are
 * removed). Update changes only the settings the file gives; in DestinationConfig each side
 * given replaces that side (an empty `Destination` removes it) and a side left out is kept.
 */
export function eventInvokeResult(current: EventInvokeSettings, fileValue: unknown, mode: ApplyMode): EventInvokeSettings {
  const file = isObj(fileValue) ? fileValue : {};
  if (mode === 'put') {
    return eventInvokeSettings(file);
  }
  const out: EventInvokeSettings = { ...current, DestinationConfig: current.DestinationConfig ? { ...current.DestinationConfig } : undefined };
  if (typeof file.MaximumRetryAttempts === 'number') {
    out.MaximumRetryAttempts = file.MaximumRetryAttempts;
  }
  if (typeof file.MaximumEventAgeInSeconds === 'number') {
    out.MaximumEventAgeInSeconds = file.MaximumEventAgeInSeconds;
  }
  if (isObj(file.DestinationConfig)) {
    const dc: Obj = { ...(out.DestinationConfig ?? {}) };
    for (const side of ['OnSuccess', 'OnFailure'] as const) {
      if (side in file.DestinationConfig) {
        dc[side] = file.DestinationConfig[side];
      }
    }
    out.DestinationConfig = normalizeDestinations(dc);
  }
  return eventInvokeSettings(out);
}

/** The input of PutFunctionEventInvokeConfig / UpdateFunctionEventInvokeConfig: the file as it is, without `$schema`. */
export function eventInvokeRequest(fileValue: unknown): Obj & { FunctionName: string; Qualifier?: string } {
  return requestFields(fileValue) as Obj & { FunctionName: string; Qualifier?: string };
}

// ---------------------------------------------------------------------------------------
// Event source mappings

/** Settings of a mapping that UpdateEventSourceMapping takes, in the schema's order. */
export function mappingSettingNames(): string[] {
  return ['FunctionName', ...settingNames('eventSourceMapping')];
}

/** `Enabled` as the mapping's state says it (undefined while Creating, Updating or Deleting). */
export function enabledOfState(state: string | undefined): boolean | undefined {
  if (state === 'Enabled' || state === 'Enabling') {
    return true;
  }
  if (state === 'Disabled' || state === 'Disabling') {
    return false;
  }
  return undefined;
}

/** Drops what carries no setting: empty destinations, empty filter lists, empty objects. */
function normalizeMappingValue(field: string, value: unknown): unknown {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (field === 'DestinationConfig') {
    return normalizeDestinations(value);
  }
  if (field === 'FilterCriteria') {
    return isObj(value) && Array.isArray(value.Filters) && value.Filters.length > 0 ? value : undefined;
  }
  if (field === 'ScalingConfig' || field === 'ProvisionedPollerConfig' || field === 'DocumentDBEventSourceConfig' || field === 'MetricsConfig') {
    return isObj(value) && Object.values(value).some((v) => v !== undefined) ? value : undefined;
  }
  return value;
}

/** The updatable settings of a mapping as GetEventSourceMapping reports it. */
export function currentMappingSettings(state: MappingState): MappingSettings {
  const out: MappingSettings = {};
  for (const field of mappingSettingNames()) {
    let v: unknown;
    if (field === 'FunctionName') {
      v = state.FunctionArn;
    } else if (field === 'Enabled') {
      v = enabledOfState(state.State);
    } else {
      v = state[field];
    }
    const n = normalizeMappingValue(field, v);
    if (n !== undefined) {
      out[field] = n;
    }
  }
  return out;
}

/** True when two function references name the same function and qualifier. */
function sameFunction(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') {
    return a === b;
  }
  const x = splitFunctionReference(a);
  const y = splitFunctionReference(b);
  const q = (s?: string) => explicitQualifier(s) ?? '';
  return x.name === y.name && q(x.qualifier) === q(y.qualifier);
}

function sameMappingSetting(field: string, fileValue: unknown, currentValue: unknown): boolean {
  if (field === 'FunctionName') {
    return currentValue !== undefined && sameFunction(fileValue, currentValue);
  }
  return deepEqual(normalizeMappingValue(field, fileValue), currentValue);
}

/**
 * UpdateEventSourceMapping merges, so the request carries only the settings that differ from
 * the current ones (plus UUID): the result is the same as sending the whole file, and rules
 * such as "BatchSize > 10 needs a batching window" only concern what actually changes.
 */
export function mappingUpdateRequest(fileValue: unknown, current: MappingSettings): { request: Obj & { UUID: string }; changed: string[] } {
  const file = requestFields(fileValue);
  const request: Obj = { UUID: file.UUID };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(file)) {
    if (field === 'UUID') {
      continue;
    }
    if (!sameMappingSetting(field, value, current[field])) {
      request[field] = value;
      changed.push(field);
    }
  }
  return { request: request as Obj & { UUID: string }, changed };
}

/** The settings after the update: the current ones with the request's merged in. */
export function mappingResult(current: MappingSettings, request: Obj): MappingSettings {
  const out: MappingSettings = { ...current };
  for (const [field, value] of Object.entries(request)) {
    if (field === 'UUID') {
      continue;
    }
    const n = normalizeMappingValue(field, value);
    if (n === undefined) {
      delete out[field];
    } else {
      out[field] = n;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Changes and preview

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) {
        flatten(v, prefix ? `${prefix}.${k}` : k, out);
      }
    }
  } else if (prefix) {
    out.set(prefix, value);
  }
}

/** Orders top-level keys as the schema lists them (unknown keys last, as given). */
function ordered(value: Obj, kind: ConfigKind): Obj {
  const order = propertyOrder(kind);
  const keys = Object.keys(value).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
  const out: Obj = {};
  for (const k of keys) {
    if (value[k] !== undefined) {
      out[k] = value[k];
    }
  }
  return out;
}

/** Every setting that differs between `current` and `result`, in the schema's order. */
export function diffSettings(current: Obj, result: Obj, kind: ConfigKind): SettingChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(ordered(current, kind), '', a);
  flatten(ordered(result, kind), '', b);
  const paths = [...a.keys()];
  for (const p of b.keys()) {
    if (!a.has(p)) {
      paths.push(p);
    }
  }
  const order = propertyOrder(kind);
  const rank = (p: string) => {
    const i = order.indexOf(p.split('.')[0]);
    return i < 0 ? order.length : i;
  };
  paths.sort((x, y) => rank(x) - rank(y));
  const out: SettingChange[] = [];
  for (const p of paths) {
    const before = a.get(p);
    const after = b.get(p);
    if (!b.has(p)) {
      out.push({ path: p, kind: 'removed', before });
    } else if (!a.has(p)) {
      out.push({ path: p, kind: 'added', after });
    } else if (!deepEqual(before, after)) {
      out.push({ path: p, kind: 'changed', before, after });
    }
  }
  return out;
}

/** The settings a Put removes (named with their current value). */
export function removedSettings(changes: SettingChange[]): SettingChange[] {
  return changes.filter((c) => c.kind === 'removed');
}

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** One line per change: `MaximumRetryAttempts: 1 → 2`. */
export function formatChanges(changes: SettingChange[]): string {
  return changes
    .map((c) => {
      switch (c.kind) {
        case 'added':
          return t('{0}: set to {1}', c.path, shown(c.after));
        case 'removed':
          return t('{0}: removed (was {1})', c.path, shown(c.before));
        default:
          return t('{0}: {1} → {2}', c.path, shown(c.before), shown(c.after));
      }
    })
    .join('\n');
}

/**
 * JSONC with a comma after every member, the last one included: a member added or removed
 * after the last one changes no other line, so a diff of two previews shows only what changed.
 */
export function jsoncWithTrailingCommas(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[\n${value.map((v) => `${inner}${jsoncWithTrailingCommas(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Obj).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsoncWithTrailingCommas(v, inner)},`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A settings object as the preview shows it: JSONC in the schema's order (a comma after every member), after `// comment` lines. */
export function previewText(settings: Obj, kind: ConfigKind, comments: string[] = []): string {
  const body = jsoncWithTrailingCommas(ordered(settings, kind));
  return `${comments.map((c) => `// ${c}`).join('\n')}${comments.length ? '\n' : ''}${body}\n`;
}
