import { boundedIndexes, contentWords, scanFacts } from "./fact-scan";

/**
 * Whether a summary carries a commitment of the call: one sentence holds every checkable detail of the
 * commitment other than names (its amount, date, id…); a commitment without such details needs a
 * sentence sharing at least half its content words, and two or more.
 */
export function coversCommitment(sentences: readonly string[], commitment: string, names: readonly string[]): boolean {
  const keys = scanFacts(commitment, names).filter((fact) => fact.kind !== "name");
  if (keys.length > 0) return sentences.some((sentence) => keys.every((fact) => boundedIndexes(sentence, fact.text).length > 0));
  const words = contentWords(commitment);
  const needed = Math.max(2, Math.ceil(words.size / 2));
  return sentences.some((sentence) => {
    let shared = 0;
    for (const word of contentWords(sentence)) if (words.has(word)) shared++;
    return shared >= needed;
  });
}
