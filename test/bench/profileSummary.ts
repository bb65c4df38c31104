/**
 * Reads a V8 CPU profile (.cpuprofile: the extension host's, from node:inspector, or the
 * page's, from the DevTools protocol) and says where the time went: by category, and the
 * functions with the most self time and the most inclusive time, per invocation. Frames of
 * a bundle that has a source map beside it (the development build) are mapped back to the
 * source file and line (node:module's SourceMap).
 */
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
  scriptId?: string;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Located {
  /** The function's name (the original one when the source map has it). */
  name: string;
  /** file:line, relative to the repository where it can be. */
  where: string;
  category: string;
}

export type Locate = (frame: CallFrame) => Located;

export interface FunctionTime {
  name: string;
  where: string;
  category: string;
  ms: number;
  perInvocationMs: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  invocations: number;
  sampledMs: number;
  busyMs: number;
  idleMs: number;
  busyPerInvocationMs: number;
  categories: Array<{ name: string; ms: number; perInvocationMs: number; share: number }>;
  topSelf: FunctionTime[];
  topInclusive: FunctionTime[];
}

const IDLE = '(idle)';
const ROOT = '(root)';

/** Each sample's duration (µs): the time to the next sample; the last one gets the mean. */
function sampleDurations(p: CpuProfile): number[] {
  const deltas = p.timeDeltas ?? [];
  const n = p.samples?.length ?? 0;
  const mean = n > 1 ? (p.endTime - p.startTime) / n : 0;
  return Array.from({ length: n }, (_, i) => (i + 1 < deltas.length ? Math.max(0, deltas[i + 1]) : mean));
}

/** Time (ms) the profiled thread was doing anything: every sample but (idle). */
export function busyMs(p: CpuProfile): number {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const durations = sampleDurations(p);
  let us = 0;
  (p.samples ?? []).forEach((id, i) => {
    const name = byId.get(id)?.callFrame.functionName;
    if (name !== IDLE && name !== ROOT) {
      us += durations[i];
    }
  });
  return us / 1000;
}

export function summarizeProfile(p: CpuProfile, invocations: number, locate: Locate, top = 25): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const located = new Map<number, Located & { key: string }>();
  const locateNode = (id: number) => {
    let l = located.get(id);
    if (!l) {
      const frame = byId.get(id)!.callFrame;
      const found = locate(frame);
      l = { ...found, key: `${found.name}@${found.where}` };
      located.set(id, l);
    }
    return l;
  };
  const durations = sampleDurations(p);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const categories = new Map<string, number>();
  const info = new Map<string, Located>();
  let sampledUs = 0;
  let idleUs = 0;
  (p.samples ?? []).forEach((id, i) => {
    const d = durations[i];
    sampledUs += d;
    const leaf = locateNode(id);
    if (leaf.name === IDLE || leaf.name === ROOT) {
      idleUs += d;
      return;
    }
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + d);
    categories.set(leaf.category, (categories.get(leaf.category) ?? 0) + d);
    info.set(leaf.key, leaf);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = locateNode(cur);
      if (l.name === ROOT || seen.has(l.key)) {
        continue;
      }
      seen.add(l.key);
      info.set(l.key, l);
      inclusive.set(l.key, (inclusive.get(l.key) ?? 0) + d);
    }
  });
  const busyUs = sampledUs - idleUs;
  const n = Math.max(1, invocations);
  const rows = (m: Map<string, number>): FunctionTime[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => {
        const l = info.get(key)!;
        return { name: l.name, where: l.where, category: l.category, ms: us / 1000, perInvocationMs: us / 1000 / n, share: busyUs > 0 ? us / busyUs : 0 };
      });
  return {
    invocations,
    sampledMs: sampledUs / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    busyPerInvocationMs: busyUs / 1000 / n,
    categories: [...categories.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, perInvocationMs: us / 1000 / n, share: busyUs > 0 ? us / busyUs : 0 })),
    topSelf: rows(self),
    topInclusive: rows(inclusive),
  };
}

function urlToPath(url: string): string {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return url;
    }
  }
  return url;
}

