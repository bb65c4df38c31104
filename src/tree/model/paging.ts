/**
 * The pages of one list in a view (functions of a region, mappings, versions...), and what
 * the view shows for it. Pure: no vscode, no SDK.
 */

export interface Page<T> {
  items: T[];
  /** Marker of the next page; undefined on the last page. */
  nextMarker?: string;
}

export type FetchPage<T> = (marker: string | undefined, signal: AbortSignal) => Promise<Page<T>>;

/**
 * The loaded pages of a list. Pages are appended in the order they arrive (each page sorted
 * by `compare`), so items already shown never move; an item seen twice is kept once.
 * Appending is O(page size); nothing is ever re-sorted or searched linearly.
 */
export class PagedSource<T> {
  private readonly index = new Map<string, number>();
  private readonly loaded: T[] = [];
  private marker: string | undefined;
  private pageCount = 0;
  private inFlight: Promise<void> | undefined;
  private lastFailure: { error: unknown } | undefined;

  constructor(
    private readonly fetchPage: FetchPage<T>,
    readonly keyOf: (item: T) => string,
    private readonly compare?: (a: T, b: T) => number,
  ) {}

  get items(): readonly T[] {
    return this.loaded;
  }

  get pages(): number {
    return this.pageCount;
  }

  /** At least one page has arrived. */
  get started(): boolean {
    return this.pageCount > 0;
  }

  /** The last page has arrived. */
  get complete(): boolean {
    return this.pageCount > 0 && this.marker === undefined;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /** The failure of the last fetch, until `clearFailure` or a fetch that succeeds. */
  get failure(): { error: unknown } | undefined {
    return this.lastFailure;
  }

  clearFailure(): void {
    this.lastFailure = undefined;
  }

  get(key: string): T | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.loaded[i];
  }

  /** Fetches the next page (the first when none has arrived); joins a fetch already under way. */
  loadNext(signal: AbortSignal): Promise<void> {
    if (this.complete) {
      return Promise.resolve();
    }
    this.inFlight ??= this.fetch(signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Fetches every remaining page; `onPage` is told the number of items loaded after each. */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number) => void): Promise<void> {
    while (!this.complete) {
      signal.throwIfAborted();
      await this.loadNext(signal);
      onPage?.(this.loaded.length);
    }
  }

  private async fetch(signal: AbortSignal): Promise<void> {
    try {
      const page = await this.fetchPage(this.marker, signal);
      signal.throwIfAborted();
      this.append(page);
      this.lastFailure = undefined;
    } catch (err) {
      if (!signal.aborted) {
        this.lastFailure = { error: err };
      }
      throw err;
    }
  }

  /** Appends a page; returns the items that were new. */
  append(page: Page<T>): T[] {
    const fresh: T[] = [];
    for (const item of page.items) {
      const key = this.keyOf(item);
      if (!this.index.has(key)) {
        this.index.set(key, -1);
        fresh.push(item);
      }
    }
    if (this.compare) {
      fresh.sort(this.compare);
    }
    for (const item of fresh) {
      this.index.set(this.keyOf(item), this.loaded.length);
      this.loaded.push(item);
    }
    const next = page.nextMarker || undefined;
    // A service that hands back the marker it was given would loop for ever: stop there.
    this.marker = next !== undefined && next === this.marker ? undefined : next;
    this.pageCount++;
    return fresh;
  }

  /** Replaces a loaded item (same key) in place; false when it is not loaded. */
  replace(item: T): boolean {
    const i = this.index.get(this.keyOf(item));
    if (i === undefined || i < 0) {
      return false;
    }
    this.loaded[i] = item;
    return true;
  }
}

/** What closes a list in the view, after its items. */
export type Tail =
  | { kind: 'loadMore'; loaded: number }
  | { kind: 'loading'; loaded: number }
  | { kind: 'error'; error: unknown }
  | { kind: 'empty'; filtered: boolean };

export interface ChildrenPlan<T> {
  items: readonly T[];
  tail?: Tail;
}

export interface PlanSource<T> {
  readonly items: readonly T[];
  readonly complete: boolean;
  readonly loading: boolean;
  readonly failure: { error: unknown } | undefined;
}

/**
 * The children of a list: its (matching) items, then at most one of
 * an error (the items loaded before it stay), "Loading…" (a page is under way, or a filter
 * is waiting for the rest of the list), "Load more…", or an empty placeholder.
 */
export function planChildren<T>(source: PlanSource<T>, match?: (item: T) => boolean): ChildrenPlan<T> {
  const items = match ? source.items.filter(match) : source.items;
  if (source.failure) {
    return { items, tail: { kind: 'error', error: source.failure.error } };
  }
  if (!source.complete) {
    return source.loading || match ? { items, tail: { kind: 'loading', loaded: source.items.length } } : { items, tail: { kind: 'loadMore', loaded: source.items.length } };
  }
  if (items.length === 0) {
    return { items, tail: { kind: 'empty', filtered: match !== undefined } };
  }
  return { items };
}
