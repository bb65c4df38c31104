/**
 * Tail Logs: a CloudWatch Logs Live Tail session per function, streaming new events into an
 * output channel of its own ("Lambda Tail: <function> (<region>)"). The same function twice is
 * one tail; several functions at once are fine. A status-bar item shows while a tail runs (a
 * click stops). Tails stop on Stop, after a bounded time without new events (a setting), when
 * the connection changes, and when the window closes. Live Tail is billed per minute of
 * session: the first tail of a window says so.
 */
import * as vscode from 'vscode';
import type { LogEventItem, LiveTailMessage } from '../aws';
import type { Connection } from '../core/connection';
import { AlreadyReported, Cancelled } from '../core/errors';
import { log } from '../core/log';
import { actions, showInfo } from '../core/notify';
import { reportError } from '../core/reportError';
import { accountOfArn, partitionOfArn } from '../shared/arn';
import { isCancellation } from '../shared/awsErrors';
import { COMMANDS, CONTEXT_KEYS, LOG_LANGUAGE_ID, OTHER_IDS, SETTINGS, SETTINGS_SECTION } from '../shared/ids';
import { logGroupOf } from '../shared/invocationRef';
import { targetLabel, type LambdaTarget } from '../shared/lambdaTarget';
import { loadLogsModel } from './logsModel';

export type TailStopReason = 'stopped' | 'idle' | 'connection' | 'error' | 'ended' | 'disposed';

interface Tail {
  key: string;
  target: LambdaTarget;
  label: string;
  logGroupName: string;
  controller: AbortController;
  idleTimer?: NodeJS.Timeout;
  events: number;
  startedAt: number;
}

/** What the tests read: the text appended to each tail's channel, and why each tail stopped. */
export interface TailRecord {
  text: string;
  events: number;
  stopped?: TailStopReason;
}

const tailKey = (t: Pick<LambdaTarget, 'region' | 'functionName'>): string => `${t.region}/${t.functionName}`;
/** Appended text kept per tail (for the test hooks), at most this many characters. */
const KEPT_CHARS = 1024 * 1024;

export class LiveTails implements vscode.Disposable {
  private readonly tails = new Map<string, Tail>();
  private readonly channels = new Map<string, vscode.OutputChannel>();
  private readonly records = new Map<string, TailRecord>();
  private readonly statusBar: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private billingNoticeShown = false;

  constructor(private readonly connection: Connection) {
    this.statusBar = vscode.window.createStatusBarItem(OTHER_IDS.tailStatusBar, vscode.StatusBarAlignment.Left, 49);
    this.statusBar.name = vscode.l10n.t('Lambda Workbench Live Tail');
    this.statusBar.command = COMMANDS.stopTail;
    this.subscriptions.push(
      this.statusBar,
      connection.onDidChange(() => this.stopAll('connection')),
    );
  }

  /** The functions tailed now. */
  running(): LambdaTarget[] {
    return [...this.tails.values()].map((t) => t.target);
  }

  isRunning(target: Pick<LambdaTarget, 'region' | 'functionName'>): boolean {
    return this.tails.has(tailKey(target));
  }

  record(target: Pick<LambdaTarget, 'region' | 'functionName'>): TailRecord | undefined {
    return this.records.get(tailKey(target));
  }

  private channel(key: string, label: string): vscode.OutputChannel {
    let c = this.channels.get(key);
    if (!c) {
      c = vscode.window.createOutputChannel(vscode.l10n.t('Lambda Tail: {0}', label), LOG_LANGUAGE_ID);
      this.channels.set(key, c);
    }
    return c;
  }

  private append(key: string, lines: readonly string[]): void {
    const text = `${lines.join('\n')}\n`;
    this.channels.get(key)?.append(text);
    const r = this.records.get(key);
    if (r) {
      r.text = (r.text + text).slice(-KEPT_CHARS);
    }
  }

  private idleMs(): number {
    const minutes = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<number>(SETTINGS.tailIdleMinutes, 10);
    return Math.max(0.05, Number.isFinite(minutes) ? minutes : 10) * 60_000;
  }

