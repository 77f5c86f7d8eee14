import { describe, expect, it } from "vitest";
import { createEvidenceIndex } from "@/lib/review/evidence/evidence-index";
import type { EvidenceTurn } from "@/lib/review/evidence/evidence-types";

// A billing dispute as the emulator renders one, with details said the way people say them.
const script: [EvidenceTurn["speaker"], string][] = [
  ["agent", "Thanks for calling Northwind Security, this is Alex. How can I help?"], // 0
  ["customer", "Hi, my name is Jane Kim."], // 1
  ["agent", "Could you spell your last name for me?"], // 2
  ["customer", "K-I-M."], // 3
  ["customer", "I'm calling about invoice INV-48213. I was charged twice for the same month, and it came out on February twenty-sixth."], // 4
  ["agent", "I'm sorry about that. Let me pull up INV-48213... Yes, I can see a charge of one ninety-two on the twenty-sixth."], // 5
  ["customer", "Right. I really shouldn't have been charged that."], // 6
  ["agent", "You're right, and I apologize. It looks like the payment retried after a bank timeout and both attempts went through."], // 7
  ["customer", "Okay, so what happens now?"], // 8
  ["agent", "I've issued a refund of one hundred ninety-two dollars to the card on file. It usually shows up within five to seven business days."], // 9
  ["customer", "Will I get that in writing?"], // 10
  ["agent", "Yes, I'm sending a confirmation to jane dot kim at example dot com within the hour."], // 11
  ["customer", "And the Pro plan is still forty-nine a month from next Tuesday?"], // 12
  ["agent", "That's right, fifteen percent off if you pay for the year. Is five five five, one two three, four five six seven still the best number?"], // 13
  ["customer", "Yes, that's the one. Great, that's all I needed."], // 14
];
const turns: EvidenceTurn[] = script.map(([speaker, text], index) => ({ index, speaker, text }));
// Tuesday, March 3, 2026.
const options = { callDate: "2026-03-03T15:04:11Z", names: ["Alex Rivera", "Jane Kim"] };

const summary = [
  "## Summary",
  "",
  "Jane Kim disputed a **$192.00** charge on invoice INV-48213 from February 26: she was charged twice for the same month.",
  "Alex Rivera found that the payment retried after a bank timeout and issued a refund of $192.00 to the card on file.",
  "",
  "## Commitments",
  "",
  "- Refund of $192.00 to the card on file within 5 to 7 business days.",
  "- Confirmation email to jane.kim@example.com within the hour.",
  "",
  "## Next steps",
  "",
  "- The Pro plan stays at $49 a month from Tuesday, March 10, with 15% off for annual billing.",
  "- Call Jane back at 555-123-4567 if the refund has not posted.",
  "",
].join("\n");

const analyze = (text: string, format: "markdown" | "plain" = "markdown") => createEvidenceIndex(turns, options).analyze(text, format);
const flagsOf = (text: string, format: "markdown" | "plain" = "markdown") =>
  analyze(text, format).flags.map(({ kind, text, reason, closest }) => ({ kind, text, reason, turn: closest?.turn ?? null, closest: closest?.text ?? null }));

