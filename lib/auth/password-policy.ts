import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * NIST SP 800-63B-4 (§3.1.1.2): a password that is the only factor is at least 15 characters, may be long
 * (spaces and any character allowed), has no composition rules, and is checked against passwords known to
 * have leaked. The list is zxcvbn's: some 40,000 of the most common passwords from public breach corpora,
 * with their l33t, reversed and repeated forms, plus names and words any guesser tries first.
 */
export const passwordLength = { min: 15, max: 256 } as const;

export type PasswordVerdict = { ok: true } | { ok: false; message: string };

let checker: ZxcvbnFactory | undefined;
// Building the dictionaries takes a moment: once per process, on the first password set.
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  }));

/** Whether a new password may be used; `related` are the account's own words (email, name), which a guesser tries first. */
export function checkNewPassword(password: string, related: readonly string[] = []): PasswordVerdict {
  const length = [...password].length;
  if (length < passwordLength.min) {
    return { ok: false, message: `Use at least ${passwordLength.min} characters (yours has ${length}). A few unrelated words make a good one.` };
  }
  if (length > passwordLength.max) return { ok: false, message: `Use at most ${passwordLength.max} characters.` };
  const result = zxcvbn().check(password, ["redline", ...related.flatMap((word) => word.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length >= 3)]);
  const leaked = result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "passwords" && match.token.length >= length - 2);
  if (leaked) return { ok: false, message: "This password is on lists of leaked passwords that attackers try first. Choose another." };
  const ownWords = result.sequence.filter((match) => /[\p{L}\p{N}]/u.test(match.token));
  if (ownWords.length > 0 && ownWords.every((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs")) {
    return { ok: false, message: "This password is made of your own name and email, which a guesser tries first. Choose other words." };
  }
  // Score 3 is "safely unguessable": some 10^8 guesses or more, even for an attacker who knows the lists.
  if (result.score < 3) {
    const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, "")}. ` : "";
    return { ok: false, message: `This password is too easy to guess. ${why}Add another word or two.` };
  }
  return { ok: true };
}
