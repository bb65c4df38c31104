/**
 * Which function each payload file was last invoked on, so the next invocation of that
 * file offers the same target first. Keys are file URIs as strings. Serializable to plain
 * JSON (the extension keeps it in the workspace state). Pure: no vscode import.
 */
import { normalizeTarget, sameTarget, toLambdaTarget, type LambdaTarget } from '../../shared/lambdaTarget';
import { isInvocationType, type InvocationType } from './limits';

/** What a pairing remembers of a target: region, name and qualifier (not the ARN). */
export type PairedTarget = LambdaTarget;

export interface Pairing {
  /** The payload file's URI. */
  payload: string;
  target: PairedTarget;
  /** The invocation type last used, when not RequestResponse. */
  invocationType?: InvocationType;
  /** The TenantId last sent with this file (functions with tenant isolation). */
  tenantId?: string;
  /** Epoch milliseconds of the last use. */
  usedAt: number;
}

export interface SerializedPairings {
  version: 1;
  pairings: Pairing[];
}

/** Most pairings kept; the least recently used go first. */
export const MAX_PAIRINGS = 500;

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.length > 0 ? x : undefined;
}

/** A PairedTarget from untrusted data (workspace state written by another version), or undefined. */
export function toPairedTarget(x: unknown): PairedTarget | undefined {
  const target = toLambdaTarget(x);
  return target && normalizeTarget(target);
}

export class PairingStore {
  private readonly map = new Map<string, Pairing>();

  constructor(private readonly max = MAX_PAIRINGS) {}

  /** Rebuilds a store from serialized data; entries that do not fit the shape are dropped. */
  static fromJSON(data: unknown, max = MAX_PAIRINGS): PairingStore {
    const store = new PairingStore(max);
    const list = typeof data === 'object' && data !== null ? (data as { pairings?: unknown }).pairings : undefined;
    if (Array.isArray(list)) {
      for (const item of list) {
        if (typeof item !== 'object' || item === null) continue;
        const o = item as Record<string, unknown>;
        const payload = str(o.payload);
        const target = toPairedTarget(o.target);
        if (!payload || !target) continue;
        const usedAt = typeof o.usedAt === 'number' && Number.isFinite(o.usedAt) ? o.usedAt : 0;
        store.map.set(payload, {
          payload,
          target,
          usedAt,
          ...(isInvocationType(o.invocationType) && o.invocationType !== 'RequestResponse' ? { invocationType: o.invocationType } : {}),
          ...(typeof o.tenantId === 'string' && o.tenantId !== '' ? { tenantId: o.tenantId } : {}),
        });
      }
      store.trim();
    }
    return store;
  }

  toJSON(): SerializedPairings {
    return { version: 1, pairings: this.all() };
  }

  get size(): number {
    return this.map.size;
  }

  get(payload: string): Pairing | undefined {
    return this.map.get(payload);
  }

  /**
   * Remembers (or refreshes) the target of a payload file. The tenant id is kept while the
   * target stays the same and no other is given; another target forgets it.
   */
  set(payload: string, target: PairedTarget, now: number = Date.now(), invocationType?: InvocationType, tenantId?: string): Pairing {
    const clean = toPairedTarget(target);
    if (!clean) {
      throw new Error('A pairing needs a region and a function name.');
    }
    const previous = this.map.get(payload);
    const tenant = tenantId || (previous && sameTarget(previous.target, clean) ? previous.tenantId : undefined);
    const pairing: Pairing = {
      payload,
      target: clean,
      usedAt: now,
      ...(invocationType && invocationType !== 'RequestResponse' ? { invocationType } : {}),
      ...(tenant ? { tenantId: tenant } : {}),
    };
    this.map.delete(payload);
    this.map.set(payload, pairing);
    this.trim();
    return pairing;
  }

  delete(payload: string): boolean {
    return this.map.delete(payload);
  }

  /** Follows a renamed or moved file (and every file under a renamed folder). Returns how many moved. */
  rename(oldPayload: string, newPayload: string): number {
    let moved = 0;
    const folder = oldPayload.endsWith('/') ? oldPayload : `${oldPayload}/`;
    for (const p of [...this.map.values()]) {
      let to: string | undefined;
      if (p.payload === oldPayload) {
        to = newPayload;
      } else if (p.payload.startsWith(folder)) {
        to = `${newPayload.replace(/\/$/, '')}/${p.payload.slice(folder.length)}`;
      }
      if (to !== undefined) {
        this.map.delete(p.payload);
        this.map.set(to, { ...p, payload: to });
        moved++;
      }
    }
    return moved;
  }

  /** Every pairing, most recently used first. */
  all(): Pairing[] {
    return [...this.map.values()].sort((a, b) => b.usedAt - a.usedAt || a.payload.localeCompare(b.payload));
  }

  /** The payload files paired with a target, most recently used first. */
  payloadsFor(target: PairedTarget): string[] {
    return this.all()
      .filter((p) => sameTarget(p.target, target))
      .map((p) => p.payload);
  }

  private trim(): void {
    if (this.map.size <= this.max) return;
    const drop = this.all().slice(this.max);
    for (const p of drop) {
      this.map.delete(p.payload);
    }
  }
}
