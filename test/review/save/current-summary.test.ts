import { describe, expect, it } from "vitest";
import type { KnownText } from "@/lib/db/queries/revisions";
import { alloCapabilities } from "@/lib/providers/allo/capabilities";
import { openPhoneCapabilities } from "@/lib/providers/openphone/capabilities";
import { twilioCapabilities } from "@/lib/providers/twilio/capabilities";
import type { SummarySnapshot } from "@/lib/providers/types";
import { currentSummary } from "@/lib/review/save/current-summary";

const showing = (content: string | null): SummarySnapshot => ({ templateKey: null, content, version: null, updatedAt: null, updatedBy: null });

let nextId = 100;
/** Journal rows, given oldest first as one reads a history; `currentSummary` takes them newest first. */
function journal(...rows: Array<Pick<KnownText, "status" | "content" | "baseContent"> & Partial<KnownText>>): KnownText[] {
  return rows
    .map((row) => ({ id: nextId++, kind: "edit" as const, revision: null, providerVersion: null, ...row }))
    .reverse();
}

describe("the current text of a summary", () => {
  it("is the provider's own copy where writes apply at once", () => {
    const recent = journal({ status: "applied", content: "mine", baseContent: "ai" });
    expect(currentSummary(alloCapabilities, showing("theirs"), recent)).toEqual({ content: "theirs", accepted: [], shown: false });
  });

  it("is Redline's latest correction for a read-only provider", () => {
    const recent = journal({ status: "observed", content: "ai", baseContent: null }, { status: "applied", content: "fixed", baseContent: "ai" });
    expect(currentSummary(openPhoneCapabilities, showing("ai"), recent).content).toBe("fixed");
    expect(currentSummary(openPhoneCapabilities, showing("ai"), journal({ status: "observed", content: "ai", baseContent: null })).content).toBe("ai");
  });

  describe("for a provider that accepts now and applies later", () => {
    const chain = journal(
      { status: "observed", content: "O", baseContent: null },
      { status: "accepted", content: "A", baseContent: "O" },
      { status: "accepted", content: "B", baseContent: "A" },
      { status: "accepted", content: "C", baseContent: "B" },
    );

    it.each(["O", "A", "B"])("takes our chain's last text as current while the provider still shows %s", (shown) => {
      expect(currentSummary(twilioCapabilities, showing(shown), chain)).toMatchObject({ content: "C", shown: false });
      expect(currentSummary(twilioCapabilities, showing(shown), chain).accepted.map((row) => row.content)).toEqual(["A", "B", "C"]);
    });

    it("knows when the provider shows the chain's last text", () => {
      expect(currentSummary(twilioCapabilities, showing("C"), chain)).toMatchObject({ content: "C", shown: true });
    });

    it("takes a text from outside the chain as someone else's", () => {
      expect(currentSummary(twilioCapabilities, showing("X"), chain)).toEqual({ content: "X", accepted: [], shown: false });
    });

    it("starts a chain after the last applied text only", () => {
      const settled = journal(
        { status: "accepted", content: "A", baseContent: "O" },
        { status: "applied", content: "B", baseContent: "A" },
        { status: "accepted", content: "C", baseContent: "B" },
      );
      // "A" belonged to a chain that has settled since: seeing it again is someone else's doing.
      expect(currentSummary(twilioCapabilities, showing("A"), settled)).toMatchObject({ content: "A", accepted: [] });
      expect(currentSummary(twilioCapabilities, showing("B"), settled)).toMatchObject({ content: "C" });
    });
  });
});
