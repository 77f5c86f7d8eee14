import { parseArgs } from "node:util";
import { alloKeyFor } from "../emulator/allo/keys";
import { blandKeyFor } from "../emulator/bland/keys";
import { generateFixture } from "../emulator/data/generate";
import { openPhoneKeyFor } from "../emulator/openphone/keys";
import { providerIds, type ProviderId } from "../emulator/provider-id";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { twilioAuthorizationFor } from "../emulator/twilio/credentials";
import { medianOf } from "./benchmarks/median";

// `npm run bench [-- --only <name>]`: medians, and the ratios DESIGN §7's budgets are written in.

/** A named measurement; `run` returns the lines to print (`comparisonTable` makes the usual median/ratio table). */
type Benchmark = { name: string; description: string; run(): Promise<string[]> };

/** One row of a comparison: the median of a baseline and of the case measured against it. */
type Comparison = { label: string; baselineMs: number; subjectMs: number };

const SMALL = 1_000;
const LARGE = 100_000;
const callsHeadings = { baseline: `${SMALL.toLocaleString("en-US")} calls`, subject: `${LARGE.toLocaleString("en-US")} calls` };
const now = new Date("2026-05-12T15:00:00Z");

/** One list-page request per provider, at a random depth: a page is as cheap at the end as at the start. */
function listPageRequest(emulator: RunningEmulator, provider: ProviderId, calls: number): () => Promise<void> {
  const setup = emulator.setup().providers;
  const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)] as T;
  const get = async (path: string, init: RequestInit) => {
    const response = await fetch(`${emulator.url}${path}`, init);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  };
  switch (provider) {
    case "allo": {
      const pages = Math.floor(calls / 50);
      const headers = { Authorization: `Api-Key ${alloKeyFor("redline")}`, "Content-Type": "application/json" };
      return () => get("/v2/api/conversations/items/search", { method: "POST", headers, body: JSON.stringify({ size: 50, page: 1 + Math.floor(Math.random() * pages) }) });
    }
    case "openphone": {
      const conversations = setup.openphone!.phoneNumbers.flatMap((line) => line.participants.map((participant) => ({ line: line.id, participant })));
      const headers = { Authorization: openPhoneKeyFor("redline") };
      return () => {
        const { line, participant } = pick(conversations);
        return get(`/openphone/v1/calls?phoneNumberId=${line}&participants=${encodeURIComponent(participant)}&maxResults=5`, { headers });
      };
    }
    case "bland": {
      const headers = { authorization: blandKeyFor("redline") };
      return () => get(`/bland/v1/calls?limit=50&from=${Math.floor(Math.random() * (calls - 50))}`, { headers });
    }
    case "twilio": {
      const { storeId, profileIds } = setup.twilio!;
      const headers = { Authorization: twilioAuthorizationFor("redline") };
      return () => get(`/twilio/v1/Stores/${storeId}/Profiles/${pick(profileIds)}/ConversationSummaries?pageSize=5`, { headers });
    }
  }
}

async function listPageMedians(calls: number, requests: number): Promise<Record<ProviderId, number>> {
  const emulator = await startEmulator({ port: 0, calls, seed: 1, now, rateLimits: false });
  try {
    const medians = {} as Record<ProviderId, number>;
    for (const provider of providerIds) {
      const request = listPageRequest(emulator, provider, calls);
      for (let i = 0; i < 20; i++) await request();
      medians[provider] = await medianOf(requests, request);
    }
    return medians;
  } finally {
    await emulator.close();
  }
}

