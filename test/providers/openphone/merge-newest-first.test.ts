import { describe, expect, it } from "vitest";
import { mergeNewestFirst, type PageSource } from "@/lib/providers/openphone/merge-newest-first";

type Item = { id: string; t: number };
const order = { time: (item: Item) => item.t, id: (item: Item) => item.id };

/** A source serving the given pages; it records the tokens it was asked for. */
function source(pages: Item[][]): PageSource<Item> & { asked: (string | null)[] } {
  const asked: (string | null)[] = [];
  const fetch = async (token: string | null) => {
    asked.push(token);
    const index = token === null ? 0 : Number(token);
    return { items: pages[index] ?? [], nextToken: index + 1 < pages.length ? String(index + 1) : null };
  };
  return Object.assign(fetch, { asked });
}

const item = (id: string, t: number): Item => ({ id, t });

describe("mergeNewestFirst", () => {
  it("interleaves the sources newest first", async () => {
    const merge = mergeNewestFirst([source([[item("a", 9), item("b", 5)]]), source([[item("c", 7), item("d", 1)]])], order);

    expect((await merge.take(10)).map((i) => i.id)).toEqual(["a", "c", "b", "d"]);
    expect(merge.hasMore()).toBe(false);
  });

  it("fetches a source's next page only once its buffered items are used up", async () => {
    const slow = source([[item("a", 9)], [item("b", 3)]]);
    const fast = source([[item("c", 8), item("d", 7), item("e", 6)]]);
    const merge = mergeNewestFirst([slow, fast], order);

    expect((await merge.take(1)).map((i) => i.id)).toEqual(["a"]);
    expect(slow.asked).toEqual([null]);
    expect((await merge.take(1)).map((i) => i.id)).toEqual(["c"]);
    // The head of every source must be known before the next item can be chosen.
    expect(slow.asked).toEqual([null, "1"]);
    expect((await merge.take(5)).map((i) => i.id)).toEqual(["d", "e", "b"]);
  });

  it("sorts each page on arrival and breaks ties by id", async () => {
    const merge = mergeNewestFirst([source([[item("x", 1), item("b", 4), item("a", 4)]])], order);

    expect((await merge.take(3)).map((i) => i.id)).toEqual(["b", "a", "x"]);
  });

  it("keeps an item two sources both list once", async () => {
    const merge = mergeNewestFirst([source([[item("a", 5), item("b", 4)]]), source([[item("a", 5)]])], order);

    expect((await merge.take(10)).map((i) => i.id)).toEqual(["a", "b"]);
  });

  it("tells whether more may follow and how many are known", async () => {
    const merge = mergeNewestFirst([source([[item("a", 5), item("b", 4)], [item("c", 3)]])], order);

    await merge.take(1);

    expect(merge.hasMore()).toBe(true);
    expect(merge.buffered()).toBe(1);
  });

  it("skips empty pages that still carry a next token", async () => {
    const merge = mergeNewestFirst([source([[], [], [item("a", 1)]])], order);

    expect((await merge.take(2)).map((i) => i.id)).toEqual(["a"]);
  });

  it("takes nothing when a source fails, and carries on from the same place when asked again", async () => {
    const steady = source([[item("a", 9), item("b", 8)], [item("c", 2)]]);
    let failNext = false;
    const flaky = Object.assign(
      async (token: string | null) => {
        if (token !== null && failNext) {
          failNext = false;
          throw new Error("page failed");
        }
        return token === null ? { items: [item("x", 7)], nextToken: "1" } : { items: [item("y", 1)], nextToken: null };
      },
      { asked: [] as (string | null)[] },
    );
    const merge = mergeNewestFirst([steady, flaky], order);

    expect((await merge.take(1)).map((i) => i.id)).toEqual(["a"]);
    failNext = true;
    // "b" and "x" come out before the flaky source's second page is needed; the take fails there.
    await expect(merge.take(3)).rejects.toThrow("page failed");
    // "b" and "x" are back, beside the steady source's second page, fetched while the flaky one failed.
    expect(merge.buffered()).toBe(3);

    expect((await merge.take(3)).map((i) => i.id)).toEqual(["b", "x", "c"]);
    expect((await merge.take(3)).map((i) => i.id)).toEqual(["y"]);
    // The steady source's pages were each read once, the failure notwithstanding.
    expect(steady.asked).toEqual([null, "1"]);
  });

  it("has nothing without sources", async () => {
    const merge = mergeNewestFirst<Item>([], order);

    expect(await merge.take(3)).toEqual([]);
    expect(merge.hasMore()).toBe(false);
  });
});
