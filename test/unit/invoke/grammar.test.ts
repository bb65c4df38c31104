/**
 * The TextMate grammar of the "Lambda Invocations" channel: every expression compiles, and
 * the lines the formatter writes are taken by the intended rule (first match wins, as
 * in the channel, for the top-level rules).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
}

const grammarPath = path.join(__dirname, '..', '..', '..', '..', 'media', 'lambda-invocations.tmLanguage.json');

function load(): { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> } {
  return JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };
}

function allRules(rule: Rule, out: Rule[] = []): Rule[] {
  out.push(rule);
  for (const r of rule.patterns ?? []) allRules(r, out);
  return out;
}

/** The repository key of the first top-level rule that takes `line`. */
function ruleFor(line: string): string | undefined {
  const g = load();
  for (const p of g.patterns) {
    const key = p.include!.slice(1);
    const rule = g.repository[key];
    const candidates = rule.match || rule.begin ? [rule] : (rule.patterns ?? []);
    if (candidates.some((c) => (c.match ?? c.begin) !== undefined && new RegExp(c.match ?? c.begin!).test(line))) {
      return key;
    }
  }
  return undefined;
}

describe('invoke grammar (media/lambda-invocations.tmLanguage.json)', () => {
  it('is the grammar package.json contributes for the lambda-invocations language', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(grammarPath), '..', 'package.json'), 'utf8')) as {
      contributes: { grammars: Array<{ language: string; scopeName: string; path: string }> };
    };
    const g = pkg.contributes.grammars.find((x) => x.language === 'lambda-invocations');
    assert.ok(g);
    assert.equal(g.scopeName, load().scopeName);
    assert.equal(g.path, './media/lambda-invocations.tmLanguage.json');
  });

  it('compiles every expression', () => {
    const g = load();
    for (const [key, rule] of Object.entries(g.repository)) {
      for (const r of allRules(rule)) {
        for (const src of [r.match, r.begin, r.end]) {
          if (src !== undefined) {
            assert.doesNotThrow(() => new RegExp(src), `${key}: ${src}`);
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

  it('colours headers, problems, status, metrics, START/END and REPORT lines', () => {
    const cases: Array<[string, string]> = [
      ['=== hello-world:live (us-east-1) · RequestResponse · 2026-11-22T13:00:00.000Z ===', 'header'],
      ['--- Response (52 bytes) ---', 'response'],
      ['--- Log (last 4 KB; earlier lines cut) ---', 'sectionHeader'],
      ['FUNCTION ERROR (Unhandled): Error: boom', 'problems'],
      ['NOT SENT: Invalid JSON in payloads/bad.json at line 3, column 8: value expected.', 'problems'],
      ['API ERROR: ResourceNotFoundException', 'problems'],
      ['CANCELLED after 1.5 s: stopped waiting for the response.', 'problems'],
      ['Status: 200', 'status'],
      ['Status: 404', 'status'],
      ['Duration: 2.35 ms', 'fields'],
      ['Max memory used: 67 MB', 'fields'],
      ['START RequestId: 6f1c Version: 2', 'startEnd'],
      ['…END RequestId: 6f1c', 'startEnd'],
      ['REPORT RequestId: 6f1c\tDuration: 2.35 ms\tBilled Duration: 3 ms', 'report'],
      ['{"time":"2026-11-22T13:00:00.010Z","type":"platform.report","record":{}}', 'platformReport'],
      ['{"timestamp":"2026-11-22T13:00:00.001Z","level":"ERROR","message":"x"}', 'jsonLogLine'],
      ['2026-11-22T13:00:00.010Z\t6f1c\tERROR\tsomething failed', 'textLogLine'],
    ];
    for (const [line, rule] of cases) {
      assert.equal(ruleFor(line), rule, line);
    }
  });
});
