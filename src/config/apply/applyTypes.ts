import type { Connection } from '../../core/connection';
import type { ConfigDiagnostics } from '../configDiagnostics';
import type { ConfigFileStore } from '../configFileStore';
import type { SettingChange } from '../model';
import type { PreviewDocuments } from '../previewDocuments';

export type ApplyOperation = 'put' | 'update' | 'updateMapping';

/** What an Apply did; returned by the apply commands and kept as the last outcome. */
export interface ApplyOutcome {
  uri: string;
  operation: ApplyOperation;
  status: 'applied' | 'cancelled' | 'invalid' | 'unchanged' | 'failed';
  region?: string;
  /** Problems that stopped the Apply (messages). */
  problems?: string[];
  changes?: SettingChange[];
  /** Put: the settings it removes. */
  removed?: string[];
  /** What was (or would have been) sent. */
  request?: Record<string, unknown>;
  response?: unknown;
  /** Mapping states seen after the update, in order. */
  states?: string[];
  /** The two sides of the preview. */
  preview?: { current: string; result: string };
  error?: string;
  /** The endpoint accepted the request (2xx), but its answer could not be read: `response` was read again. */
  answerUnreadable?: boolean;
}

/** What the apply flows work with. */
export interface ApplyServices {
  readonly connection: Connection;
  readonly files: ConfigFileStore;
  readonly diagnostics: ConfigDiagnostics;
  readonly previews: PreviewDocuments;
}