  private armIdle(tail: Tail): void {
    if (tail.idleTimer) {
      clearTimeout(tail.idleTimer);
    }
    const ms = this.idleMs();
    tail.idleTimer = setTimeout(() => this.stop(tail.target, 'idle', ms), ms);
  }

  /** The log group's ARN (Live Tail takes ARNs), from the function's ARN and logging configuration. */
  private async logGroup(target: LambdaTarget, signal: AbortSignal): Promise<{ name: string; arn: string }> {
    const cfg = await this.connection.service(target.region).getFunctionConfiguration(target.functionName, undefined, { signal });
    const name = logGroupOf(target.functionName, cfg.LoggingConfig?.LogGroup);
    const functionArn = cfg.FunctionArn ?? target.functionArn;
    const partition = partitionOfArn(functionArn) ?? 'aws';
    const account = accountOfArn(functionArn);
    return { name, arn: account ? `arn:${partition}:logs:${target.region}:${account}:log-group:${name}` : name };
  }

  /** Starts tailing a function (or shows the tail that runs already). Resolves once the session has started. */
  async start(target: LambdaTarget): Promise<{ alreadyRunning: boolean }> {
    const key = tailKey(target);
    const label = targetLabel({ region: target.region, functionName: target.functionName });
    const running = this.tails.get(key);
    if (running) {
      this.channels.get(key)?.show(true);
      return { alreadyRunning: true };
    }
    const controller = new AbortController();
    const tail: Tail = { key, target: { region: target.region, functionName: target.functionName, functionArn: target.functionArn }, label, logGroupName: logGroupOf(target.functionName, undefined), controller, events: 0, startedAt: Date.now() };
    this.tails.set(key, tail);
    this.update();
    let messages: AsyncGenerator<LiveTailMessage>;
    try {
      const group = await this.logGroup(target, controller.signal);
      tail.logGroupName = group.name;
      messages = this.connection.logs(target.region).liveTail([group.arn], { signal: controller.signal });
      // The SDK reads the first message (sessionStart) before the call resolves: errors of the start show here.
      const first = await messages.next();
      if (first.done) {
        throw Object.assign(new Error('The Live Tail session ended at once.'), { name: 'SessionStreamingException' });
      }
    } catch (err) {
      this.tails.delete(key);
      this.update();
      if (controller.signal.aborted || isCancellation(err)) {
        throw new Cancelled();
      }
      reportError(err, {
        what: vscode.l10n.t('Tail Logs of {0} failed', label),
        message: loadLogsModel().logsErrorMessage(err, { operation: 'StartLiveTail', logGroupName: tail.logGroupName }),
        context: { profile: this.connection.profile, region: target.region, endpoint: this.connection.endpoint, target: label },
        logAs: `Tail Logs ${label}`,
      });
      throw new AlreadyReported();
    }
    this.records.set(key, { text: '', events: 0 });
    const channel = this.channel(key, label);
    this.append(key, [vscode.l10n.t('--- Live Tail of {0} ({1}) started {2} ---', tail.logGroupName, label, new Date(tail.startedAt).toISOString())]);
    channel.show(true);
    this.armIdle(tail);
    log().info(`Tail Logs ${label}: started on ${tail.logGroupName}`);
    if (!this.billingNoticeShown) {
      this.billingNoticeShown = true;
      const minutes = Math.round((this.idleMs() / 60_000) * 100) / 100;
      showInfo(
        vscode.l10n.t('CloudWatch Logs Live Tail is billed per minute of session. A tail stops after {0} minutes without new events, or with Stop Tailing Logs.', minutes),
        actions.command(vscode.l10n.t('Stop Tailing Logs'), COMMANDS.stopTail),
      );
    }
    void this.pump(tail, messages);
    return { alreadyRunning: false };
  }

