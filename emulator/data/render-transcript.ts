import { fillTemplate } from "./fill-template";
import { Prng } from "./prng";
import { scenarios, type ScriptLine } from "./scenarios";
import type { TranscriptRecipe, TranscriptSource } from "./transcript-source";

/** A turn in provider-neutral terms; each provider's API maps it to its own shape. Times in seconds. */
export type Turn = { speaker: "agent" | "customer"; start: number; end: number; text: string };

/** What rendering needs to know of the call besides its recipe. */
export type CallShape = {
  direction: "inbound" | "outbound";
  outcome: "answered" | "voicemail" | "transferred";
  durationSec: number;
};

/** Agent question, customer answer. Checks come early, while the agent verifies who is calling. */
const checks: readonly (readonly [string, string])[] = [
  ["Can I get the email address on the account?", "Sure, it's {email}."],
  ["Could you spell your last name for me?", "{customer_last_spelled}."],
  ["And what's the zip code for the service address?", "It's {zip}."],
  ["Is {phone_spoken} still the best number to reach you?", "Yes, that's the one."],
  ["Is there anyone else on the account I should keep in the loop?", "No, just me."],
];

/** The one aside that promises something: a summary written from the scenario never carries it. */
export const RECAP_PROMISE = "I'll send a written recap to {email} after we hang up.";

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
  ["My system is a little slow today, bear with me.", "No problem, take your time."],
  ["I'm reading through the notes on your account now.", "Okay."],
  ["Can you hear me all right? You sound a bit faint.", "Yes, I can hear you fine now."],
  [RECAP_PROMISE, "Great, thank you! 👍"],
];

const walkthroughSteps = [
  "open the app and go to Settings",
  "tap Devices",
  "choose the device that's giving you trouble",
  "scroll down to Network",
  "tap Reconnect",
  "wait for the light to turn solid green",
  "go back to the home screen",
  "pull down to refresh",
  "check that the status says Online",
  "open the event history",
];
const walkthroughAnswers = ["Okay, done.", "Got it.", "One second... okay.", "It's loading.", "Yes, I see it.", "Hm, okay, there it is."];

const inboundGreetings = [
  "Thanks for calling {team}, this is {agent_first}. How can I help?",
  "{team}, {agent_first} speaking. What can I do for you today?",
  "Hi, you've reached {team}. My name is {agent_first}, how can I help?",
];
const customerIntroductions = ["Hi {agent_first}, this is {customer}.", "Hi, my name is {customer}.", "Hey, it's {customer}."];
const thanks = ["No, that's everything. Thanks, {agent_first}.", "No, that's everything. Thanks, {agent_first}! 🙏", "Nope, all good. Thank you so much!"];

function opening(rng: Prng, direction: CallShape["direction"]): ScriptLine[] {
  if (direction === "outbound") {
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

function closing(rng: Prng, outcome: CallShape["outcome"], length: number): ScriptLine[] {
  const lines: ScriptLine[] =
    outcome === "transferred"
      ? [
          ["USER", "I'm going to transfer you to {transfer_to}; they can take it from here."],
          ["EXTERNAL", "Okay, thank you."],
          ["USER", "Transferring you now, one moment."],
        ]
      : [
          ["USER", "Is there anything else I can help with today?"],
          ["EXTERNAL", rng.pick(thanks)],
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

/** Marathon calls: after the small talk runs out, the agent walks the customer through the app, step by step. */
function walkthrough(rng: Prng, pairs: number): ScriptLine[] {
  const lines: ScriptLine[] = [];
  for (let i = 0; i < pairs; i++) {
    const step = walkthroughSteps[i % walkthroughSteps.length] as string;
    const round = Math.floor(i / walkthroughSteps.length) + 1;
    lines.push(
      ["USER", round === 1 ? `Next, please ${step}.` : `Let's try that again, attempt ${round}: ${step}.`],
      ["EXTERNAL", rng.pick(walkthroughAnswers)],
    );
  }
  return lines;
}

/** The call's turns as templates, exactly `recipe.turns` of them. */
function scriptLines(recipe: TranscriptRecipe, shape: CallShape, rng: Prng): ScriptLine[] {
  const scenario = scenarios[recipe.scenario];
  if (shape.outcome === "voicemail") {
    return shape.direction === "inbound"
      ? [
          ["USER", "You've reached {team}. We're away from our desks right now; please leave a message after the tone."],
          ["EXTERNAL", scenario.voicemail.inbound],
        ]
      : [
          ["EXTERNAL", "Hi, you've reached {customer_first}. Leave a message and I'll call you back."],
          ["USER", scenario.voicemail.outbound],
        ];
  }
  const [ask, answer] = scenario.brief(recipe.facts);
  if (recipe.turns === 2) return [["EXTERNAL", `Hi, it's {customer}. ${ask}`], ["USER", answer]];
  if (recipe.turns === 3) return [["EXTERNAL", `Hi, it's {customer}. ${ask}`], ["USER", answer], ...closing(rng, shape.outcome, 1)];

  const core = scenario.core(recipe.facts);
  const full = recipe.turns >= 2 + core.length + 2;
  const body: readonly ScriptLine[] = full ? core : [["EXTERNAL", ask], ["USER", answer]];
  const rest = recipe.turns - 2 - body.length;
  const closingLength = rest <= 3 ? rest : 2 + (rest % 2);
  const pairs = (rest - closingLength) / 2;
  const early = Math.min(checks.length, Math.ceil(pairs / 3));
  const chat = Math.min(pairs - early, asides.length * 2);
  return [
    ...opening(rng, shape.direction),
    ...fillerLines(rng, checks, early),
    ...body,
    ...fillerLines(rng, asides, chat),
    ...walkthrough(rng, pairs - early - chat),
    ...closing(rng, shape.outcome, closingLength),
  ];
}

const SPEAKERS = { USER: "agent", EXTERNAL: "customer" } as const;
const round2 = (value: number) => Math.round(value * 100) / 100;

function renderRecipe(recipe: TranscriptRecipe, shape: CallShape): Turn[] {
  const rng = new Prng(recipe.seed);
  const lines = scriptLines(recipe, shape, rng);
  const step = shape.durationSec / lines.length;
  const starts = lines.map((_, index) => Math.floor((index + rng.next() * 0.6) * step));
  return lines.map(([source, template], index) => ({
    speaker: SPEAKERS[source],
    // Each turn starts at a jittered point within its share of the call, so times always increase.
    start: starts[index] as number,
    end: round2(Math.max(starts[index] as number, (starts[index + 1] ?? shape.durationSec) - 0.4)),
    text: fillTemplate(template, recipe.facts),
  }));
}

/**
 * The transcript's turns. A recipe is rendered deterministically (its seed drives every choice, so the
 * same call always reads the same); literal turns are returned with their end times filled in.
 */
export function renderTurns(source: TranscriptSource, shape: CallShape): Turn[] {
  if ("recipe" in source) return renderRecipe(source.recipe, shape);
  return source.turns.map((turn, index) => ({
    speaker: turn.speaker,
    start: turn.start,
    end: turn.end ?? source.turns[index + 1]?.start ?? Math.max(turn.start, shape.durationSec),
    text: turn.text,
  }));
}

/** Only the words, for keyword search: skips the timing, which costs the most. */
export function transcriptText(source: TranscriptSource, shape: CallShape): string {
  if ("turns" in source) return source.turns.map((turn) => turn.text).join("\n");
  return scriptLines(source.recipe, shape, new Prng(source.recipe.seed))
    .map(([, template]) => fillTemplate(template, source.recipe.facts))
    .join("\n");
}
