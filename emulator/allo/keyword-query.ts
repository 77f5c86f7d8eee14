const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * Allo's keyword search: terms are AND'd and prefix-matched ("bill" finds "billing"), case-insensitive.
 * Texts are lower-cased once by the store; a hit must start a word, so "illing" finds nothing.
 * Punctuation splits terms, so "INV-20431" looks for "inv" and "20431".
 */
export class KeywordQuery {
  readonly terms: readonly string[];

  constructor(search: string | undefined) {
    this.terms = (search ?? "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  get isEmpty(): boolean {
    return this.terms.length === 0;
  }

  /**
   * 0 when some term is missing; otherwise, with `countAll`, the number of hits (the relevance
   * score), else 1 as soon as every term is found.
   */
  score(texts: readonly string[], countAll: boolean): number {
    let score = 0;
    for (const term of this.terms) {
      let hits = 0;
      for (const text of texts) {
        hits += wordPrefixHits(text, term, countAll ? Infinity : 1);
        if (hits > 0 && !countAll) break;
      }
      if (hits === 0) return 0;
      score += hits;
    }
    return countAll ? score : 1;
  }
}

function wordPrefixHits(text: string, term: string, limit: number): number {
  let hits = 0;
  for (let at = text.indexOf(term); at !== -1 && hits < limit; at = text.indexOf(term, at + 1)) {
    if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) hits += 1;
  }
  return hits;
}
