/** One page of one source, and the token of the next page (null at the end). */
export type SourcePage<T> = { items: T[]; nextToken: string | null };
export type PageSource<T> = (pageToken: string | null) => Promise<SourcePage<T>>;

export type MergeOrder<T> = {
  /** Milliseconds since the epoch: newer first. */
  time(item: T): number;
  /** Ties are broken by id, and an item met twice (listed by two sources) is kept once. */
  id(item: T): string;
};

export type NewestFirstMerge<T> = {
  /**
   * Up to `count` items, newest first, continuing where the previous `take` stopped. Fewer means the end.
   * When a source fails, the take fails as a whole and leaves the merge where it was.
   */
  take(count: number): Promise<T[]>;
  /** Whether an item may follow; decided from what is already fetched, so it can be true before an empty last page. */
  hasMore(): boolean;
  /** Items fetched but not yet taken: a lower bound of what is left. */
  buffered(): number;
};

type Stream<T> = { fetch: PageSource<T>; buffer: T[]; nextToken: string | null; started: boolean };

/**
 * Merges paged sources that each list newest first into one newest-first list, fetching a source's next
 * page only when its buffered items are used up. Each page is sorted on arrival, so only the order across
 * a source's pages is taken on trust.
 */
export function mergeNewestFirst<T>(sources: readonly PageSource<T>[], order: MergeOrder<T>): NewestFirstMerge<T> {
  const streams: Stream<T>[] = sources.map((fetch) => ({ fetch, buffer: [], nextToken: null, started: false }));
  const taken = new Set<string>();
  const newerFirst = (a: T, b: T) => order.time(b) - order.time(a) || (order.id(a) < order.id(b) ? 1 : order.id(a) > order.id(b) ? -1 : 0);

  const canFetch = (stream: Stream<T>) => !stream.started || stream.nextToken !== null;

  async function fill(stream: Stream<T>): Promise<void> {
    while (stream.buffer.length === 0 && canFetch(stream)) {
      const page = await stream.fetch(stream.started ? stream.nextToken : null);
      stream.started = true;
      stream.nextToken = page.nextToken || null;
      stream.buffer = [...page.items].sort(newerFirst);
    }
  }

  /** The stream whose head is the newest item not yet taken, or null when every source is spent. */
  async function newestStream(): Promise<Stream<T> | null> {
    for (;;) {
      // Sources are fetched together; one that still has items buffered costs nothing.
      await Promise.all(streams.map(fill));
      let best: Stream<T> | null = null;
      for (const stream of streams) {
        const head = stream.buffer[0];
        if (head !== undefined && (best === null || newerFirst(head, best.buffer[0] as T) < 0)) best = stream;
      }
      if (best === null) return null;
      const head = best.buffer[0] as T;
      if (!taken.has(order.id(head))) return best;
      best.buffer.shift();
    }
  }

  return {
    async take(count) {
      const took: { stream: Stream<T>; item: T }[] = [];
      try {
        while (took.length < count) {
          const stream = await newestStream();
          if (stream === null) break;
          const item = stream.buffer.shift() as T;
          taken.add(order.id(item));
          took.push({ stream, item });
        }
      } catch (error) {
        // A take that fails takes nothing: its items go back where they were, so the merge can be asked
        // again from the same place. The pages already fetched stay buffered and are not fetched again.
        for (const { stream, item } of took.reverse()) {
          stream.buffer.unshift(item);
          taken.delete(order.id(item));
        }
        throw error;
      }
      return took.map(({ item }) => item);
    },
    hasMore() {
      return streams.some((stream) => canFetch(stream) || stream.buffer.some((item) => !taken.has(order.id(item))));
    },
    buffered() {
      return streams.reduce((sum, stream) => sum + stream.buffer.filter((item) => !taken.has(order.id(item))).length, 0);
    },
  };
}
