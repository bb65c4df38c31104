/**
 * The TextMate grammar of the "Lambda Invocations" channel: every expression compiles, the
 * lines the formatter writes are taken by the intended rule, and it takes them the same way in
 * every display language (it matches the structure of a block, never its English words).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatApiError, formatCancelled, formatInvokeResult, formatPayloadError, PayloadError, ResultHeader } from '../../../src/invoke/model';
import { setTranslator } from '../../../src/shared/l10n';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
}

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const grammarPath = path.join(ROOT, 'media', 'lambda-invocations.tmLanguage.json');

function load(): { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> } {
  return JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };
}

function allRules(rule: Rule, out: Rule[] = []): Rule[] {
  out.push(rule);
  for (const r of rule.patterns ?? []) allRules(r, out);
  return out;
}

/** TextMate's regexes are Oniguruma; the ones used here are also valid JavaScript (with the `u` flag for the marks). */
const re = (src: string) => new RegExp(src, 'u');

/**
 * What each line of a block is, as the grammar reads it: the top-level rule that takes it
 * (header, outcome, section, field), or `in-section` for the lines a section holds up to its end.
 */
function classify(lines: readonly string[]): string[] {
  const g = load();
  const section = g.repository.section;
  const out: string[] = [];
  let inSection = false;
  for (const line of lines) {
    if (inSection) {
      if (re(section.end!).test(line)) {
        inSection = false;
      } else {
        out.push('in-section');
        continue;
      }
    }
    let kind: string | undefined;
    for (const p of g.patterns) {
      const key = p.include!.slice(1);
      const rule = g.repository[key];
      const candidates = rule.match || rule.begin ? [rule] : (rule.patterns ?? []);
      if (candidates.some((c) => re(c.match ?? c.begin!).test(line))) {
        kind = key;
        break;
      }
    }
    out.push(kind ?? 'plain');
    inSection = kind === 'section';
  }
  return out;
}

const AT = new Date('2026-11-22T13:00:00.000Z');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const bytes = (s: string) => new TextEncoder().encode(s);
const HEADER: ResultHeader = {
  target: { region: 'us-east-1', functionName: 'hello-world', qualifier: 'live' },
  invocationType: 'RequestResponse',
  startedAt: AT,
  payload: { kind: 'file', label: 'payloads/hello.json', checked: { bytes: new Uint8Array(17), bomRemoved: true, commentsRemoved: 1, trailingCommasRemoved: 0, empty: false } },
};
const LOG =
  'START RequestId: 6f1c Version: 2\n' +
  '2026-11-22T13:00:00.010Z\t6f1c\tINFO\tgreeting world\n' +
  '2026-11-22T13:00:00.011Z\t6f1c\tERROR\tsomething: failed\n' +
  'END RequestId: 6f1c\n' +
  'REPORT RequestId: 6f1c\tDuration: 2.35 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\t\n';

/** The blocks the formatter writes: success, function error, refused payload, cancelled, failed call. */
function blocks(): string[][] {
  return [
    formatInvokeResult({ ...HEADER, elapsedMs: 57, logType: 'Tail', response: { StatusCode: 200, ExecutedVersion: '2', LogResult: b64(LOG), Payload: bytes('{"message":"Hello: world"}'), requestId: '6f1c' } }),
    formatInvokeResult({
      ...HEADER,
      elapsedMs: 57,
      logType: 'Tail',
      response: { StatusCode: 200, FunctionError: 'Unhandled', LogResult: b64(LOG), Payload: bytes('{"errorType":"Error","errorMessage":"boom","trace":["Error: boom","    at x (/var/task/index.js:3:9)"]}'), requestId: '6f1c' },
    }),
    formatPayloadError(HEADER, new PayloadError('syntax', 'payloads/bad.json', 'Invalid JSON in payloads/bad.json at line 2, column 9: a comma (,) is expected.', 2, 9, [])),
    formatCancelled(HEADER, 1500),
    formatApiError(HEADER, { status: 404, name: 'ResourceNotFoundException', message: 'Function not found: x', hint: 'Check the region.' }, 12),
    formatInvokeResult({ ...HEADER, invocationType: 'Event', elapsedMs: 9, logType: 'Tail', response: { StatusCode: 202, Payload: bytes('{"echo":1}') } }),
  ];
}

