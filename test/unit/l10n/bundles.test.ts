/**
 * Translations: every message the extension passes to `vscode.l10n.t(...)` / `t(...)` in src/
 * has a translation in each language with the same `{n}` placeholders, l10n/bundle.l10n.json
 * is the current extraction, and every package.nls.json key (command titles, settings,
 * walkthrough, schema urls) exists in each package.nls.<lang>.json. The check is the one of
 * `node scripts/l10n.mjs --check`, run here and read as JSON.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const LANGUAGES = ['ja', 'fr', 'de', 'ko'] as const;

interface LanguageReport {
  missing: string[];
  placeholders: Array<{ message: string; translation: string; expected: string[]; found: string[] }>;
  empty: string[];
  stale: string[];
  nlsMissing: string[];
  nlsExtra: string[];
  nlsMismatched: string[];
}

interface Report {
  ok: boolean;
  messageCount: number;
  nlsKeyCount: number;
  bundleOutOfDate: boolean;
  manifestKeysMissing: string[];
  dynamic: string[];
  languages: Record<string, LanguageReport>;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'scripts', 'l10n.mjs'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('scripts/l10n.mjs not found above the compiled tests');
    }
    dir = parent;
  }
  return dir;
}

describe('l10n: message bundles and package.nls', function () {
  this.timeout(60_000);
  const root = repoRoot();
  let report: Report;

  before(() => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n.mjs'), '--check', '--json'], { cwd: root, encoding: 'utf8' });
    } catch (err) {
      // --check exits 1 when something is missing; the report is still on stdout
      out = String((err as { stdout?: string }).stdout ?? '');
    }
    report = JSON.parse(out) as Report;
  });

  it('finds the messages of src/ and the keys of package.nls.json', () => {
    assert.ok(report.messageCount > 100, `${report.messageCount} messages`);
    assert.ok(report.nlsKeyCount > 20, `${report.nlsKeyCount} keys`);
  });

  it('l10n/bundle.l10n.json is the current extraction (run `node scripts/l10n.mjs` after changing a message)', () => {
    assert.equal(report.bundleOutOfDate, false);
  });

  it('every %key% of package.json is in package.nls.json', () => {
    assert.deepEqual(report.manifestKeysMissing, []);
  });

  for (const lang of LANGUAGES) {
    describe(lang, () => {
      it(`every message has a translation in l10n/bundle.l10n.${lang}.json`, () => {
        assert.deepEqual(report.languages[lang].missing, []);
        assert.deepEqual(report.languages[lang].empty, []);
      });

      it('each translation has the placeholders of its message', () => {
        assert.deepEqual(report.languages[lang].placeholders, []);
      });

      it(`every package.nls.json key is in package.nls.${lang}.json, with the same placeholders`, () => {
        assert.deepEqual(report.languages[lang].nlsMissing, []);
        assert.deepEqual(report.languages[lang].nlsMismatched, []);
        assert.deepEqual(report.languages[lang].nlsExtra, [], 'no keys package.nls.json does not have');
      });

      it(`the schema urls of package.nls.${lang}.json name the ${lang} schemas, which exist`, () => {
        const nls = JSON.parse(fs.readFileSync(path.join(root, `package.nls.${lang}.json`), 'utf8')) as Record<string, string>;
        assert.equal(nls['schema.eventInvokeConfig.url'], `./schemas/${lang}/event-invoke-config.schema.json`);
        assert.equal(nls['schema.eventSourceMapping.url'], `./schemas/${lang}/event-source-mapping.schema.json`);
        for (const key of ['schema.eventInvokeConfig.url', 'schema.eventSourceMapping.url']) {
          assert.ok(fs.existsSync(path.join(root, nls[key])), `${nls[key]} exists`);
        }
      });
    });
  }
});
