import { stemmer } from "stemmer";

// The Porter stemmer of `stemmer` (wooorm's: ~3 kB, no dependencies, ESM, typed) folds "refunded",
// "refunds" and "refunding" into one term. A fuller NLP library (compromise, wink-nlp) would add
// 100–300 kB to the review page's worker for lemmas the alignment does not need.

/** Words too common in calls and summaries to say which turn a sentence comes from. */
const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below between both but by can could " +
    "did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in " +
    "into is it its itself just let me more most my myself no nor not now of off on once only or other our ours ourselves out over own " +
    "same she should so some such than that the their theirs them themselves then there these they this those through to too under until " +
    "up very was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "im ill ive id youre youll youve weve well were theyre thats whats its dont doesnt didnt cant wont isnt okay ok yes yeah sure um uh " +
    "oh hi hello thanks thank please got get go going customer agent caller call called"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const stems = new Map<string, string>();

/** The terms a text is matched by: lower-cased, apostrophes dropped, stop words out, stemmed. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['’]/g, "");
    if (STOP_WORDS.has(word)) continue;
    let stem = stems.get(word);
    if (stem === undefined) {
      stem = /^\p{N}+$/u.test(word) ? word : stemmer(word);
      // The memo is per word form; a call's vocabulary is a few thousand words.
      if (stems.size < 200_000) stems.set(word, stem);
    }
    terms.push(stem);
  }
  return terms;
}
