import { findUserByEmail } from "@/lib/db/queries/users";
import { summaryRevisions } from "@/lib/db/schema";
import { correctionReasonKeys as reasonKeys } from "@/lib/review/insights/correction-reasons";
import { openSeededDatabase } from "./seeded-database";

/** Saves per summary target, after its AI original. */
const SAVES_PER_TARGET = 5;

const summaryLines = [
  "The customer called about invoice INV-{n} and a refund of the second payment.",
  "- Agent confirmed the account and the billing address on file.",
  "- Customer said the refund was promised last week, \"by Friday\".",
  "- Agent opened a ticket, priority normal, and offered a callback.",
  "Next steps: finance reviews the refund; agent calls back within two days.",
  "Sentiment: frustrated at first, calmer by the end of the call.",
  "Follow-up owner: billing team, cc the account manager.",
  "=Internal note, flagged for quality review.",
];

function aiText(target: number): string {
  return summaryLines.map((line) => line.replace("{n}", String(target).padStart(6, "0"))).join("\n");
}

/** The save's text: the AI's, with one line rewritten and one added, growing with each save. */
function savedText(target: number, save: number): string {
  const lines = aiText(target).split("\n");
  lines[1 + (save % 6)] = `- Corrected by the reviewer (save ${save}): the customer asked for a refund, not a credit.`;
  lines.push(`Reviewer note ${save}.`);
  return lines.join("\n");
}

/**
 * An embedded database in `dataDir` with the demo accounts, every provider's first sync marked done, and
 * `saves` applied saves spread over summary targets that each have their AI original journalled.
 */
export async function journalDatabase(dataDir: string, saves: number): Promise<void> {
  const database = await openSeededDatabase(dataDir);
  const authors = await Promise.all(["reviewer@redline.test", "reviewer2@redline.test", "lead@redline.test"].map((email) => findUserByEmail(database.db, email)));
  const targets = Math.ceil(saves / SAVES_PER_TARGET);
  // A save a minute, ending an hour ago: all of it inside the weeks insights show by default.
  const start = Date.now() - targets * 60_000 - 3_600_000;
  let written = 0;
  for (let first = 0; first < targets; first += 200) {
    const rows: (typeof summaryRevisions.$inferInsert)[] = [];
    for (let target = first; target < Math.min(targets, first + 200); target += 1) {
      const provider = target % 4 === 0 ? "openphone" : "allo";
      const callId = `cll-${target.toString(36).padStart(8, "0")}`;
      const at = new Date(start + target * 60_000);
      rows.push({ provider, targetId: callId, callId, kind: "original", status: "observed", content: aiText(target), createdAt: at, completedAt: at });
      for (let save = 1; save <= SAVES_PER_TARGET && written < saves; save += 1, written += 1) {
        const savedAt = new Date(at.getTime() + save * 1000);
        rows.push({
          provider,
          targetId: callId,
          callId,
          kind: "edit",
          status: "applied",
          revision: save,
          authorId: authors[(target + save) % authors.length]!.id,
          baseContent: save === 1 ? aiText(target) : savedText(target, save - 1),
          baseRevision: save - 1,
          content: savedText(target, save),
          // What insights read of a save, as the save path measures it.
          reasons: [reasonKeys[(target + save) % reasonKeys.length]!],
          charsChanged: 80 + save,
          linesChanged: 2,
          reviewSeconds: 60 + ((target * 7 + save) % 300),
          createdAt: savedAt,
          completedAt: savedAt,
        });
      }
    }
    await database.db.insert(summaryRevisions).values(rows);
  }
  await database.close();
}

