import type * as vscode from 'vscode';
import type { ConfigApplier } from '../config/apply/configApplier';
import type { ConfigFileStore } from '../config/configFileStore';
import type { Connection } from '../core/connection';
import type { InvocationsOutput } from '../invoke/invocationsOutput';
import type { Invoker } from '../invoke/invoker';
import type { PairingState } from '../invoke/pairingState';
import type { FullLogs } from '../logs/fullLog';
import type { LiveTails } from '../logs/liveTails';
import type { DetailsDocuments } from '../tree/detailsDocuments';
import type { LambdaViews } from '../tree/views';

/** What command handlers work with: the extension's parts, made once at activation (src/extension.ts). */
export interface Workbench {
  readonly context: vscode.ExtensionContext;
  readonly connection: Connection;
  readonly views: LambdaViews;
  readonly details: DetailsDocuments;
  readonly invoker: Invoker;
  readonly output: InvocationsOutput;
  readonly pairings: PairingState;
  readonly configFiles: ConfigFileStore;
  readonly applier: ConfigApplier;
  readonly fullLogs: FullLogs;
  readonly tails: LiveTails;
}

/** A command handler: the workbench, then what VS Code passes (a tree node, a URI, …; nothing from the palette). */
export type CommandHandler = (wb: Workbench, ...args: unknown[]) => unknown;