  /** Reads the session until it ends; each update's events go to the channel. */
  private async pump(tail: Tail, messages: AsyncGenerator<LiveTailMessage>): Promise<void> {
    const model = loadLogsModel();
    try {
      for await (const m of messages) {
        if (m.kind !== 'update' || m.events.length === 0) {
          continue;
        }
        this.received(tail, m.events, m.sampled);
      }
      if (!tail.controller.signal.aborted) {
        this.finish(tail, 'ended', vscode.l10n.t('--- The Live Tail session ended ---'));
      }
    } catch (err) {
      if (tail.controller.signal.aborted || isCancellation(err)) {
        return;
      }
      const message = model.logsErrorMessage(err, { operation: 'StartLiveTail', logGroupName: tail.logGroupName });
      const shown = reportError(err, {
        what: vscode.l10n.t('The tail of {0} stopped', tail.label),
        message: message ?? (model.isStreamCut(err) ? vscode.l10n.t('The Live Tail stream was cut.') : undefined),
        context: { profile: this.connection.profile, region: tail.target.region, endpoint: this.connection.endpoint, target: tail.label },
        logAs: `Tail Logs ${tail.label}`,
        actions: [actions.command(vscode.l10n.t('Tail Again'), COMMANDS.tailLogs, tail.target)],
      });
      this.finish(tail, 'error', `--- ${shown.message} ---`);
    }
  }

  private received(tail: Tail, events: readonly LogEventItem[], sampled: boolean): void {
    const model = loadLogsModel();
    const lines = events.map((e) => model.formatTailEvent(e));
    if (sampled) {
      lines.push(vscode.l10n.t('--- More events arrived in this second than Live Tail sends: the lines above are a sample ---'));
    }
    tail.events += events.length;
    const r = this.records.get(tail.key);
    if (r) {
      r.events = tail.events;
    }
    this.append(tail.key, lines);
    this.armIdle(tail);
  }

  private finish(tail: Tail, reason: TailStopReason, line: string): void {
    if (this.tails.get(tail.key) !== tail) {
      return;
    }
    this.tails.delete(tail.key);
    if (tail.idleTimer) {
      clearTimeout(tail.idleTimer);
    }
    tail.controller.abort();
    const r = this.records.get(tail.key);
    if (r) {
      r.stopped = reason;
    }
    if (reason !== 'disposed') {
      this.append(tail.key, [line]);
    }
    log().info(`Tail Logs ${tail.label}: stopped (${reason}) after ${tail.events} events, ${Math.round((Date.now() - tail.startedAt) / 1000)} s`);
    this.update();
  }

  /** Stops the tail of a function; false when none ran. */
  stop(target: Pick<LambdaTarget, 'region' | 'functionName'>, reason: TailStopReason = 'stopped', idleMs?: number): boolean {
    const tail = this.tails.get(tailKey(target));
    if (!tail) {
      return false;
    }
    const line =
      reason === 'idle'
        ? vscode.l10n.t('--- Stopped: no new events for {0} minutes ---', Math.round(((idleMs ?? this.idleMs()) / 60_000) * 100) / 100)
        : reason === 'connection'
          ? vscode.l10n.t('--- Stopped: the connection changed ---')
          : vscode.l10n.t('--- Stopped ---');
    this.finish(tail, reason, line);
    return true;
  }

  /** Stops every tail; returns how many. */
  stopAll(reason: TailStopReason = 'stopped'): number {
    const all = [...this.tails.values()];
    for (const t of all) {
      this.stop(t.target, reason);
    }
    return all.length;
  }

  private update(): void {
    const n = this.tails.size;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.tailing, n > 0);
    if (n === 0) {
      this.statusBar.hide();
      return;
    }
    const labels = [...this.tails.values()].map((t) => t.label);
    this.statusBar.text = n === 1 ? vscode.l10n.t('$(pulse) Tailing {0}', [...this.tails.values()][0].target.functionName) : vscode.l10n.t('$(pulse) Tailing {0} functions', n);
    this.statusBar.tooltip = `${vscode.l10n.t('Live Tail (billed per minute) — click to stop')}\n${labels.join('\n')}`;
    this.statusBar.show();
  }

  dispose(): void {
    this.stopAll('disposed');
    for (const d of this.subscriptions) {
      d.dispose();
    }
    for (const c of this.channels.values()) {
      c.dispose();
    }
    this.channels.clear();
  }
}
