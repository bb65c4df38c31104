/**
 * Entry of dist/config.js: config files (event invoke configs, event source mapping updates)
 * parsed, validated against the shipped JSON Schemas and the rules across fields, and what
 * applying them changes. Loaded on first use (src/config/configModel.ts), which gives it the
 * translator; never imports vscode.
 */
import { configKindOf, isJsoncFile } from '../../shared/configFileNames';
import { t } from '../../shared/l10n';
import {
  currentEventInvokeSettings,
  currentMappingSettings,
  diffSettings,
  eventInvokeRequest,
  eventInvokeResult,
  mappingResult,
  mappingUpdateRequest,
  previewText,
  removedSettings,
} from './compute';
import { ParsedConfig, parseConfig } from './parse';
import { checkEventInvokeConfigRules, checkMappingRules } from './rules';
import { validateSchema } from './validate';
import type { ApplyMode, ConfigKind, ConfigProblem, EventInvokeConfigState, EventInvokeSettings, MappingSettings, MappingState, SettingChange } from './types';

export { setTranslator } from '../../shared/l10n';
export * from './types';
export { eventInvokeConfigFileName, eventSourceMappingFileName } from './files';
export { LineIndex, formatPath, parseConfig } from './parse';
export type { ParsedConfig } from './parse';
export { pointerToPath, validateSchema } from './validate';
export { SCHEMAS, propertyOrder, settingNames } from './schemas';
export { STREAM_ONLY_SETTINGS, checkEventInvokeConfigRules, checkMappingRules } from './rules';
export {
  currentEventInvokeSettings,
  currentMappingSettings,
  deepEqual,
  diffSettings,
  enabledOfState,
  eventInvokeRequest,
  eventInvokeResult,
  eventInvokeSettings,
  formatChanges,
  jsoncWithTrailingCommas,
  mappingResult,
  mappingUpdateRequest,
  previewText,
  removedSettings,
  requestFields,
} from './compute';
export { eventInvokeConfigFile, eventInvokeConfigTemplate, eventSourceMappingFile, eventSourceMappingTemplate } from './configTemplates';

export interface CheckResult {
  kind: ConfigKind;
  parsed: ParsedConfig;
  /** Syntax errors first, then schema problems, then the rules across fields. */
  problems: ConfigProblem[];
  /** False when any problem is an error: nothing may be sent. */
  ok: boolean;
}

/**
 * Checks a config file: syntax, the shipped schema, and the rules across fields. For a mapping,
 * `current` (GetEventSourceMapping's answer) adds the rules that depend on its event source.
 */
export function checkConfigText(text: string, fileName: string, options: { current?: MappingState } = {}): CheckResult {
  const kind = configKindOf(fileName);
  if (!kind) {
    throw new Error(t('{0} is not a config file: its name must end in .event-invoke-config.json or .event-source-mapping.json.', fileName));
  }
  const parsed = parseConfig(text, kind, { jsonc: isJsoncFile(fileName) });
  const problems = [...parsed.problems];
  const syntaxOk = !problems.some((p) => p.code === 'parse' || p.code === 'parse.empty' || p.code === 'parse.notObject');
  if (syntaxOk) {
    const schemaProblems = validateSchema(parsed);
    problems.push(...schemaProblems);
    if (!schemaProblems.some((p) => p.severity === 'error')) {
      problems.push(...(kind === 'eventInvokeConfig' ? checkEventInvokeConfigRules(parsed) : checkMappingRules(parsed, options.current)));
    }
  }
  return { kind, parsed, problems, ok: !problems.some((p) => p.severity === 'error') };
}

export interface EventInvokePlan {
  mode: ApplyMode;
  /** The input of PutFunctionEventInvokeConfig / UpdateFunctionEventInvokeConfig. */
  request: Record<string, unknown> & { FunctionName: string; Qualifier?: string };
  current: EventInvokeSettings;
  result: EventInvokeSettings;
  changes: SettingChange[];
  /** For a Put: the current settings the file leaves out. */
  removed: SettingChange[];
  currentText: string;
  resultText: string;
}

/** What applying an (already checked) event invoke config file does. `label` names the target in the preview. */
export function planEventInvokeConfig(fileValue: unknown, state: EventInvokeConfigState | undefined, mode: ApplyMode, label: string): EventInvokePlan {
  const current = currentEventInvokeSettings(state);
  const result = eventInvokeResult(current, fileValue, mode);
  const changes = diffSettings(current as Record<string, unknown>, result as Record<string, unknown>, 'eventInvokeConfig');
  return {
    mode,
    request: eventInvokeRequest(fileValue),
    current,
    result,
    changes,
    removed: mode === 'put' ? removedSettings(changes) : [],
    currentText: previewText(current as Record<string, unknown>, 'eventInvokeConfig', [
      state ? t('{0}: current event invoke config', label) : t('{0}: no event invoke config (Lambda defaults: 2 retries, events kept up to 6 hours)', label),
    ]),
    resultText: previewText(result as Record<string, unknown>, 'eventInvokeConfig', [
      mode === 'put' ? t('{0}: after Put (replace: settings left out are removed)', label) : t('{0}: after Update (merge: settings left out are kept)', label),
    ]),
  };
}

export interface MappingPlan {
  /** The input of UpdateEventSourceMapping: UUID and the settings that change. */
  request: Record<string, unknown> & { UUID: string };
  changed: string[];
  current: MappingSettings;
  result: MappingSettings;
  changes: SettingChange[];
  currentText: string;
  resultText: string;
}

/** What applying an (already checked) mapping file does. */
export function planMappingUpdate(fileValue: unknown, state: MappingState, label: string): MappingPlan {
  const current = currentMappingSettings(state);
  const { request, changed } = mappingUpdateRequest(fileValue, current);
  const result = mappingResult(current, request);
  return {
    request,
    changed,
    current,
    result,
    changes: diffSettings(current, result, 'eventSourceMapping'),
    currentText: previewText(current, 'eventSourceMapping', [t('{0}: current settings (state {1})', label, state.State ?? '?')]),
    resultText: previewText(result, 'eventSourceMapping', [t('{0}: after Update (settings left out are kept)', label)]),
  };
}