const benchmarks: Benchmark[] = [
  {
    name: "queue-page",
    description: "GET /queue through the built app as a reviewer, with 1,000 and 100,000 indexed calls: a page, a filter, searches (DESIGN §7: within 1.3×)",
    // Imported when run: it loads the app's database code, which the emulator benchmarks do not need.
    run: async () => (await import("./benchmarks/queue-page")).benchQueuePage(),
  },
  {
    name: "save-end-to-end",
    description:
      "a save through the built app, Ctrl+S to \"Saved\" in Chromium and the save action over HTTP, against the same Allo calls made directly (DESIGN §7: within 1.10× at 50 ms) and a no-op server action (within 3× with Allo answering at once)",
    run: async () => (await import("./benchmarks/save-end-to-end")).benchSaveEndToEnd(),
  },
  {
    name: "queue-under-hung-saves",
    description:
      "GET /queue through the built app on Postgres while 20 saves of one summary wait on a hung Allo write, against the same page idle (DESIGN §7: within 1.5×)",
    run: async () => (await import("./benchmarks/queue-under-hung-saves")).benchQueueUnderHungSaves(),
  },
  {
    name: "route-bundles",
    description:
      "the JavaScript Chromium receives for the queue and review routes as a reviewer, and for insights as a lead, with an empty cache, gzipped as sent, until the page is ready (the review route's editor included) (DESIGN §7: queue ≤ 180 KB, review ≤ 300 KB; insights ≤ 200 KB)",
    run: async () => (await import("./benchmarks/route-bundles")).benchRouteBundles(),
  },
  {
    name: "review-page",
    description:
      "the built review page in Chromium as a reviewer: a call opened until its editor takes typing vs /login loaded, cold and warm (within 2×); a ~3,000-turn transcript vs a 30-turn one, loaded and reached by a link (within 1.3×); typing in a ~100,000-character summary vs a bare textarea (within 2×) (DESIGN §7)",
    run: async () => (await import("./benchmarks/review-page")).benchReviewPage(),
  },
  {
    name: "export-csv",
    description:
      "the revisions CSV through the built app as a lead, with 1,000 and 100,000 saves journalled on the embedded database: rows, time per row (100k ÷ 1k) and the server's peak RSS growth during the download (budget 50 MB)",
    run: async () => (await import("./benchmarks/export-csv")).benchExportCsv(),
  },
  {
    name: "insights-page",
    description: "the insights page through the built app as a lead, at 100,000 journalled saves against 1,000, for its default view and each breakdown (within 1.3×)",
    run: async () => (await import("./benchmarks/insights-page")).benchInsightsPage(),
  },
  {
    name: "evidence-accuracy",
    description:
      "the evidence analyser against the emulator's truth: 1,000 calls per provider, 30% of summaries with known errors, read as the review page reads them; flag precision and recall (goal ≥ 0.9 each), missed commitments, sentence → turn links (goal top-1 ≥ 0.9)",
    run: async () => (await import("./benchmarks/evidence-accuracy")).benchEvidenceAccuracy(),
  },
  {
    name: "evidence-speed",
    description:
      "the evidence analyser on a 3,000-turn call and a ~100,000-character summary: index build, first analysis, re-analysis after a one-character edit, against a tokenising pass over the same text",
    run: async () => (await import("./benchmarks/evidence-speed")).benchEvidenceSpeed(),
  },
  {
    name: "emulator-generate",
    description: "generating the fixture document, per provider (median of 5 runs at 1,000 calls, 3 at 100,000)",
    async run() {
      const rows: Comparison[] = [];
      for (const provider of providerIds) {
        const baselineMs = await medianOf(5, () => generateFixture({ seed: 1, calls: SMALL, now, providers: [provider] }));
        const subjectMs = await medianOf(3, () => generateFixture({ seed: 1, calls: LARGE, now, providers: [provider] }));
        rows.push({ label: provider, baselineMs, subjectMs });
      }
      rows.push({ label: "all four", baselineMs: rows.reduce((sum, row) => sum + row.baselineMs, 0), subjectMs: rows.reduce((sum, row) => sum + row.subjectMs, 0) });
      return comparisonTable(callsHeadings, rows);
    },
  },
  {
    name: "emulator-list-page",
    description:
      "one list page over HTTP at a random depth, median of 300 requests (Allo and Bland 50 calls a page; Quo and Twilio 5, a conversation or profile at 1,000 calls holding about that many)",
    async run() {
      const small = await listPageMedians(SMALL, 300);
      const large = await listPageMedians(LARGE, 300);
      return comparisonTable(
        callsHeadings,
        providerIds.map((provider) => ({ label: provider, baselineMs: small[provider], subjectMs: large[provider] })),
      );
    },
  },
];

function format(ms: number): string {
  return ms >= 100 ? `${Math.round(ms).toLocaleString("en-US")} ms` : `${ms.toFixed(2)} ms`;
}

/** Medians side by side and their ratio (subject ÷ baseline). */
function comparisonTable(headings: { baseline: string; subject: string }, rows: readonly Comparison[]): string[] {
  const width = Math.max(10, ...rows.map((row) => row.label.length));
  return [
    `  ${"".padEnd(width)}  ${headings.baseline.padStart(16)}  ${headings.subject.padStart(16)}  ${"ratio".padStart(8)}`,
    ...rows.map((row) => {
      const ratio = `${(row.subjectMs / row.baselineMs).toFixed(2)}×`;
      return `  ${row.label.padEnd(width)}  ${format(row.baselineMs).padStart(16)}  ${format(row.subjectMs).padStart(16)}  ${ratio.padStart(8)}`;
    }),
  ];
}

const { values } = parseArgs({ options: { only: { type: "string", multiple: true } }, strict: true });
const selected = values.only ? benchmarks.filter((benchmark) => values.only?.includes(benchmark.name)) : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark named ${values.only?.join(", ")}. Benchmarks: ${benchmarks.map((benchmark) => benchmark.name).join(", ")}`);
  process.exit(1);
}
for (const benchmark of selected) {
  console.log(`\n${benchmark.name}: ${benchmark.description}`);
  for (const line of await benchmark.run()) console.log(line);
}
