import type { CallItem } from "./fixture-schema";
import { fillTemplate } from "./fill-template";
import { Prng } from "./prng";
import { scenarios, type ScriptLine } from "./scenarios";
import { spoken } from "./spoken-formats";

export type TranscriptEntry = { source: "USER" | "EXTERNAL"; time: string; text: string };

/** Agent question, customer answer. Checks come early, while the agent verifies who is calling. */
const checks: readonly (readonly [string, string])[] = [
  ["Can I get the email address on the account?", "Sure, it's {email}."],
  ["Could you spell your last name for me?", "{customer_last_spelled}."],
  ["And what's the zip code for the service address?", "It's {zip}."],
  ["Is {phone_spoken} still the best number to reach you?", "Yes, that's the one."],
  ["Is there anyone else on the account I should keep in the loop?", "No, just me."],
];

/** Small talk once the request is known; it stretches long calls to their length. */
const asides: readonly (readonly [string, string])[] = [
  ["Do you mind if I put you on a short hold while I check something?", "Sure, go ahead."],
  ["Thanks for holding. Are you still there?", "Yes, still here."],
  ["Would you like me to add a note to your account about this?", "Yes, please."],
  ["Are you okay with updates by text message?", "Text is perfect."],
  ["Sorry, the line cut out for a second. Could you say that again?", "Sure. {recap}."],
  ["Just so I have it right, this was about {topic}?", "Exactly."],
  ["Have you contacted us about this before?", "No, this is the first time."],
  ["Is there a good time of day to reach you if we need to follow up?", "Mornings are best."],
];

const inboundGreetings = [
  "Thanks for calling {team}, this is {agent_first}. How can I help?",
  "{team}, {agent_first} speaking. What can I do for you today?",
  "Hi, you've reached {team}. My name is {agent_first}, how can I help?",
];
const customerIntroductions = ["Hi {agent_first}, this is {customer}.", "Hi, my name is {customer}.", "Hey, it's {customer}."];

function opening(rng: Prng, direction: CallItem["direction"]): ScriptLine[] {
  if (direction === "OUTBOUND") {
    return [
      ["USER", "Hi, is this {customer_first}? It's {agent_first} from {team}, returning your call."],
      ["EXTERNAL", "Yes, hi! Thanks for getting back to me."],
    ];
  }
  return [
    ["USER", rng.pick(inboundGreetings)],
    ["EXTERNAL", rng.pick(customerIntroductions)],
  ];
}

function closing(result: CallItem["result"], length: number): ScriptLine[] {
  const lines: ScriptLine[] =
    result === "TRANSFERRED"
      ? [
          ["USER", "I'm going to transfer you to {transfer_to}; they can take it from here."],
          ["EXTERNAL", "Okay, thank you."],
          ["USER", "Transferring you now, one moment."],
        ]
      : [
          ["USER", "Is there anything else I can help with today?"],
          ["EXTERNAL", "No, that's everything. Thanks, {agent_first}."],
          ["USER", "You're welcome. Have a great day!"],
        ];
  return length === 1 ? lines.slice(-1) : lines.slice(0, length);
}

function fillerLines(rng: Prng, source: readonly (readonly [string, string])[], pairs: number): ScriptLine[] {
  const lines: ScriptLine[] = [];
  let pool: (readonly [string, string])[] = [];
  for (let i = 0; i < pairs; i++) {
    // Draw without repeats until the pool runs dry, so long calls cycle through every line.
    if (pool.length === 0) pool = [...source];
    const [question, answer] = pool.splice(rng.int(0, pool.length - 1), 1)[0] as readonly [string, string];
    lines.push(["USER", question], ["EXTERNAL", answer]);
  }
  return lines;
}

/** The call's turns as templates, exactly `script.turns` of them. */
function scriptLines(call: CallItem, rng: Prng): ScriptLine[] {
  const { script, direction, result } = call;
  const scenario = scenarios[script.scenario];
  if (result === "VOICEMAIL") {
    return direction === "INBOUND"
      ? [
          ["USER", "You've reached {team}. We're away from our desks right now; please leave a message after the tone."],
          ["EXTERNAL", scenario.voicemail.inbound],
        ]
      : [
          ["EXTERNAL", "Hi, you've reached {customer_first}. Leave a message and I'll call you back."],
          ["USER", scenario.voicemail.outbound],
        ];
  }
  const [ask, answer] = scenario.brief(script.facts);
  if (script.turns === 2) return [["EXTERNAL", `Hi, it's {customer}. ${ask}`], ["USER", answer]];
  if (script.turns === 3) return [["EXTERNAL", `Hi, it's {customer}. ${ask}`], ["USER", answer], ...closing(result, 1)];

  const core = scenario.core(script.facts);
  const full = script.turns >= 2 + core.length + 2;
  const body: readonly ScriptLine[] = full ? core : [["EXTERNAL", ask], ["USER", answer]];
  const rest = script.turns - 2 - body.length;
  const closingLength = rest <= 3 ? rest : 2 + (rest % 2);
  const pairs = (rest - closingLength) / 2;
  const early = Math.min(checks.length, Math.ceil(pairs / 3));
  return [
    ...opening(rng, direction),
    ...fillerLines(rng, checks, early),
    ...body,
    ...fillerLines(rng, asides, pairs - early),
    ...closing(result, closingLength),
  ];
}

/**
 * Renders a call's transcript from its script. Deterministic: the script's seed drives every choice,
 * so the same call always reads the same, however often it is rendered.
 */
export function renderTranscript(call: CallItem): TranscriptEntry[] {
  const rng = new Prng(call.script.seed);
  const lines = scriptLines(call, rng);
  const start = Date.parse(call.date);
  const step = call.duration / lines.length;
  return lines.map(([source, template], index) => ({
    source,
    // Turns start at a jittered point within their share of the call, so times always increase.
    time: spoken.instant(new Date(start + Math.floor((index + rng.next() * 0.6) * step) * 1000)),
    text: fillTemplate(template, call.script.facts),
  }));
}

/** Only the words of the transcript, for keyword search: skips the timestamps, which cost the most. */
export function renderTranscriptText(call: CallItem): string {
  return scriptLines(call, new Prng(call.script.seed))
    .map(([, template]) => fillTemplate(template, call.script.facts))
    .join("\n");
}
