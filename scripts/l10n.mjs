// Extracts the user-visible messages of the extension and checks their translations.
//
//   node scripts/l10n.mjs            writes l10n/bundle.l10n.json, then reports what each language lacks
//   node scripts/l10n.mjs --check    writes nothing; exits 1 when bundle.l10n.json is out of date, or
//                                    a message or a package.nls key lacks a translation, or placeholders differ
//   node scripts/l10n.mjs --json     (with or without --check) prints the report as JSON
//
// Messages: the first argument of `vscode.l10n.t(...)` / `l10n.t(...)` (glue code) and `t(...)`
// (pure modules, src/shared/l10n.ts) in src/**/*.ts, when it is a string literal: '…', "…" or
// `…` without ${}. Calls whose first argument is not a literal cannot be extracted; they are
// listed as warnings ("dynamic"). Languages: LANGUAGES below; each has
// l10n/bundle.l10n.<lang>.json (English message → translation) and package.nls.<lang>.json.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LANGUAGES = ['ja', 'fr', 'de', 'ko'];
const SRC = join(ROOT, 'src');
const L10N = join(ROOT, 'l10n');

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...sourceFiles(full));
    } else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out.sort();
}

/** `t(...)`, `l10n.t(...)`, `vscode.l10n.t(...)`: a translation call. */
function isTranslationCall(node) {
  if (!ts.isCallExpression(node)) {
    return false;
  }
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    return callee.text === 't';
  }
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

/** The messages of src/** in order of first appearance (files sorted), and the calls that could not be read. */
export function extractMessages() {
  const messages = new Map(); // message -> first place
  const dynamic = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const where = (node) => `${relative(ROOT, file).split(sep).join('/')}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node) => {
      if (isTranslationCall(node)) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (!messages.has(first.text)) {
            messages.set(first.text, where(node));
          }
        } else if (first) {
          dynamic.push(`${where(node)}: ${node.getText(sf).slice(0, 80)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    // A function *named* t (src/shared/l10n.ts) is a declaration, not a call: visit() skips it.
    visit(sf);
  }
  return { messages, dynamic };
}

/** `{0}`, `{1}` … of a message, sorted (vscode.l10n's placeholders; `{}` and `{"a": 1}` are not). */
export function placeholders(message) {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function valueOf(entry) {
  return typeof entry === 'string' ? entry : entry?.message;
}

/**
 * Everything the check looks at, per language:
 *   missing        messages of src with no translation
 *   placeholders   translations whose {n} differ from the English message
 *   empty          empty translations
 *   stale          translations of messages src no longer uses (warning only)
 *   nlsMissing     package.nls.json keys absent from package.nls.<lang>.json
 *   nlsExtra       keys of package.nls.<lang>.json that package.nls.json lacks (warning only)
 * and overall: bundleOutOfDate (l10n/bundle.l10n.json differs from the extraction),
 * manifestKeysMissing (%key% of package.json absent from package.nls.json), dynamic (warning).
 */
export function buildReport() {
  const { messages, dynamic } = extractMessages();
  const english = Object.fromEntries([...messages.keys()].map((m) => [m, m]));
  const current = readJson(join(L10N, 'bundle.l10n.json'));
  const bundleOutOfDate = JSON.stringify(current) !== JSON.stringify(english);

  const nls = readJson(join(ROOT, 'package.nls.json')) ?? {};
  const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const manifestKeys = [...new Set([...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]))];
  const manifestKeysMissing = manifestKeys.filter((k) => !(k in nls));

  const languages = {};
  for (const lang of LANGUAGES) {
    const bundle = readJson(join(L10N, `bundle.l10n.${lang}.json`)) ?? {};
    const langNls = readJson(join(ROOT, `package.nls.${lang}.json`)) ?? {};
    const missing = [];
    const mismatched = [];
    const empty = [];
    for (const message of messages.keys()) {
      const translated = valueOf(bundle[message]);
      if (translated === undefined) {
        missing.push(message);
      } else if (translated.trim() === '' && message.trim() !== '') {
        empty.push(message);
      } else if (placeholders(translated).join() !== placeholders(message).join()) {
        mismatched.push({ message, translation: translated, expected: placeholders(message), found: placeholders(translated) });
      }
    }
    const stale = Object.keys(bundle).filter((m) => !messages.has(m));
    const nlsMissing = Object.keys(nls).filter((k) => valueOf(langNls[k]) === undefined || valueOf(langNls[k]).trim() === '');
    const nlsExtra = Object.keys(langNls).filter((k) => !(k in nls));
    const nlsMismatched = Object.keys(nls).filter((k) => valueOf(langNls[k]) !== undefined && placeholders(valueOf(langNls[k])).join() !== placeholders(valueOf(nls[k])).join());
    languages[lang] = { missing, placeholders: mismatched, empty, stale, nlsMissing, nlsExtra, nlsMismatched };
  }
  const ok =
    !bundleOutOfDate &&
    manifestKeysMissing.length === 0 &&
    Object.values(languages).every((l) => l.missing.length + l.placeholders.length + l.empty.length + l.nlsMissing.length + l.nlsMismatched.length === 0);
  return { ok, messageCount: messages.size, nlsKeyCount: Object.keys(nls).length, english, bundleOutOfDate, manifestKeysMissing, dynamic, languages };
}