describe("createEvidenceIndex", () => {
  it("links each sentence to the turn it comes from, best first", () => {
    const report = analyze(summary);
    expect(report.sentences.map((sentence) => sentence.text.slice(0, 20))).toEqual([
      "Jane Kim disputed a ",
      "Alex Rivera found th",
      "Refund of $192.00 to",
      "Confirmation email t",
      "The Pro plan stays a",
      "Call Jane back at 55",
    ]);
    // The second sentence tells two turns: the cause (7) and the refund (9).
    expect(report.links.map((link) => link.turns[0]?.index)).toEqual([4, 9, 9, 11, 12, 13]);
    expect(report.links[1]!.turns.slice(0, 2).map((turn) => turn.index).sort()).toEqual([7, 9]);
    for (const link of report.links) {
      expect(link.turns.length).toBeLessThanOrEqual(3);
      expect(link.turns.map((turn) => turn.score)).toEqual([...link.turns.map((turn) => turn.score)].sort((a, b) => b - a));
    }
  });

  it("does not flag a faithful summary that writes what the call says in words", () => {
    expect(analyze(summary).flags).toEqual([]);
    expect(flagsOf("Jane Kim was refunded twelve hundred thirty-four dollars and fifty cents.")).toEqual([
      expect.objectContaining({ kind: "money", reason: "contradicted" }),
    ]);
    const turnsSaying = (text: string) => createEvidenceIndex([{ index: 0, speaker: "agent", text }], options);
    expect(turnsSaying("That's twelve hundred thirty-four dollars and fifty cents.").analyze("A refund of $1,234.50.", "plain").flags).toEqual([]);
    expect(turnsSaying("Annual billing takes fifteen percent off.").analyze("15% off for annual billing.", "plain").flags).toEqual([]);
    expect(turnsSaying("It came out on the third.").analyze("It came out on March 3.", "plain").flags).toEqual([]);
    expect(turnsSaying("We'll see you next Tuesday.").analyze("Visit on Tuesday, March 10.", "plain").flags).toEqual([]);
    expect(turnsSaying("You're booked for Tuesday, March 10.").analyze("Visit next Tuesday.", "plain").flags).toEqual([]);
    expect(turnsSaying("The technician comes at two thirty in the afternoon.").analyze("The technician arrives at 2:30 PM.", "plain").flags).toEqual([]);
    expect(turnsSaying("Tier 2 will call you tomorrow.").analyze("Tier 2 calls back on March 4.", "plain").flags).toEqual([]);
  });

  it("flags a changed amount against the turn the sentence comes from", () => {
    const report = analyze(summary.replace("disputed a **$192.00**", "disputed a **$129.00**"));
    expect(report.flags).toEqual([
      expect.objectContaining({
        kind: "money",
        text: "$129.00",
        reason: "contradicted",
        sentence: 0,
        message: "$129.00 does not match the call: turn 6 says one ninety-two ($192.00)",
        closest: { turn: 5, text: "one ninety-two", start: turns[5]!.text.indexOf("one ninety-two"), end: turns[5]!.text.indexOf("one ninety-two") + 14 },
      }),
    ]);
    const flag = report.flags[0]!;
    expect(summary.replace("$192.00**", "$129.00**").slice(flag.start, flag.end)).toBe("$129.00");
  });

  it("flags a shifted date, a swapped name, a changed id, a wrong email and a wrong phone number", () => {
    expect(flagsOf(summary.replace("from February 26", "from February 25"))).toEqual([
      { kind: "date", text: "February 25", reason: "contradicted", turn: 4, closest: "February twenty-sixth" },
    ]);
    expect(flagsOf(summary.replace("Jane Kim disputed", "Maria Lopez disputed"))).toEqual([
      { kind: "name", text: "Maria Lopez", reason: "contradicted", turn: 1, closest: "Jane Kim" },
    ]);
    expect(flagsOf(summary.replace("invoice INV-48213", "invoice INV-48231"))).toEqual([
      { kind: "id", text: "INV-48231", reason: "contradicted", turn: 4, closest: "INV-48213" },
    ]);
    expect(flagsOf(summary.replace("jane.kim@", "jane.kimm@"))).toEqual([
      { kind: "email", text: "jane.kimm@example.com", reason: "contradicted", turn: 11, closest: "jane dot kim at example dot com" },
    ]);
    expect(flagsOf(summary.replace("555-123-4567", "555-123-4576"))).toEqual([
      expect.objectContaining({ kind: "phone", text: "555-123-4576", turn: 13 }),
    ]);
    expect(flagsOf(summary.replace("Tuesday, March 10", "Thursday, March 12"))).toEqual([
      expect.objectContaining({ kind: "date", text: "Thursday, March 12", reason: "contradicted", turn: 12, closest: "next Tuesday" }),
    ]);
  });

  it("flags a weekday that is not the date's", () => {
    expect(flagsOf(summary.replace("Tuesday, March 10", "Wednesday, March 10"))).toEqual([
      expect.objectContaining({ kind: "date", text: "Wednesday, March 10" }),
    ]);
  });

  it("flags an invented commitment's facts as absent", () => {
    const invented = `${summary}- Free replacement camera shipped by Friday, March 6 to order NW-552100.\n`;
    expect(flagsOf(invented).map(({ kind, text, reason }) => ({ kind, text, reason }))).toEqual([
      { kind: "date", text: "Friday, March 6", reason: "absent" },
      { kind: "id", text: "NW-552100", reason: "absent" },
    ]);
  });

  it("reports a dropped commitment as missed", () => {
    expect(analyze(summary).missed).toEqual([]);
    const dropped = summary.replace("- Confirmation email to jane.kim@example.com within the hour.\n", "");
    expect(analyze(dropped).missed).toEqual([
      { turn: 11, kind: "commitment", text: "Yes, I'm sending a confirmation to jane dot kim at example dot com within the hour.", start: 0, end: 83 },
    ]);
    const noRefund = summary
      .replace("disputed a **$192.00** charge", "disputed a charge")
      .replace(" and issued a refund of $192.00 to the card on file", "")
      .replace("- Refund of $192.00 to the card on file within 5 to 7 business days.\n", "");
    expect(analyze(noRefund).missed.map((item) => [item.turn, item.kind, item.text])).toEqual([
      [5, "price", "Yes, I can see a charge of one ninety-two on the twenty-sixth."],
      [9, "commitment", "I've issued a refund of one hundred ninety-two dollars to the card on file."],
      [9, "commitment", "It usually shows up within five to seven business days."],
    ]);
  });

  it("counts a commitment as carried only where the summary holds all its details", () => {
    // The refund is still told, but nothing says when it arrives.
    const noWhen = summary.replace("- Refund of $192.00 to the card on file within 5 to 7 business days.\n", "");
    expect(analyze(noWhen).missed.map((item) => [item.turn, item.text])).toEqual([[9, "It usually shows up within five to seven business days."]]);
    // Bare numbers count only where the sentence is about the same thing: "5 locations, 7 PM" is not "5 to 7 days".
    const unrelated = noWhen.replace("- Confirmation email", "- The Pro plan covers 5 locations.\n- Call after 7.\n- Confirmation email");
    expect(analyze(unrelated).missed.map((item) => item.turn)).toEqual([9]);
    const whole = noWhen.replace("- Confirmation email", "- It arrives within 5 to 7 business days.\n- Confirmation email");
    expect(analyze(whole).missed).toEqual([]);
  });

  it("lists what the agent promised or quoted, not what the customer told, and a promise said twice once", () => {
    const told: EvidenceTurn[] = [
      { index: 0, speaker: "customer", text: "My doorbell keeps going offline, since Saturday, February 28." },
      { index: 1, speaker: "agent", text: "I'm going to transfer you to a billing specialist; they can take it from here." },
      { index: 2, speaker: "agent", text: "I'll send a written recap to jane.kim@example.com after we hang up." },
      { index: 3, speaker: "agent", text: "I'll send a written recap to jane.kim@example.com after we hang up." },
    ];
    const index = createEvidenceIndex(told, options);
    expect(index.analyze("Jane's doorbell is offline since February 28.", "plain").missed.map((item) => [item.turn, item.kind])).toEqual([
      [1, "commitment"],
      [2, "commitment"],
    ]);
    // In other words: "transferred to billing" shares half the promise's terms.
    expect(index.analyze("Jane's doorbell is offline. She was transferred to billing.", "plain").missed.map((item) => item.turn)).toEqual([2]);
  });

  it("reads plain summaries the same way", () => {
    const plain =
      "Jane Kim disputed a $192.00 charge on invoice INV-48213. Promised: Refund of $192.00 within 5 to 7 business days. Confirmation email to jane.kim@example.com. Next: Pro plan at $49 a month.";
    expect(analyze(plain, "plain").flags).toEqual([]);
    expect(flagsOf(plain.replace("$49 a month", "$59 a month"), "plain")).toEqual([
      expect.objectContaining({ kind: "money", text: "$59", reason: "contradicted", turn: 12 }),
    ]);
  });

  it("re-analyses only changed sentences and returns what a fresh index returns", () => {
    const index = createEvidenceIndex(turns, options);
    index.analyze(summary, "markdown");
    const edits = [
      summary.replace("$192.00**", "$129.00**"),
      summary.replace("Alex Rivera found", "Alex Rivera quickly found"),
      summary.replace("- Call Jane back", "- Also call Jane back"),
      summary + "- Extra line about INV-99999.\n",
      summary.slice(0, 200),
    ];
    for (const edited of edits) {
      expect(index.analyze(edited, "markdown")).toEqual(createEvidenceIndex(turns, options).analyze(edited, "markdown"));
    }
  });

  it("reads a long call and a long summary, and an edit in its middle as a fresh index would", () => {
    // How fast is measured by `npm run bench` (evidence-speed), not here: this machine is shared.
    const long = Array.from({ length: 3000 }, (_, i) => ({ ...turns[i % turns.length]!, index: i }));
    const index = createEvidenceIndex(long, options);
    let text = "";
    while (text.length < 100_000) text += summary;
    const first = index.analyze(text, "markdown");
    expect(first.sentences.length).toBeGreaterThan(500);
    expect(first.links.every((link) => link.turns.length > 0)).toBe(true);
    const edited = text.slice(0, 50_000) + "x" + text.slice(50_000);
    expect(index.analyze(edited, "markdown")).toEqual(createEvidenceIndex(long, options).analyze(edited, "markdown"));
  });
});

