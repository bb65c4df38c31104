/**
 * The TextMate grammar of full-log documents and tail channels (language `lambda-log`): every
 * expression compiles, the lines Show Full Log writes are taken by the intended rule, in every
 * display language (it matches the header's structure, never its words).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatFullLog } from '../../../src/logs/model';
import { setTranslator } from '../../../src/shared/l10n';

interface Rule {
  match?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
}

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'media', 'lambda-log.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };
const re = (src: string) => new RegExp(src, 'u');

function rules(r: Rule, out: Rule[] = []): Rule[] {
  out.push(r);
  for (const p of r.patterns ?? []) rules(p, out);
  for (const c of Object.values(r.captures ?? {})) rules(c, out);
  return out;
}

/** The first top-level rule whose expression (or one of its patterns) matches somewhere in the line. */
function ruleOf(line: string): string | undefined {
  for (const p of grammar.patterns) {
    const key = p.include!.slice(1);
    const r = grammar.repository[key];
    const candidates = r.match ? [r] : (r.patterns ?? []);
    if (candidates.some((c) => c.match && re(c.match).test(line))) {
      return key;
    }
  }
  return undefined;
}

const ID = '8a1c2f4e-0b6d-4e2a-9c1f-3d5e7a9b0c11';

describe('logs: the lambda-log grammar', () => {
  afterEach(() => setTranslator((m, ...a) => m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))));

  it('is the grammar package.json contributes for the lambda-log language, and every expression compiles', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: { language: string; scopeName: string; path: string }[]; languages: { id: string }[] } };
    const g = pkg.contributes.grammars.find((x) => x.language === 'lambda-log');
    assert.equal(g?.scopeName, grammar.scopeName);
    assert.equal(path.normalize(g.path), path.normalize('./media/lambda-log.tmLanguage.json'));
    assert.ok(pkg.contributes.languages.some((l) => l.id === 'lambda-log'));
    for (const p of grammar.patterns) {
      assert.ok(grammar.repository[p.include!.slice(1)], p.include);
    }
    for (const r of Object.values(grammar.repository).flatMap((x) => rules(x))) {
      if (r.match) assert.doesNotThrow(() => re(r.match!), r.match);
    }
  });

  for (const lang of ['en', 'ja']) {
    it(`reads a full-log document (${lang}): header, separator, platform lines, levels`, () => {
      if (lang === 'ja') setTranslator((m, ...a) => `「${m}」`.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)])));
      const events = [
        `START RequestId: ${ID} Version: $LATEST\n`,
        `2026-01-01T00:00:00.000Z\t${ID}\tERROR\tboom\n`,
        'printed without a request id\n',
        `END RequestId: ${ID}\n`,
        `REPORT RequestId: ${ID}\tDuration: 2.35 ms\tBilled Duration: 3 ms\n`,
        JSON.stringify({ type: 'platform.report', record: { requestId: ID } }),
      ].map((message, i) => ({ message, timestamp: i }));
      const doc = formatFullLog({ requestId: ID, logGroupName: '/aws/lambda/f', logStreamName: 's', events, started: true, complete: true, pages: 1, waitedMs: 0 }, { label: 'f (us-east-1)', invocationType: 'Event', timeoutSeconds: 60 });
      const lines = doc.split('\n');
      assert.equal(ruleOf(lines[0]), 'header');
      assert.equal(ruleOf(lines[4]), 'separator');
      assert.equal(ruleOf(lines[5]), 'platform');
      assert.equal(ruleOf(lines[6]), 'level');
      assert.equal(ruleOf(lines[7]), undefined);
      assert.equal(ruleOf(lines[8]), 'platform');
      assert.equal(ruleOf(lines[9]), 'platform');
      assert.equal(ruleOf(lines[10]), 'jsonPlatform');
      assert.ok(re(grammar.repository.level.patterns![0].match!).test(lines[6]), 'ERROR is an error');
    });
  }
});
