import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseRevisionExportQuery } from "@/lib/review/exports/revision-export-query";
import { editSize } from "@/lib/review/text/edit-size";
import { csvRow } from "@/lib/review/exports/csv-row";
import { revisionsCsv } from "@/lib/review/exports/revisions-csv";
import { seedExportJournal } from "../../support/export-journal";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

// The page reads, watched: how many the stream makes, and when.
vi.mock("@/lib/db/queries/exports", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/queries/exports")>();
  return { ...actual, revisionExportPage: vi.fn(actual.revisionExportPage) };
});
const { revisionExportPage } = await import("@/lib/db/queries/exports");
const pageReads = vi.mocked(revisionExportPage);

const drivers = await testDrivers();

const header = "revision_id,saved_at,reviewer_name,reviewer_email,provider,call_id,template,kind,status,reasons,characters_changed,lines_changed,ai_text,final_text\r\n";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** Records in a chunk of this journal's CSV: each starts a line with its id (no text here does). */
const records = (chunk: string) => chunk.match(/^\d+,/gm)?.length ?? 0;

function filtersOf(query: string) {
  const parsed = parseRevisionExportQuery(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.filters;
}

describe("CSV fields and change sizes", () => {
  it("quotes as RFC 4180 says and neutralises what a spreadsheet would run", () => {
    expect(csvRow(["plain", 12, null, ""])).toBe("plain,12,,\r\n");
    expect(csvRow(['a "quote"', "a,comma", "a\nline", "a\rreturn"])).toBe('"a ""quote""","a,comma","a\nline","a\rreturn"\r\n');
    expect(csvRow(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b"])).toBe("'=1+1,'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n");
  });

  it("counts a rewritten line once and the characters it changed, not the whole line", () => {
    expect(editSize("same", "same")).toEqual({ chars: 0, lines: 0 });
    expect(editSize("a\nline two\nc", "a\nline 2\nc")).toEqual({ chars: 3, lines: 1 });
    expect(editSize("a", "a\nadded")).toEqual({ chars: 5, lines: 1 });
    expect(editSize("one\ntwo\nthree", "three")).toEqual({ chars: 7, lines: 2 });
    expect(editSize("", "new text")).toEqual({ chars: 8, lines: 1 });
    // CRLF and LF lines are the same line; characters are code points.
    expect(editSize("a\r\nb\r\n", "a\nb\n")).toEqual({ chars: 0, lines: 0 });
    expect(editSize("emoji 😀", "emoji 😃")).toEqual({ chars: 1, lines: 1 });
  });

  it("refuses malformed filters", () => {
    for (const query of ["provider=nope", "from=2026-02-30", "from=yesterday", "status=done", "kind=typo", "from=2026-03-02&to=2026-03-01"]) {
      expect(parseRevisionExportQuery(new URLSearchParams(query))).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    }
    expect(filtersOf("provider=&reviewer=&from=&to=&template=")).toEqual({
      provider: undefined,
      authorId: undefined,
      from: undefined,
      before: undefined,
      templateKey: undefined,
      statuses: ["applied", "accepted"],
      kinds: undefined,
    });
    expect(filtersOf("status=conflict,failed&status=conflict&kind=edit").statuses).toEqual(["conflict", "failed"]);
  });
});

describe.each(drivers)("the revisions CSV (%s)", (driver) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedExportJournal>>;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    seeded = await seedExportJournal(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const rowC1 = () =>
    `${seeded.ids[2]},2026-03-01T10:00:02.000Z,Riley Reviewer,riley@redline.test,allo,c1,,edit,applied,,12,2,"Line one\nline two\nline three","Line one\nline 2\nline three\nline four"\r\n`;
  const rowC2 = () =>
    `${seeded.ids[4]},2026-03-02T23:59:59.000Z,"'@Mallory, ""M""",mallory@redline.test,twilio,c2,"tmpl,""q""",merge,accepted,,30,2,"'=HYPERLINK(""http://x"")","'- He said ""refund""\r\n- then left"\r\n`;
  const rowC3 = () => `${seeded.ids[6]},2026-03-04T12:00:01.000Z,Riley Reviewer,riley@redline.test,bland,c3,,restore,applied,,,,,plain\r\n`;

  it("writes the saves that landed, in journal order, byte for byte", async () => {
    expect(await text(revisionsCsv(database, filtersOf("")))).toBe(header + rowC1() + rowC2() + rowC3());
  });

  it("filters by provider, reviewer, dates, template, outcome and kind", async () => {
    const csv = async (query: string) => text(revisionsCsv(database, filtersOf(query)));
    expect(await csv("provider=allo")).toBe(header + rowC1());
    expect(await csv(`reviewer=${seeded.mallory.id}`)).toBe(header + rowC2());
    // Whole UTC days, both ends included.
    expect(await csv("from=2026-03-02&to=2026-03-02")).toBe(header + rowC2());
    expect(await csv("from=2026-03-02")).toBe(header + rowC2() + rowC3());
    expect(await csv("to=2026-03-01")).toBe(header + rowC1());
    expect(await csv(`template=${encodeURIComponent('tmpl,"q"')}`)).toBe(header + rowC2());
    expect(await csv("kind=restore&kind=merge")).toBe(header + rowC2() + rowC3());
    expect(await csv("status=conflict")).toBe(
      `${header}${seeded.ids[1]},2026-03-01T09:30:01.000Z,"'@Mallory, ""M""",mallory@redline.test,allo,c1,,edit,conflict,,28,3,"Line one\nline two\nline three",refused text\r\n`,
    );
    expect(await csv("provider=openphone")).toBe(header);
  });

  it("reads one page at a time, only as the reader takes them", async () => {
    pageReads.mockClear();
    const reader = revisionsCsv(database, filtersOf("status=applied,accepted,observed,conflict,failed"), { pageSize: 2 }).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe(header);
    expect(pageReads.mock.calls.length).toBeLessThanOrEqual(1);
    const first = decoder.decode((await reader.read()).value);
    expect(records(first)).toBe(2);
    // The page just read, and at most one read ahead of the reader.
    expect(pageReads.mock.calls.length).toBeLessThanOrEqual(2);
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(records(rest)).toBe(6);
    // Keyset pages: each starts after the last id of the one before; a short page ends the export.
    expect(pageReads.mock.calls.map((call) => [call[2], call[3]])).toEqual([
      [0, 2],
      [seeded.ids[1], 2],
      [seeded.ids[3], 2],
      [seeded.ids[5], 2],
      [seeded.ids[7], 2],
    ]);
  });

  it("stops reading pages once the reader cancels", async () => {
    pageReads.mockClear();
    const reader = revisionsCsv(database, filtersOf("status=applied,accepted,observed,conflict,failed"), { pageSize: 1 }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const readsAtCancel = pageReads.mock.calls.length;
    expect(readsAtCancel).toBeLessThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pageReads.mock.calls.length).toBe(readsAtCancel);
  });

  it("stops reading pages once the client goes away", async () => {
    pageReads.mockClear();
    const gone = new AbortController();
    const reader = revisionsCsv(database, filtersOf("status=applied,accepted,observed,conflict,failed"), { pageSize: 1, signal: gone.signal }).getReader();
    await reader.read();
    await reader.read();
    gone.abort();
    const readsAtAbort = pageReads.mock.calls.length;
    let chunks = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks += 1;
    // At most the page read ahead before the abort; no read after it.
    expect(chunks).toBeLessThanOrEqual(1);
    expect(pageReads.mock.calls.length).toBe(readsAtAbort);
  });
});