const SPECIAL: Record<string, string> = {
  '(idle)': 'idle',
  '(root)': 'idle',
  '(program)': 'V8/engine work outside JavaScript (program)',
  '(garbage collector)': 'garbage collection',
};

/** Where a source file belongs, for the categories. */
function categoryOfSource(rel: string): string {
  if (rel.includes('node_modules/@aws-sdk/') || rel.includes('node_modules/@smithy/')) {
    return 'AWS SDK (in the extension’s dist/aws.js)';
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (nm) {
    return `${nm[1]} (bundled)`;
  }
  const src = /^src\/([^/]+)(?:\/([^/]+))?/.exec(rel);
  if (src) {
    return `extension: src/${src[1]}${src[2] && !src[2].includes('.') ? `/${src[2]}` : ''}`;
  }
  return rel;
}

/**
 * Locates the extension host's frames: our bundles through their source maps (when there),
 * the benchmark's own code, VS Code's extension host, Node.js.
 */
export function hostLocator(extensionRoot: string, repoRoot: string): Locate {
  const dist = path.join(extensionRoot, 'dist') + path.sep;
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      maps.set(file, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null);
    }
    return maps.get(file) ?? null;
  };
  return (frame) => {
    const special = SPECIAL[frame.functionName];
    if (special && !frame.url) {
      return { name: frame.functionName, where: '', category: special };
    }
    const file = urlToPath(frame.url);
    const name = frame.functionName || '(anonymous)';
    if (!file) {
      return { name, where: '(native)', category: 'V8 built-ins and native code' };
    }
    if (file.startsWith(dist)) {
      const bundle = path.relative(extensionRoot, file);
      const map = mapOf(file);
      const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
      if (entry?.originalSource) {
        const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(file), entry.originalSource);
        const rel = path.relative(repoRoot, source).split(path.sep).join('/');
        return { name, where: `${rel}:${(entry.originalLine ?? 0) + 1}`, category: categoryOfSource(rel) };
      }
      return { name, where: `${bundle}:${frame.lineNumber + 1}`, category: `extension: ${bundle} (no source map)` };
    }
    if (file.includes(`${path.sep}out${path.sep}test${path.sep}bench${path.sep}`)) {
      return { name, where: path.relative(repoRoot, file), category: 'the benchmark (its loop and timing wrappers)' };
    }
    if (file.startsWith('node:')) {
      return { name, where: file, category: 'Node.js' };
    }
    const builtIn = /\/extensions\/([^/]+)\/(?:dist|out)\/(.*)$/.exec(file);
    if (builtIn) {
      return { name, where: `${builtIn[1]}/${builtIn[2]}:${frame.lineNumber + 1}`, category: `VS Code's built-in extension "${builtIn[1]}"` };
    }
    const vs = /\/out\/(vs\/.*)$/.exec(file);
    if (vs) {
      return { name, where: `${vs[1]}:${frame.lineNumber + 1}`, category: `VS Code: ${vs[1]}` };
    }
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    return { name, where: `${path.basename(file)}:${frame.lineNumber + 1}`, category: nm ? `${nm[1]} (not the extension’s)` : file };
  };
}

/** Locates the page's frames: VS Code's workbench (minified: the file is what can be told), the rest by URL. */
export function pageLocator(): Locate {
  return (frame) => {
    const special = SPECIAL[frame.functionName];
    if (special && !frame.url) {
      return { name: frame.functionName, where: '', category: special === SPECIAL['(program)'] ? 'browser work outside JavaScript: style, layout, paint (program)' : special };
    }
    const name = frame.functionName || '(anonymous)';
    if (!frame.url) {
      return { name, where: '(native)', category: 'V8 built-ins and native code' };
    }
    const vs = /\/out\/(vs\/[^?#]*)/.exec(frame.url);
    const file = vs ? vs[1] : frame.url.replace(/^https?:\/\/[^/]+/, '');
    return { name, where: `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`, category: vs ? `VS Code workbench: ${path.posix.basename(file)}` : file };
  };
}
