/**
 * The packaged extension (lambda-workbench.vsix, made by `npm run package`) holds exactly the
 * allowlisted files and stays small. A .vsix is a zip: its central directory is read here
 * with node:fs, and entries with node:zlib.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const VSIX = path.join(REPO_ROOT, 'lambda-workbench.vsix');
const MAX_BYTES = 1024 * 1024;

/** What may be in the .vsix (paths inside the zip). Mirrors .vscodeignore. */
const ALLOWED: ReadonlyArray<[RegExp, string]> = [
  [/^\[Content_Types\]\.xml$/, "vsce's [Content_Types].xml"],
  [/^extension\.vsixmanifest$/, "vsce's extension.vsixmanifest"],
  [/^extension\/package\.json$/, 'package.json'],
  [/^extension\/package\.nls(\.[A-Za-z-]+)?\.json$/, 'package.nls*.json'],
  [/^extension\/dist\/(?!testHooks\.js$)[^/]+\.js$/, 'dist/*.js but testHooks.js'],
  [/^extension\/schemas\/.+/, 'schemas/**'],
  [/^extension\/media\/.+/, 'media/**'],
  [/^extension\/l10n\/bundle\.l10n(\.[A-Za-z-]+)?\.json$/, 'l10n/bundle.l10n*.json'],
  // vsce stores them as readme.md and changelog.md
  [/^extension\/(readme|changelog)\.md$/i, 'README.md, CHANGELOG.md'],
  [/^extension\/LICENSE(\.txt)?$/, 'LICENSE'],
];

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Reads the entries listed in a zip's central directory. */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, `central directory entry ${n} has a bad signature`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed content of one entry (stored or deflated). */
export function readZipEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const local = entry.localHeaderOffset;
  assert.equal(zip.readUInt32LE(local), 0x04034b50, `${entry.name}: bad local header`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    return Buffer.from(data);
  }
  assert.equal(entry.method, 8, `${entry.name}: unsupported compression method ${entry.method}`);
  return zlib.inflateRawSync(data);
}

describe('Package (lambda-workbench.vsix)', () => {
  let zip: Buffer;
  let names: string[];

  before(function () {
    if (!fs.existsSync(VSIX)) {
      throw new Error(`${path.relative(REPO_ROOT, VSIX)} is missing: run \`npm run package\` first`);
    }
    zip = fs.readFileSync(VSIX);
    names = readZipEntries(zip).map((e) => e.name);
  });

  it('is smaller than 1 MB', () => {
    assert.ok(zip.length < MAX_BYTES, `the .vsix is ${(zip.length / 1024).toFixed(0)} KiB`);
  });

  it('holds only allowlisted files', () => {
    const unexpected = names.filter((name) => !ALLOWED.some(([re]) => re.test(name)));
    assert.deepEqual(unexpected, [], `not in the allowlist (${ALLOWED.map(([, what]) => what).join(', ')})`);
  });

  it('does not hold the test hooks (dist/testHooks.js: only the extension\'s own tests load them)', () => {
    assert.ok(!names.includes('extension/dist/testHooks.js'), 'dist/testHooks.js is packaged');
  });

  it('holds no sources, tests, dependencies or source maps', () => {
    const bad = names.filter((name) => /^extension\/(src|test|out|node_modules|scripts|docs|\.vscode|\.ci)\//.test(name) || name.endsWith('.map') || name.endsWith('.ts'));
    assert.deepEqual(bad, []);
  });

  it('holds the manifest, the bundles and the documents', () => {
    for (const required of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/dist/extension.js',
      'extension/dist/aws.js',
      'extension/dist/config.js',
      'extension/dist/invoke.js',
      'extension/dist/testEvents.js',
      'extension/dist/logs.js',
    ]) {
      assert.ok(names.includes(required), `${required} is missing`);
    }
    for (const doc of ['README.md', 'CHANGELOG.md']) {
      assert.ok(names.some((n) => n.toLowerCase() === `extension/${doc.toLowerCase()}`), `${doc} is missing`);
    }
    assert.ok(names.some((n) => /^extension\/LICENSE(\.txt)?$/.test(n)), 'LICENSE is missing');
  });

  it('packages the repository package.json, whose entry point is inside the package', () => {
    const entry = readZipEntries(zip).find((e) => e.name === 'extension/package.json');
    assert.ok(entry);
    const packaged = JSON.parse(readZipEntry(zip, entry).toString('utf8')) as { name: string; publisher: string; version: string; main: string };
    const source = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as typeof packaged;
    assert.equal(`${packaged.publisher}.${packaged.name}@${packaged.version}`, `${source.publisher}.${source.name}@${source.version}`);
    const main = path.posix.join('extension', path.posix.normalize(packaged.main));
    assert.ok(names.includes(main.endsWith('.js') ? main : `${main}.js`), `main ${packaged.main} is not in the package`);
  });

  it('ships bundles without source-map references or requires outside the package', () => {
    const bundle = readZipEntries(zip).find((e) => e.name === 'extension/dist/extension.js');
    assert.ok(bundle);
    const text = readZipEntry(zip, bundle).toString('utf8');
    assert.ok(!text.includes('sourceMappingURL='), 'dist/extension.js points to a source map that is not packaged');
    assert.ok(!/require\(["'](\.\.\/)+(src|out|node_modules)\//.test(text), 'dist/extension.js requires files outside the package');
  });
});
