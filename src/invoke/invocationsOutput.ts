import * as vscode from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Lambda Invocations';
export const OUTPUT_LANGUAGE_ID = 'lambda-invocations';

/** Results kept for `InvokeApi.outputs()` (the channel itself keeps everything). */
const HISTORY = 200;

/**
 * The "Lambda Invocations" channel (language `lambda-invocations`, coloured by
 * media/lambda-invocations.tmLanguage.json). Each result is appended whole, in one call,
 * so results of invocations running at the same time never interleave. What is appended
 * is kept, since an output channel cannot be read back through the API.
 */
export class InvocationsOutput implements vscode.Disposable {
  private readonly channel: vscode.OutputChannel;
  private readonly history: string[] = [];
  private written = '';

  constructor() {
    this.channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, OUTPUT_LANGUAGE_ID);
  }

  /** Appends one result (a block of lines) and reveals the channel without taking focus. */
  write(lines: readonly string[]): string {
    const text = lines.join('\n');
    const chunk = `${text}\n\n`;
    this.channel.append(chunk);
    this.written += chunk;
    if (this.written.length > 4 * 1024 * 1024) {
      this.written = this.written.slice(-2 * 1024 * 1024);
    }
    this.history.push(text);
    if (this.history.length > HISTORY) {
      this.history.shift();
    }
    this.channel.show(true);
    return text;
  }

  show(): void {
    this.channel.show(true);
  }

  last(): string {
    return this.history[this.history.length - 1] ?? '';
  }

  all(): readonly string[] {
    return [...this.history];
  }

  /** What was appended to the channel since activation (the last 2–4 MB). */
  text(): string {
    return this.written;
  }

  dispose(): void {
    this.channel.dispose();
  }
}