describe("names and stamps", () => {
  const call: EvidenceTurn[] = [
    ["agent", "Thanks for calling Northwind Home, this is Sam. How can I help?"],
    ["customer", "Hi, it's Ingrid Ueda."],
    ["customer", "I want to cancel my Basic plan. We bought a self-monitored system."],
    ["agent", "I've cancelled it. Your account ACC-55048 stays active until Thursday, April 30."],
  ].map(([speaker, text], index) => ({ index, speaker: speaker as EvidenceTurn["speaker"], text: text! }));
  const flagged = (text: string, names: string[] = ["Sam Ortiz", "Ingrid Ueda"]) =>
    createEvidenceIndex(call, { callDate: "2026-04-20T15:00:00Z", names })
      .analyze(text, "markdown")
      .flags.map((flag) => flag.text);

  it("flags a full name whose given name the call never says, not one whose surname it does not", () => {
    expect(flagged("Kofi Ueda cancelled the Basic plan.")).toEqual(["Kofi Ueda"]);
    expect(flagged("Ingrid Ueda cancelled the Basic plan.")).toEqual([]);
    expect(flagged("Ingrid Halvorsen cancelled the Basic plan.", [])).toEqual([]);
  });

  it("flags the agent's name as the subject of what the customer said, and leaves the agent's own words alone", () => {
    expect(flagged("Sam Ortiz wanted to cancel the Basic plan after buying a self-monitored system.")).toEqual(["Sam Ortiz"]);
    expect(flagged("Ingrid Ueda wanted to cancel the Basic plan after buying a self-monitored system.")).toEqual([]);
    expect(flagged("Sam Ortiz cancelled account ACC-55048, active until Thursday, April 30.")).toEqual([]);
    // An account number both sides say pins the sentence to a turn without saying whose the sentence is.
    const sentence = "Ingrid Ueda: account ACC-55048 stays active until Thursday, April 30.";
    const bothSay = [...call, { index: 4, speaker: "customer" as const, text: "Thanks. So ACC-55048 is closed after that?" }];
    expect(createEvidenceIndex(bothSay, { callDate: "2026-04-20T15:00:00Z", names: ["Sam Ortiz", "Ingrid Ueda"] }).analyze(sentence, "markdown").flags).toEqual([]);
    // Both sides named: nothing to say who is swapped.
    expect(flagged("Sam Ortiz and Ingrid Ueda discussed cancelling the Basic plan after buying a self-monitored system.")).toEqual([]);
  });

  it("reads whose act a sentence tells from its verb: a customer asks, reports and owns the device; an agent issues and escalates", () => {
    expect(flagged("Sam Ortiz asked about cancelling the Basic plan.")).toEqual(["Sam Ortiz"]);
    expect(flagged("Sam Ortiz's hub keeps going offline.")).toEqual(["Sam Ortiz's"]);
    expect(flagged("Ingrid Ueda issued the cancellation of account ACC-55048.")).toEqual(["Ingrid Ueda"]);
    expect(flagged("Ingrid Ueda cancelled the Basic plan because they bought a self-monitored system.")).toEqual([]);
    expect(flagged("Sam Ortiz cancelled the Basic plan because they bought a self-monitored system.")).toEqual(["Sam Ortiz"]);
    // After a label, and in a clause after ";" where only the verb says whose act it is.
    expect(flagged("Latest (Thursday, April 30): Sam Ortiz wanted to cancel the Basic plan.")).toEqual(["Sam Ortiz"]);
    expect(flagged("Ingrid Ueda wanted to cancel the Basic plan; Ingrid Ueda issued the cancellation.")).toEqual(["Ingrid Ueda"]);
    expect(flagged("Ingrid Ueda wanted to cancel the Basic plan; Sam issued the cancellation.")).toEqual([]);
    // A first name the call never says, before what only a person does, is a name: "Kofi issued…".
    expect(flagged("Ingrid Ueda wanted to cancel the Basic plan; Kofi issued the cancellation.")).toEqual(["Kofi"]);
  });

  it("knows the agent's name from \"My name is…\" at a sentence's start", () => {
    const call: EvidenceTurn[] = [
      { index: 0, speaker: "agent", text: "Hi, you've reached Northwind Home. My name is Alex, how can I help?" },
      { index: 1, speaker: "customer", text: "Hi, my name is Jane Kim. I was charged twice this month." },
      { index: 2, speaker: "agent", text: "I've issued a refund of forty-nine dollars." },
    ];
    const index = createEvidenceIndex(call, { callDate: "2026-04-20T15:00:00Z", names: ["Alex Rivera", "Jane Kim"] });
    expect(index.analyze("Jane Kim issued a refund of $49.", "plain").flags.map((flag) => [flag.text, flag.message])).toEqual([
      ["Jane Kim", "Jane Kim does not match the call: turn 1 says Alex"],
    ]);
  });

  it("takes no organisation, ampersand firm or Wi-Fi for a person", () => {
    expect(flagged("Ingrid Ueda asked about plans for Redfern Architects and Harbor & Pine Realty.")).toEqual([]);
    expect(flagged("Ingrid Ueda's hub won't connect to Wi-Fi.")).toEqual([]);
  });

  it("reads recording stamps as no facts", () => {
    expect(flagged("## Call log\n\n- 00:00:02 Agent: Thanks for calling Northwind Home, this is Sam.\n- 00:01:15 Customer: Hi, it's Ingrid Ueda.")).toEqual([]);
    expect(flagged("Call back at 10:30 about account ACC-55048.")).toEqual(["10:30"]);
  });
});
