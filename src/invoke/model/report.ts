/**
 * The metrics of an invocation, read from its execution log: the `REPORT RequestId: …`
 * line of the text log format, or the `platform.report` record of the JSON log format.
 * Pure: no vscode import.
 */

export interface ReportMetrics {
  format: 'text' | 'json';
  requestId?: string;
  durationMs?: number;
  billedDurationMs?: number;
  memorySizeMb?: number;
  maxMemoryUsedMb?: number;
  /** Only on a cold start. */
  initDurationMs?: number;
  /** SnapStart restores. */
  restoreDurationMs?: number;
}

const TEXT_FIELDS: Record<string, keyof ReportMetrics> = {
  'Duration': 'durationMs',
  'Billed Duration': 'billedDurationMs',
  'Memory Size': 'memorySizeMb',
  'Max Memory Used': 'maxMemoryUsedMb',
  'Init Duration': 'initDurationMs',
  'Restore Duration': 'restoreDurationMs',
};

const FIELD_RE = /(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Max Memory Used|Memory Size|Duration): ([0-9]+(?:\.[0-9]+)?) (?:ms|MB)/g;

/** Parses one `REPORT RequestId: …` line of the text log format. */
export function parseReportLine(line: string): ReportMetrics | undefined {
  const m = /^REPORT RequestId: ([^\s]+)/.exec(line.trim());
  if (!m) {
    return undefined;
  }
  const out: ReportMetrics = { format: 'text', requestId: m[1] };
  for (const f of line.matchAll(FIELD_RE)) {
    const key = TEXT_FIELDS[f[1]];
    if (key) {
      (out as unknown as Record<string, number>)[key] = Number(f[2]);
    }
  }
  return out;
}

interface PlatformReport {
  type?: unknown;
  record?: {
    requestId?: unknown;
    metrics?: Record<string, unknown>;
  };
}

function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** Parses one line of the JSON log format when it is a `platform.report` record. */
export function parsePlatformReport(line: string): ReportMetrics | undefined {
  const s = line.trim();
  if (!s.startsWith('{') || !s.includes('platform.report')) {
    return undefined;
  }
  let rec: PlatformReport;
  try {
    rec = JSON.parse(s) as PlatformReport;
  } catch {
    return undefined;
  }
  if (rec.type !== 'platform.report' || typeof rec.record !== 'object' || rec.record === null) {
    return undefined;
  }
  const m = rec.record.metrics ?? {};
  const out: ReportMetrics = { format: 'json' };
  if (typeof rec.record.requestId === 'string') {
    out.requestId = rec.record.requestId;
  }
  const pairs: Array<[keyof ReportMetrics, unknown]> = [
    ['durationMs', m.durationMs],
    ['billedDurationMs', m.billedDurationMs],
    ['memorySizeMb', m.memorySizeMB],
    ['maxMemoryUsedMb', m.maxMemoryUsedMB],
    ['initDurationMs', m.initDurationMs],
    ['restoreDurationMs', m.restoreDurationMs],
  ];
  for (const [key, value] of pairs) {
    const n = num(value);
    if (n !== undefined) {
      (out as unknown as Record<string, number>)[key] = n;
    }
  }
  return out;
}

/** The metrics of the last REPORT line or `platform.report` record of a log, if any. */
export function parseReport(log: string | undefined): ReportMetrics | undefined {
  if (!log) {
    return undefined;
  }
  const lines = log.split(/\r\n|\r|\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const r = parseReportLine(lines[i]) ?? parsePlatformReport(lines[i]);
    if (r) {
      return r;
    }
  }
  return undefined;
}
