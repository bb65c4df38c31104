import * as assert from 'node:assert/strict';
import { Page, PagedSource, planChildren } from '../../../src/tree/model/paging';

interface Item {
  name: string;
}

const byName = (a: Item, b: Item) => a.name.localeCompare(b.name);

/** A paged service over `total` items named fn-00001…, `size` a page. */
function service(total: number, size: number) {
  const calls: Array<string | undefined> = [];
  const all = Array.from({ length: total }, (_, i) => ({ name: `fn-${String(i + 1).padStart(5, '0')}` }));
  const fetch = async (marker: string | undefined): Promise<Page<Item>> => {
    calls.push(marker);
    const start = marker ? Number(marker) : 0;
    const end = Math.min(total, start + size);
    return { items: all.slice(start, end), nextMarker: end < total ? String(end) : undefined };
  };
  return { calls, fetch };
}

const signal = () => new AbortController().signal;

describe('tree/model/paging', () => {
  describe('PagedSource', () => {
    it('loads the first page, then appends pages until the marker ends', async () => {
      const s = service(120, 50);
      const src = new PagedSource<Item>(s.fetch, (i) => i.name, byName);
      assert.equal(src.started, false);
      await src.loadNext(signal());
      assert.equal(src.items.length, 50);
      assert.equal(src.complete, false);
      await src.loadNext(signal());
      await src.loadNext(signal());
      assert.equal(src.items.length, 120);
      assert.equal(src.complete, true);
      assert.deepEqual(s.calls, [undefined, '50', '100']);
      // nothing more to fetch
      await src.loadNext(signal());
      assert.equal(s.calls.length, 3);
    });

    it('keeps loaded items in place: each page is sorted, pages are appended', () => {
      const src = new PagedSource<Item>(async () => ({ items: [] }), (i) => i.name, byName);
      src.append({ items: [{ name: 'b' }, { name: 'a' }], nextMarker: 'm1' });
      src.append({ items: [{ name: 'aa' }, { name: 'c' }] });
      assert.deepEqual(src.items.map((i) => i.name), ['a', 'b', 'aa', 'c']);
    });

    it('keeps an item seen twice once', () => {
      const src = new PagedSource<Item>(async () => ({ items: [] }), (i) => i.name);
      src.append({ items: [{ name: 'a' }, { name: 'b' }], nextMarker: 'm' });
      const fresh = src.append({ items: [{ name: 'b' }, { name: 'c' }, { name: 'c' }] });
      assert.deepEqual(fresh.map((i) => i.name), ['c']);
      assert.deepEqual(src.items.map((i) => i.name), ['a', 'b', 'c']);
    });

    it('stops when the service hands back the marker it was given', () => {
      const src = new PagedSource<Item>(async () => ({ items: [] }), (i) => i.name);
      src.append({ items: [{ name: 'a' }], nextMarker: 'same' });
      src.append({ items: [{ name: 'b' }], nextMarker: 'same' });
      assert.equal(src.complete, true);
    });

    it('joins a fetch already under way instead of starting a second one', async () => {
      const s = service(100, 50);
      const src = new PagedSource<Item>(s.fetch, (i) => i.name);
      const sig = signal();
      await Promise.all([src.loadNext(sig), src.loadNext(sig), src.loadNext(sig)]);
      assert.deepEqual(s.calls, [undefined]);
      assert.equal(src.items.length, 50);
    });

    it('remembers a failure (items loaded before stay) until cleared; the next load resumes at the marker', async () => {
      let fail = false;
      const s = service(100, 50);
      const src = new PagedSource<Item>((m) => (fail ? Promise.reject(new Error('boom')) : s.fetch(m)), (i) => i.name);
      await src.loadNext(signal());
      fail = true;
      await assert.rejects(src.loadNext(signal()), /boom/);
      assert.equal((src.failure?.error as Error).message, 'boom');
      assert.equal(src.items.length, 50);
      assert.equal(src.loading, false);
      fail = false;
      src.clearFailure();
      await src.loadNext(signal());
      assert.equal(src.failure, undefined);
      assert.equal(src.items.length, 100);
      assert.deepEqual(s.calls, [undefined, '50']);
    });

    it('does not record an abort as a failure, and drops the page that arrives after it', async () => {
      const controller = new AbortController();
      const src = new PagedSource<Item>(async () => {
        controller.abort();
        return { items: [{ name: 'late' }] };
      }, (i) => i.name);
      await assert.rejects(src.loadNext(controller.signal));
      assert.equal(src.failure, undefined);
      assert.equal(src.items.length, 0);
      assert.equal(src.started, false);
    });

    it('loadAll fetches every page and reports progress', async () => {
      const s = service(230, 50);
      const src = new PagedSource<Item>(s.fetch, (i) => i.name);
      const progress: number[] = [];
      await src.loadAll(signal(), (n) => progress.push(n));
      assert.deepEqual(progress, [50, 100, 150, 200, 230]);
      assert.equal(src.complete, true);
    });

    it('replaces an item in place', () => {
      const src = new PagedSource<{ id: string; state: string }>(async () => ({ items: [] }), (i) => i.id);
      src.append({ items: [{ id: 'x', state: 'Enabled' }, { id: 'y', state: 'Enabled' }] });
      assert.equal(src.replace({ id: 'y', state: 'Disabled' }), true);
      assert.equal(src.replace({ id: 'z', state: 'Disabled' }), false);
      assert.deepEqual(src.items.map((i) => i.state), ['Enabled', 'Disabled']);
      assert.equal(src.get('y')?.state, 'Disabled');
    });

    it('pages through 5,000 items, one fetch a page, each item once', async () => {
      const s = service(5000, 50);
      const src = new PagedSource<Item>(s.fetch, (i) => i.name, byName);
      while (!src.complete) {
        await src.loadNext(signal());
        planChildren(src); // what the view asks after every page
      }
      assert.equal(src.items.length, 5000);
      assert.equal(new Set(src.items.map((i) => i.name)).size, 5000);
      assert.equal(s.calls.length, 100);
    });
  });

  describe('planChildren', () => {
    const base = { items: [{ name: 'a' }, { name: 'b' }], complete: true, loading: false, failure: undefined };

    it('a complete list: its items, nothing after', () => {
      assert.deepEqual(planChildren(base), { items: base.items });
    });

    it('more pages: "Load more…" with the count loaded', () => {
      assert.deepEqual(planChildren({ ...base, complete: false }).tail, { kind: 'loadMore', loaded: 2 });
    });

    it('a page under way: "Loading…" instead of "Load more…"', () => {
      assert.deepEqual(planChildren({ ...base, complete: false, loading: true }).tail, { kind: 'loading', loaded: 2 });
    });

    it('a failure: the items loaded so far, then the error', () => {
      const err = new Error('x');
      const plan = planChildren({ ...base, complete: false, failure: { error: err } });
      assert.equal(plan.items.length, 2);
      assert.deepEqual(plan.tail, { kind: 'error', error: err });
    });

    it('empty: a placeholder', () => {
      assert.deepEqual(planChildren({ ...base, items: [] }).tail, { kind: 'empty', filtered: false });
    });

    it('a filter: only matches; while pages remain, "Loading…" (the search goes on)', () => {
      const match = (i: { name: string }) => i.name === 'b';
      assert.deepEqual(planChildren(base, match), { items: [{ name: 'b' }] });
      assert.deepEqual(planChildren({ ...base, complete: false }, match).tail, { kind: 'loading', loaded: 2 });
      assert.deepEqual(planChildren(base, () => false).tail, { kind: 'empty', filtered: true });
    });
  });
});