function printReport(report, { check, written }) {
  const lines = [];
  lines.push(`${report.messageCount} messages in src/, ${report.nlsKeyCount} keys in package.nls.json`);
  if (written) {
    lines.push('l10n/bundle.l10n.json updated');
  } else if (report.bundleOutOfDate) {
    lines.push('l10n/bundle.l10n.json is out of date: run `node scripts/l10n.mjs`');
  }
  for (const key of report.manifestKeysMissing) {
    lines.push(`package.json uses %${key}% but package.nls.json has no such key`);
  }
  for (const [lang, l] of Object.entries(report.languages)) {
    const problems = l.missing.length + l.placeholders.length + l.empty.length + l.nlsMissing.length + l.nlsMismatched.length;
    lines.push(`${lang}: ${problems === 0 ? 'complete' : `${problems} problem(s)`}${l.stale.length ? `, ${l.stale.length} unused translation(s)` : ''}`);
    for (const m of l.missing) lines.push(`  missing in l10n/bundle.l10n.${lang}.json: ${JSON.stringify(m)}`);
    for (const m of l.empty) lines.push(`  empty in l10n/bundle.l10n.${lang}.json: ${JSON.stringify(m)}`);
    for (const p of l.placeholders) {
      lines.push(`  placeholders differ in l10n/bundle.l10n.${lang}.json: ${JSON.stringify(p.message)} has ${p.expected.join(' ') || 'none'}, the translation ${p.found.join(' ') || 'none'}`);
    }
    for (const k of l.nlsMissing) lines.push(`  missing in package.nls.${lang}.json: ${k}`);
    for (const k of l.nlsMismatched) lines.push(`  placeholders differ in package.nls.${lang}.json: ${k}`);
    for (const m of l.stale) lines.push(`  unused (warning): ${JSON.stringify(m)}`);
    for (const k of l.nlsExtra) lines.push(`  unknown key in package.nls.${lang}.json (warning): ${k}`);
  }
  for (const d of report.dynamic) {
    lines.push(`warning: the message is not a string literal, so it cannot be extracted: ${d}`);
  }
  lines.push(report.ok ? 'l10n: ok' : check ? 'l10n: FAILED' : 'l10n: translations incomplete (see above)');
  return lines.join('\n');
}

function main(argv) {
  const check = argv.includes('--check');
  const json = argv.includes('--json');
  let report = buildReport();
  let written = false;
  if (!check && report.bundleOutOfDate) {
    writeFileSync(join(L10N, 'bundle.l10n.json'), `${JSON.stringify(report.english, null, 2)}\n`);
    written = true;
    report = buildReport();
  }
  if (json) {
    const rest = { ...report };
    delete rest.english;
    process.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
  } else {
    console.log(printReport(report, { check, written }));
  }
  // Without --check this is the update command: it reports, it does not fail.
  return check && !report.ok ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
