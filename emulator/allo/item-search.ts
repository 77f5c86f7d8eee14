import type { KeywordQuery } from "./keyword-query";
import type { AlloStore, ItemRecord } from "./store";

export type ItemQuery = {
  type: "CALL" | "SMS" | "ALL";
  alloNumber?: string;
  contactNumber?: string;
  userId?: string;
  direction?: "INBOUND" | "OUTBOUND";
  result?: "ANSWERED" | "VOICEMAIL" | "TRANSFERRED";
  /** An item matches when it carries any of these tags. */
  tags?: readonly string[];
  keywords: KeywordQuery;
  /** Half-open: from ≤ date < to, in epoch milliseconds. */
  range?: { fromMs: number; toMs: number };
  sort: "DATE_DESC" | "DATE_ASC" | "RELEVANCE";
  page: number;
  size: number;
};

export type ItemPage = { records: readonly ItemRecord[]; total: number };

type Predicate = (record: ItemRecord) => boolean;

function predicatesOf(query: ItemQuery): Predicate[] {
  const predicates: Predicate[] = [];
  const { alloNumber, contactNumber, userId, direction, result, tags } = query;
  if (alloNumber !== undefined) predicates.push((record) => record.item.allo_number === alloNumber);
  if (contactNumber !== undefined) predicates.push((record) => record.item.contact_number === contactNumber);
  if (userId !== undefined) predicates.push((record) => record.user.id === userId);
  if (direction !== undefined) predicates.push((record) => record.item.direction === direction);
  if (result !== undefined) predicates.push((record) => record.type === "CALL" && record.item.result === result);
  if (tags !== undefined && tags.length > 0) predicates.push((record) => record.item.tags.some((tag) => tags.includes(tag)));
  return predicates;
}

/** First index whose date is before `ms`; `records` is sorted newest first. */
function firstOlderThan(records: readonly ItemRecord[], ms: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((records[middle] as ItemRecord).dateMs >= ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** One page of matching items, in the requested order, with the total across all pages. */
export function searchItems(store: AlloStore, query: ItemQuery): ItemPage {
  const base = query.type === "CALL" ? store.calls : query.type === "SMS" ? store.messages : store.all;
  // Date order makes a range two binary searches.
  const low = query.range ? firstOlderThan(base, query.range.toMs) : 0;
  const high = query.range ? firstOlderThan(base, query.range.fromMs) : base.length;
  const offset = (query.page - 1) * query.size;
  const predicates = predicatesOf(query);
  const ranked = query.sort === "RELEVANCE" && !query.keywords.isEmpty;

  if (predicates.length === 0 && query.keywords.isEmpty) {
    const total = Math.max(0, high - low);
    const records: ItemRecord[] = [];
    for (let i = offset; i < Math.min(total, offset + query.size); i++) {
      records.push(base[query.sort === "DATE_ASC" ? high - 1 - i : low + i] as ItemRecord);
    }
    return { records, total };
  }

  const matches: { record: ItemRecord; score: number }[] = [];
  for (let i = low; i < high; i++) {
    const record = base[i] as ItemRecord;
    if (!predicates.every((predicate) => predicate(record))) continue;
    const score = query.keywords.isEmpty ? 1 : query.keywords.score(store.searchTextOf(record), ranked);
    if (score > 0) matches.push({ record, score });
  }
  if (query.sort === "DATE_ASC") matches.reverse();
  // Stable sort: equal scores stay newest first.
  if (ranked) matches.sort((a, b) => b.score - a.score);
  return { records: matches.slice(offset, offset + query.size).map((match) => match.record), total: matches.length };
}
