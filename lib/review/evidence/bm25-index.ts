/**
 * Okapi BM25 over a call's turns, written out rather than taken from a search library: it is forty lines,
 * scores one query against a few thousand short documents, and keeps no copy of the text.
 */
export class Bm25Index {
  private readonly postings = new Map<string, { docs: Int32Array; counts: Int32Array; idf: number }>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;
  private readonly scores: Float64Array;

  constructor(
    docs: readonly (readonly string[])[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    const lists = new Map<string, number[]>();
    this.lengths = Float64Array.from(docs, (terms) => terms.length);
    this.scores = new Float64Array(docs.length);
    let total = 0;
    docs.forEach((terms, doc) => {
      total += terms.length;
      for (const term of terms) {
        let list = lists.get(term);
        if (list === undefined) lists.set(term, (list = []));
        // Documents come in order, so a term repeated in one document extends its last entry.
        if (list.length >= 2 && list[list.length - 2] === doc) list[list.length - 1]!++;
        else list.push(doc, 1);
      }
    });
    this.averageLength = docs.length === 0 ? 1 : Math.max(1, total / docs.length);
    for (const [term, list] of lists) {
      const df = list.length / 2;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      const ids = new Int32Array(df);
      const counts = new Int32Array(df);
      for (let i = 0; i < df; i++) {
        ids[i] = list[2 * i]!;
        counts[i] = list[2 * i + 1]!;
      }
      this.postings.set(term, { docs: ids, counts, idf });
    }
  }

  /** Documents scored for `terms` plus `extra` (document → added score), best first, at most `limit`. */
  search(terms: readonly string[], extra: ReadonlyMap<number, number>, limit: number): { index: number; score: number }[] {
    const scores = this.scores;
    const touched: number[] = [];
    const add = (doc: number, value: number) => {
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = scores[doc]! + value;
    };
    for (const term of new Set(terms)) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      const { docs, counts, idf } = posting;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = counts[i]!;
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / this.averageLength);
        add(doc, (idf * tf * (this.k1 + 1)) / (tf + norm));
      }
    }
    for (const [doc, value] of extra) add(doc, value);
    // Keep only the best few as we go: a common term touches most of a long call.
    const best: { index: number; score: number }[] = [];
    for (const doc of touched) {
      const score = scores[doc]!;
      scores[doc] = 0;
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.index > doc))) at--;
      best.splice(at, 0, { index: doc, score });
      if (best.length > limit) best.pop();
    }
    return best;
  }
}