function translator(lang: string): (m: string, ...args: Array<string | number | boolean>) => string {
  const bundle = lang === 'en' ? {} : (JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', `bundle.l10n.${lang}.json`), 'utf8')) as Record<string, string>);
  return (m, ...args) => (bundle[m] ?? m).replace(/\{(\d+)\}/g, (x, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : x));
}

describe('invoke grammar (media/lambda-invocations.tmLanguage.json)', () => {
  after(() => setTranslator(translator('en')));

  it('is the grammar package.json contributes for the lambda-invocations language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ language: string; scopeName: string; path: string }> };
    };
    const g = pkg.contributes.grammars.find((x) => x.language === 'lambda-invocations');
    assert.ok(g);
    assert.equal(g.scopeName, load().scopeName);
    assert.equal(g.path, './media/lambda-invocations.tmLanguage.json');
  });

  it('compiles every expression, and every include exists', () => {
    const g = load();
    for (const [key, rule] of Object.entries(g.repository)) {
      for (const r of allRules(rule)) {
        for (const src of [r.match, r.begin, r.end]) {
          if (src !== undefined) {
            assert.doesNotThrow(() => re(src), `${key}: ${src}`);
          }
        }
        if (r.include?.startsWith('#')) {
          assert.ok(g.repository[r.include.slice(1)], `${key} includes a missing rule ${r.include}`);
        }
      }
    }
    for (const p of g.patterns) {
      assert.ok(g.repository[p.include!.slice(1)], `missing ${p.include}`);
    }
  });

  it('reads the structure of a block: the header, the outcome first and last, fields, sections', () => {
    setTranslator(translator('en'));
    const [success, functionError, refused, cancelled, failed] = blocks();
    const kinds = classify(success);
    assert.equal(kinds[0], 'header');
    assert.equal(kinds[1], 'outcome');
    assert.equal(kinds[kinds.length - 1], 'outcome');
    assert.equal(success[1], success[success.length - 1], 'the same outcome first and last');
    assert.deepEqual(kinds.slice(2, kinds.indexOf('section')).filter((k) => k !== 'field'), [], 'fields up to the first section');
    assert.ok(kinds.filter((k) => k === 'section').length >= 2, 'the log and the response');
    for (const block of [functionError, refused, cancelled, failed]) {
      const k = classify(block);
      assert.equal(k[1], 'outcome', block[1]);
      assert.equal(k[k.length - 1], 'outcome', block[block.length - 1]);
    }
  });

  it('colours an outcome by its mark: succeeded, failed or not sent, cancelled', () => {
    setTranslator(translator('en'));
    const g = load();
    const [succeeded, failed, cancelled] = g.repository.outcome.patterns!;
    const [success, functionError, refused, cancel, apiError, queued] = blocks().map((b) => b[1]);
    assert.match(success, re(succeeded.match!));
    assert.match(queued, re(succeeded.match!));
    for (const line of [functionError, refused, apiError]) {
      assert.match(line, re(failed.match!), line);
      assert.doesNotMatch(line, re(succeeded.match!), line);
    }
    assert.match(cancel, re(cancelled.match!));
    assert.equal(JSON.stringify(g.repository.field).includes('deleted'), false, 'labels and values are neutral');
  });

  it('reads a translated block exactly as the English one, in every language', () => {
    setTranslator(translator('en'));
    const englishText = blocks();
    const english = englishText.map(classify);
    for (const lang of ['ja', 'fr', 'de', 'ko']) {
      setTranslator(translator(lang));
      const translated = blocks();
      translated.forEach((block, i) => {
        assert.notDeepEqual(block, englishText[i], `${lang}: block ${i} is translated`);
        assert.deepEqual(classify(block), english[i], `${lang}, block ${i}:\n${block.join('\n')}`);
      });
    }
  });

  it('in the log: START/END, ERROR lines and the timeout are told apart', () => {
    const g = load();
    const inside = g.repository.section.patterns!.map((p) => g.repository[p.include!.slice(1)]);
    const first = (line: string) => inside.findIndex((rule) => (rule.match || rule.begin ? [rule] : (rule.patterns ?? [])).some((c) => re(c.match ?? c.begin!).test(line)));
    const names = g.repository.section.patterns!.map((p) => p.include!.slice(1));
    assert.equal(names[first('START RequestId: 6f1c Version: 2')], 'startEnd');
    assert.equal(names[first('2026-11-22T13:00:00.010Z\t6f1c\tERROR\tsomething failed')], 'textLogLine');
    assert.equal(names[first('{"timestamp":"2026-11-22T13:00:00.001Z","level":"ERROR","message":"x"}')], 'jsonLogLine');
    assert.equal(names[first('{"timestamp":"2026-11-22T13:00:00.001Z","level":"INFO","message":"x"}')], 'jsonLine');
    assert.equal(names[first('2026-11-22T13:00:03.012Z 6f1c Task timed out after 3.00 seconds')], 'timeout');
    assert.equal(names[first('{')], 'json');
  });
});
