/**
 * Translation hook for modules that do not import vscode. The extension installs
 * `vscode.l10n.t` at activation; elsewhere (unit tests, the emulator, benchmarks) the
 * English text is formatted as is. Placeholders are `{0}`, `{1}`, ... as in vscode.l10n.
 */
type Translator = (message: string, ...args: Array<string | number | boolean>) => string;

function format(message: string, ...args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

let translator: Translator = format;

export function setTranslator(t: Translator): void {
  translator = t;
}

export function t(message: string, ...args: Array<string | number | boolean>): string {
  return translator(message, ...args);
}
