import { describe, expect, it } from "vitest";
import { editSize } from "@/lib/review/text/edit-size";

describe("how much a correction changed", () => {
  it("counts characters within a changed line, not the whole line", () => {
    expect(editSize("Refund of $129.00 to the card.", "Refund of $192.00 to the card.")).toEqual({ chars: 2, lines: 1 });
  });

  it("counts added and removed lines and their characters", () => {
    expect(editSize("a\nb\nc", "a\nc")).toEqual({ chars: 1, lines: 1 });
    expect(editSize("a\nc", "a\nb\nc")).toEqual({ chars: 1, lines: 1 });
    expect(editSize("", "## Summary\n\nAll good.")).toEqual({ chars: 21, lines: 3 });
  });

  it("is zero for the same text, and ignores line endings", () => {
    expect(editSize("same\ntext", "same\ntext")).toEqual({ chars: 0, lines: 0 });
    expect(editSize("same\r\ntext", "same\ntext")).toEqual({ chars: 0, lines: 0 });
  });

  it("adds up separate changes", () => {
    expect(editSize("one\ntwo\nthree\nfour", "one\nTwo\nthree\nfive")).toEqual({ chars: 1 + 3, lines: 2 });
  });
});
