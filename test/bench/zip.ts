/**
 * Sizes of a .vsix (a zip file) read from its central directory, and extraction of its
 * files, with no dependency. Handles the plain (non-ZIP64) format that vsce writes:
 * entries stored or deflated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
}

export interface ZipSizes {
  /** Size of the archive file on disk. */
  fileBytes: number;
  /** Sum of the uncompressed sizes of all entries (what the install unpacks). */
  unpackedBytes: number;
  /** Sum of the compressed sizes of all entries. */
  compressedBytes: number;
  entries: ZipEntry[];
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

export function readZipSizes(file: string): ZipSizes {
  return readCentralDirectory(file, fs.readFileSync(file));
}

function readCentralDirectory(file: string, buf: Buffer): ZipSizes {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new Error(`${file}: no zip end-of-central-directory record`);
  }
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    throw new Error(`${file}: ZIP64 archives are not supported`);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw new Error(`${file}: bad central directory entry ${n} at offset ${p}`);
    }
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return {
    fileBytes: buf.length,
    unpackedBytes: entries.reduce((s, e) => s + e.uncompressedSize, 0),
    compressedBytes: entries.reduce((s, e) => s + e.compressedSize, 0),
    entries,
  };
}

const LOCAL_SIGNATURE = 0x04034b50;

/** Extracts every file of the archive under `dest` (names are checked to stay inside it). */
export function extractZip(file: string, dest: string): ZipSizes {
  const buf = fs.readFileSync(file);
  const sizes = readCentralDirectory(file, buf);
  const root = path.resolve(dest);
  for (const e of sizes.entries) {
    const target = path.resolve(root, e.name);
    if (!target.startsWith(root + path.sep)) {
      throw new Error(`${file}: entry ${e.name} points outside the folder`);
    }
    if (e.name.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    const p = e.localHeaderOffset;
    if (buf.readUInt32LE(p) !== LOCAL_SIGNATURE) {
      throw new Error(`${file}: bad local header of ${e.name}`);
    }
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) {
      data = raw;
    } else if (e.method === 8) {
      data = zlib.inflateRawSync(raw);
    } else {
      throw new Error(`${file}: ${e.name} uses compression method ${e.method}`);
    }
    if (data.length !== e.uncompressedSize) {
      throw new Error(`${file}: ${e.name} unpacked to ${data.length} bytes, expected ${e.uncompressedSize}`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
  return sizes;
}
