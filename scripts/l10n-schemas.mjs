// Generates the translated JSON schemas of the config files:
//
//   schemas/<lang>/event-invoke-config.schema.json
//   schemas/<lang>/event-source-mapping.schema.json
//
// from the English schemas (schemas/*.schema.json, the source of truth) and one translation
// file per language, l10n/schemas.<lang>.json:
//
//   { "event-invoke-config": { "/properties/Qualifier/markdownDescription": "…", … },
//     "event-source-mapping": { … } }
//
// keyed by the JSON pointer (RFC 6901) of each text. Texts are the string values of the keys
// title, description, markdownDescription, patternErrorMessage, errorMessage,
// deprecationMessage, the items of enumDescriptions / markdownEnumDescriptions, and the
// label of defaultSnippets. Nothing else changes: a generated schema is the English one with
// its texts replaced. A `description` whose English text is its sibling
// `markdownDescription` without Markdown (no ` and no **) needs no entry of its own: it is
// made from the translated markdownDescription the same way.
//
// package.json points jsonValidation at "%schema.eventInvokeConfig.url%" and
// "%schema.eventSourceMapping.url%"; package.nls.<lang>.json maps them to these files.
//
//   node scripts/l10n-schemas.mjs            write schemas/<lang>/, report missing translations
//   node scripts/l10n-schemas.mjs --check    write nothing; exit 1 when a generated file is out of
//                                            date or a text has no translation
//   node scripts/l10n-schemas.mjs --todo ja  print the untranslated texts of ja (pointer → English)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LANGUAGES = ['ja', 'fr', 'de', 'ko'];
export const SCHEMAS = ['event-invoke-config', 'event-source-mapping'];
const TEXT_KEYS = new Set(['title', 'description', 'markdownDescription', 'patternErrorMessage', 'errorMessage', 'deprecationMessage']);
const TEXT_LIST_KEYS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);

const escapePointer = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Every translatable text of a schema: [pointer, text, parent object, key] (parent/key to replace it). */
export function texts(schema) {
  const found = [];
  const walk = (node, pointer) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    if (node === null || typeof node !== 'object') {
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const p = `${pointer}/${escapePointer(key)}`;
      if (typeof value === 'string' && TEXT_KEYS.has(key)) {
        found.push({ pointer: p, text: value, parent: node, key });
      } else if (TEXT_LIST_KEYS.has(key) && Array.isArray(value)) {
        value.forEach((item, i) => typeof item === 'string' && found.push({ pointer: `${p}/${i}`, text: item, parent: value, key: i }));
      } else if (key === 'defaultSnippets' && Array.isArray(value)) {
        // a snippet's label and description are texts; its body is inserted as is
        value.forEach((snippet, i) => {
          for (const k of ['label', 'description']) {
            if (typeof snippet?.[k] === 'string') {
              found.push({ pointer: `${p}/${i}/${k}`, text: snippet[k], parent: snippet, key: k });
            }
          }
        });
      } else if (typeof value === 'object' && key !== 'default' && key !== 'enum' && key !== 'const' && key !== 'examples') {
        walk(value, p);
      }
    }
  };
  walk(schema, '');
  return found;
}

/** Markdown of the schemas' texts made plain: `code` → code, **bold** → bold. */
export function plain(markdown) {
  return markdown.replace(/\*\*/g, '').replace(/`/g, '');
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The schema for `lang`, and the pointers that have no translation. */
export function translateSchema(name, lang) {
  const english = readJson(join(ROOT, 'schemas', `${name}.schema.json`));
  const file = join(ROOT, 'l10n', `schemas.${lang}.json`);
  const translations = (existsSync(file) ? readJson(file) : {})[name] ?? {};
  const schema = JSON.parse(JSON.stringify(english));
  const all = texts(schema);
  const byPointer = new Map(all.map((t) => [t.pointer, t]));
  const missing = [];
  for (const t of all) {
    let translated = translations[t.pointer];
    if (translated === undefined && t.key === 'description') {
      const sibling = byPointer.get(t.pointer.replace(/\/description$/, '/markdownDescription'));
      if (sibling && plain(sibling.text) === t.text && translations[sibling.pointer] !== undefined) {
        translated = plain(translations[sibling.pointer]);
      }
    }
    if (translated === undefined || translated.trim() === '') {
      missing.push({ pointer: t.pointer, text: t.text });
    } else {
      t.parent[t.key] = translated;
    }
  }
  const unknown = Object.keys(translations).filter((p) => !byPointer.has(p));
  return { schema, missing, unknown };
}

function main(argv) {
  const check = argv.includes('--check');
  const todo = argv.indexOf('--todo');
  if (todo >= 0) {
    const lang = argv[todo + 1];
    const out = {};
    for (const name of SCHEMAS) {
      const { missing } = translateSchema(name, lang);
      const english = readJson(join(ROOT, 'schemas', `${name}.schema.json`));
      const all = texts(english);
      // a description made from its markdownDescription needs no entry
      const needed = missing.filter((m) => {
        if (!m.pointer.endsWith('/description')) return true;
        const sibling = all.find((t) => t.pointer === m.pointer.replace(/\/description$/, '/markdownDescription'));
        return !(sibling && plain(sibling.text) === m.text);
      });
      out[name] = Object.fromEntries(needed.map((m) => [m.pointer, m.text]));
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  let ok = true;
  for (const lang of LANGUAGES) {
    for (const name of SCHEMAS) {
      const { schema, missing, unknown } = translateSchema(name, lang);
      const rel = `schemas/${lang}/${name}.schema.json`;
      const target = join(ROOT, rel);
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      if (missing.length > 0) {
        ok = false;
        console.log(`${rel}: ${missing.length} text(s) without a translation in l10n/schemas.${lang}.json (English kept):`);
        for (const m of missing) console.log(`  ${m.pointer}`);
      }
      for (const p of unknown) {
        console.log(`${rel}: warning: l10n/schemas.${lang}.json translates ${p}, which the English schema does not have`);
      }
      if (current !== text) {
        if (check) {
          ok = false;
          console.log(`${rel} is out of date: run \`node scripts/l10n-schemas.mjs\``);
        } else {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
          console.log(`${rel} written`);
        }
      }
    }
  }
  console.log(ok ? 'l10n-schemas: ok' : check ? 'l10n-schemas: FAILED' : 'l10n-schemas: translations incomplete (see above)');
  return check && !ok ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
