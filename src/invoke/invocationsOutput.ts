import * as vscode from 'vscode';

export const OUTPUT_CHANNEL_NAME = 'Lambda Invocations';
export const OUTPUT_LANGUAGE_ID = 'lambda-invocations';

/** Results kept for `InvokeApi.outputs()` (the channel itself keeps everything). */
const HISTORY = 200;

/**
 * A block written in pieces while it happens (a streamed response): its start, the text as it
 * comes, then its end. When another block was written in between, the piece that follows
 * repeats the block's header with a "continued" section line, so a reader can tell whose text
 * it is.
 */
export interface LiveBlock {
  /** Appends text as it is (a chunk may end in the middle of a line). */
  append(text: string): void;
  /** Appends the end lines (on a new line) and closes the block; answers the whole block's text. */
  close(lines: readonly string[]): string;
}

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
  /** The live block whose text the channel ends with (it was the last to write). */
  private tail: { block: object; endsWithNewline: boolean } | undefined;
  private readonly written$ = new vscode.EventEmitter<string>();
  /** A whole block (a result, an error) was appended: its text. */
  readonly onDidWrite = this.written$.event;

  constructor() {
    this.channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, OUTPUT_LANGUAGE_ID);
  }

  /** Appends one result (a block of lines) and reveals the channel without taking focus. */
  write(lines: readonly string[]): string {
    const text = lines.join('\n');
    this.leaveTail();
    this.appendRaw(`${text}\n\n`);
    this.remember(text);
    this.channel.show(true);
    this.written$.fire(text);
    return text;
  }

  /**
   * Starts a block written in pieces (`start`: its first lines). Blocks written meanwhile by
   * other invocations come whole between its pieces.
   */
  openLive(start: readonly string[], continued: () => readonly string[]): LiveBlock {
    const self = {};
    let own = '';
    const piece = (text: string): void => {
      if (text === '') return;
      if (this.tail?.block !== self) {
        this.leaveTail();
        const again = `${[...continued()].join('\n')}\n`;
        this.appendRaw(again);
      }
      this.appendRaw(text);
      this.tail = { block: self, endsWithNewline: text.endsWith('\n') };
    };
    const first = `${start.join('\n')}\n`;
    this.leaveTail();
    this.appendRaw(first);
    this.tail = { block: self, endsWithNewline: true };
    own = first;
    this.channel.show(true);
    return {
      append: (text: string) => {
        piece(text);
        own += text;
      },
      close: (lines: readonly string[]) => {
        const sep = own.endsWith('\n') ? '' : '\n';
        const end = `${sep}${lines.join('\n')}`;
        if (this.tail?.block !== self) {
          this.leaveTail();
          this.appendRaw(`${[...continued()].join('\n')}\n${end.replace(/^\n/, '')}\n\n`);
        } else {
          this.appendRaw(`${end}\n\n`);
        }
        this.tail = undefined;
        own += end;
        this.remember(own);
        this.written$.fire(own);
        return own;
      },
    };
  }

  /** Ends the live block's text in the channel (a new line, a blank line) before something else is written. */
  private leaveTail(): void {
    if (this.tail) {
      this.appendRaw(this.tail.endsWithNewline ? '\n' : '\n\n');
      this.tail = undefined;
    }
  }

  private appendRaw(chunk: string): void {
    this.channel.append(chunk);
    this.written += chunk;
    if (this.written.length > 4 * 1024 * 1024) {
      this.written = this.written.slice(-2 * 1024 * 1024);
    }
  }

  private remember(text: string): void {
    this.history.push(text);
    if (this.history.length > HISTORY) {
      this.history.shift();
    }
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
    this.written$.dispose();
    this.channel.dispose();
  }
}
