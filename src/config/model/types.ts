/** Shared types of the config-file model. Pure: no vscode, no SDK at run time. */

import type { TextPosition } from '../../shared/json/text';

export type { ConfigKind } from '../../shared/configFileNames';
export type { TextPosition } from '../../shared/json/text';

/** What applying a file does: Put replaces a whole event invoke config, Update merges. */
export type ApplyMode = 'put' | 'update';

/** A path into the JSON document, as jsonc-parser uses it. */
export type JsonPath = Array<string | number>;

export interface ConfigProblem {
  severity: 'error' | 'warning';
  /** What is wrong, naming the field and the allowed values. */
  message: string;
  /** The field the problem is about ([] for the whole document). */
  path: JsonPath;
  /** Where in the text: the field's value (or key, for unknown fields). */
  offset: number;
  length: number;
  start: TextPosition;
  end: TextPosition;
  /** `parse`, `schema.<keyword>` or `rule.<name>`. */
  code: string;
}

/** The settings of an event invoke config (the body of Put/Update, without the URI parameters). */
export interface EventInvokeSettings {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: {
    OnSuccess?: { Destination?: string };
    OnFailure?: { Destination?: string };
  };
}

/** What GetFunctionEventInvokeConfig answers (the fields used here). */
export interface EventInvokeConfigState extends EventInvokeSettings {
  FunctionArn?: string;
  LastModified?: Date | number | string;
}

/** The settings of an event source mapping that UpdateEventSourceMapping takes (besides UUID). */
export type MappingSettings = Record<string, unknown>;

/** What GetEventSourceMapping answers (the fields the rules and the preview use). */
export interface MappingState {
  UUID?: string;
  EventSourceArn?: string;
  FunctionArn?: string;
  State?: string;
  [field: string]: unknown;
}

/** One setting that differs between the current state and the result. */
export interface SettingChange {
  /** Dotted path, e.g. `DestinationConfig.OnFailure.Destination`. */
  path: string;
  kind: 'added' | 'changed' | 'removed';
  before?: unknown;
  after?: unknown;
}
