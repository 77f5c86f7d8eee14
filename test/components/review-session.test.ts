import { describe, expect, it } from "vitest";
import { openMerge, reviewSession, startSession, type ReviewEvent, type ReviewSession, type SaveRequest } from "@/components/review/review-session";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";

const meta = (revision: number, version: number | null = null): SummaryMeta => ({
  revision,
  version,
  updatedAt: null,
  providerUpdatedBy: null,
  savedBy: "Riley Reviewer",
  savedAt: "2026-11-20T12:00:00.000Z",
  templateKey: null,
  outsideWrites: null,
  changedOutside: false,
});

const opened = () => startSession({ content: "AI text", meta: null, templateKey: null, awaitingJournalId: null });
const play = (session: ReviewSession, ...events: ReviewEvent[]) => events.reduce(reviewSession, session);
const edit = (content: string, overrides: Partial<SaveRequest> = {}): SaveRequest => ({ content, baseContent: "AI text", intent: "edit", templateKey: null, ...overrides });

describe("a reviewer's session with a summary", () => {
  it("goes from editing to saving to saved, with the new base, revision and what the status line says", () => {
    const request = edit("Corrected");
    const saving = play(opened(), { type: "typed", text: "Corrected" }, { type: "save-started", request });
    expect(saving).toMatchObject({ phase: { name: "saving" }, announcement: "Saving…" });
    const saved = reviewSession(saving, {
      type: "save-finished",
      request,
      providerName: "Allo",
      result: { ok: true, journalId: 7, content: "Corrected", meta: meta(1, 4), outcome: "applied" },
    });
    expect(saved).toMatchObject({ draft: "Corrected", base: { content: "Corrected", revision: 1 }, phase: { name: "editing" }, announcement: "Saved. Revision 1, Allo version 4." });
  });

  it("keeps a conflict as one phase: the dialog can be closed and reopened, and the reviewer's text never moves", () => {
    const request = edit("Mine");
    const conflict = play(opened(), { type: "typed", text: "Mine" }, { type: "save-started", request }, {
      type: "save-finished",
      request,
      providerName: "Allo",
      result: {
        ok: false,
        error: {
          code: "conflict",
          journalId: 3,
          message: "changed",
          conflict: { baseContent: "AI text", currentContent: "Theirs", changedBy: { name: "Alex Kim", via: "provider" }, changedAt: null, version: 5 },
        },
      },
    });
    expect(conflict.draft).toBe("Mine");
    expect(openMerge(conflict.phase)).toMatchObject({ base: "AI text", theirs: "Theirs", purpose: "save" });
    const closed = reviewSession(conflict, { type: "conflict-dialog", open: false });
    expect(openMerge(closed.phase)).toBeNull();
    expect(closed.phase).toMatchObject({ name: "conflict", dialogOpen: false });
    expect(openMerge(reviewSession(closed, { type: "conflict-dialog", open: true }).phase)).toMatchObject({ theirs: "Theirs" });
  });

  it("shows what a merge, restore or overwrite saved, not the text that was being typed", () => {
    const request = edit("Merged text", { baseContent: "Theirs", intent: "merge" });
    const saved = play(opened(), { type: "typed", text: "Mine" }, { type: "save-started", request }, {
      type: "save-finished",
      request,
      providerName: "Allo",
      result: { ok: true, journalId: 9, content: "Merged text", meta: meta(2), outcome: "applied" },
    });
    expect(saved).toMatchObject({ draft: "Merged text", base: { content: "Merged text", revision: 2 } });
  });

  it("waits for an accepted write, and takes the provider's confirmation as the new metadata", () => {
    const request = edit("Corrected");
    const accepted = play(opened(), { type: "save-started", request }, {
      type: "save-finished",
      request,
      providerName: "Twilio Memory",
      result: { ok: true, journalId: 11, content: "Corrected", meta: meta(1), outcome: "accepted" },
    });
    expect(accepted).toMatchObject({ phase: { name: "awaiting", journalId: 11, attempt: 0 }, announcement: "Accepted — waiting for Twilio Memory to apply it." });
    expect(reviewSession(accepted, { type: "confirm-again" }).phase).toMatchObject({ attempt: 1 });
    const applied = reviewSession(accepted, { type: "confirmed", meta: meta(1, null), providerName: "Twilio Memory" });
    expect(applied).toMatchObject({ phase: { name: "editing" }, announcement: "Applied: Twilio Memory now shows your text." });
  });

  it("asks for a template and forgets the question when dismissed; a failure keeps the request to try again", () => {
    const request = edit("Corrected");
    const asking = play(opened(), { type: "save-started", request }, {
      type: "save-finished",
      request,
      providerName: "Allo",
      result: { ok: false, error: { code: "template_required", journalId: 2, message: "choose", templates: [{ key: "MARKDOWN_CLASSIC", label: "Classic" }] } },
    });
    expect(asking.phase).toMatchObject({ name: "choosing-template", request });
    expect(reviewSession(asking, { type: "template-dismissed" }).phase).toEqual({ name: "editing" });
    const failed = reviewSession(asking, { type: "failed", request, error: { code: "busy", journalId: 2, message: "busy" } });
    expect(failed.phase).toMatchObject({ name: "failed", request, error: { code: "busy" } });
  });

  it("approving says so and changes no text; an approval that met a change is a failure to read, not a merge", () => {
    const request = edit("AI text", { intent: "approve" });
    const approving = reviewSession(opened(), { type: "save-started", request });
    expect(approving.announcement).toBe("Approving…");
    const approved = reviewSession(approving, { type: "save-finished", request, providerName: "Allo", result: { ok: true, journalId: 4, content: "AI text", meta: meta(0), outcome: "approved" } });
    expect(approved).toMatchObject({ draft: "AI text", base: { content: "AI text", revision: 0 }, announcement: "Approved unchanged." });
    const refused = reviewSession(approving, {
      type: "save-finished",
      request,
      providerName: "Allo",
      result: { ok: false, error: { code: "conflict", journalId: 5, message: "Someone changed this summary", conflict: { baseContent: "AI text", currentContent: "Theirs", changedBy: null, changedAt: null, version: null } } },
    });
    expect(refused.phase).toMatchObject({ name: "failed", error: { code: "conflict" } });
    expect(openMerge(refused.phase)).toBeNull();
  });

  it("folds a change made meanwhile into the draft, making their text the new base", () => {
    const merged = play(opened(), { type: "typed", text: "Mine" }, { type: "merged-into-draft", text: "Mine and theirs", theirs: "Theirs", clean: true });
    expect(merged).toMatchObject({ draft: "Mine and theirs", base: { content: "Theirs", revision: 0 }, announcement: "Their changes are merged into your draft. Nothing is saved yet." });
  });

  it("restores a kept draft with the base it was written against", () => {
    const restored = reviewSession(opened(), { type: "draft-restored", draft: { content: "Old draft", baseContent: "Older text", baseRevision: 2, savedAt: "2026-11-20T11:00:00Z" } });
    expect(restored).toMatchObject({ draft: "Old draft", base: { content: "Older text", revision: 2 } });
  });
});
