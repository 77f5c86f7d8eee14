import type { ScenarioId } from "./transcript-source";
import type { Prng } from "./prng";
import { spoken } from "./spoken-formats";
import type { LineName } from "./team";

export type Facts = Readonly<Record<string, string>>;
export type Speaker = "USER" | "EXTERNAL";
/** A turn before rendering: its text is a template whose `{placeholders}` are the call's facts. */
export type ScriptLine = readonly [Speaker, string];

export type FactContext = { date: Date; company: string | null };

export type Scenario = {
  /** The Allo number a customer dials for this kind of call. */
  line: LineName;
  tags: readonly string[];
  /** Who the call goes to when it ends in a transfer; reads after "to". */
  transferTo: string;
  /** Scenario details, drawn once per item; the generator adds who is talking (customer, agent, email…). */
  facts(rng: Prng, context: FactContext): Record<string, string>;
  /** Short noun phrase used by fillers and voicemail summaries. Must make sense after "about". */
  topic: string;
  /** What the customer repeats when the line cuts out. */
  recap: string;
  /** The full exchange; starts with the customer's request and ends with the customer. */
  core(facts: Facts): readonly ScriptLine[];
  /** The whole exchange in two turns, for very short calls: the customer's ask, the agent's answer. */
  brief(facts: Facts): readonly [string, string];
  voicemail: { inbound: string; outbound: string };
  sms(facts: Facts): { inbound: readonly string[]; outbound: readonly string[] };
  classic(facts: Facts): { summary: string; commitments: readonly string[]; nextSteps: readonly string[] };
  short(facts: Facts): string;
};

const DAY_MS = 86_400_000;

function daysFrom(date: Date, days: number, hour?: number, minute = 0): Date {
  const shifted = new Date(date.getTime() + days * DAY_MS);
  if (hour !== undefined) shifted.setUTCHours(hour, minute, 0, 0);
  return shifted;
}

const monitoringPlans = [
  { plan: "Basic", price: 19, history: "7" },
  { plan: "Plus", price: 29, history: "30" },
  { plan: "Pro", price: 49, history: "60" },
] as const;

const technicians = ["Ray", "Jess", "Anton", "Malik", "Carla", "Devin"] as const;

const billingDispute: Scenario = {
  line: "billing",
  tags: ["billing"],
  transferTo: "a billing specialist",
  topic: "invoice {invoice}",
  recap: "I'm calling about invoice {invoice}",
  facts(rng, { date }) {
    const kind = rng.pick([
      {
        complaint: "I was charged twice for the same month",
        issue: "they were charged twice for the same month",
        cause: "the payment retried after a bank timeout and both attempts went through",
        amount: rng.pick(monitoringPlans).price * rng.int(1, 4),
      },
      {
        complaint: "I switched to the Basic plan last month but I was still charged the Pro price",
        issue: "they were still billed the Pro rate after downgrading to Basic",
        cause: "the plan change was scheduled for the next billing cycle instead of applied right away",
        amount: 49,
      },
      {
        complaint: "I was charged for a camera I already sent back",
        issue: "they were billed an equipment fee for a camera they had returned",
        cause: "the returned camera reached the warehouse but was never matched to the account",
        amount: rng.pick([89, 129, 179]),
      },
    ]);
    const amount = spoken.money(kind.amount);
    const nextInvoice = spoken.shortDay(daysFrom(date, rng.int(5, 25)));
    const refund = rng.chance(0.7);
    return {
      invoice: `INV-${rng.digits(5)}`,
      amount,
      charge_day: spoken.shortDay(daysFrom(date, -rng.int(2, 12))),
      complaint: kind.complaint,
      issue: kind.issue,
      cause: kind.cause,
      remedy_said: refund
        ? `I've issued a refund of ${amount} to the card on file. It usually shows up within 5 to 7 business days.`
        : `I've put a credit of ${amount} on your account, so it comes off your next invoice on ${nextInvoice}.`,
      remedy_done: refund
        ? `issued a refund of ${amount} to the card on file`
        : `applied a ${amount} credit to the next invoice, due ${nextInvoice}`,
      commitment: refund
        ? `Refund of ${amount} to the card on file within 5 to 7 business days.`
        : `Credit of ${amount} on the invoice due ${nextInvoice}.`,
      next_step: refund
        ? `Check that the refund has posted by ${spoken.day(daysFrom(date, 8))}.`
        : `Confirm the credit appears on the invoice due ${nextInvoice}.`,
    };
  },
  core: () => [
    ["EXTERNAL", "I'm calling about invoice {invoice}. {complaint}, and it came out on {charge_day}."],
    ["USER", "I'm sorry about that. Let me pull up {invoice}... Yes, I can see a charge of {amount} on {charge_day}."],
    ["EXTERNAL", "Right. I really shouldn't have been charged that."],
    ["USER", "You're right, and I apologize. It looks like {cause}."],
    ["EXTERNAL", "Okay, so what happens now?"],
    ["USER", "{remedy_said}"],
    ["EXTERNAL", "Will I get that in writing?"],
    ["USER", "Yes, I'm sending a confirmation to {email} within the hour."],
    ["EXTERNAL", "Great, that's all I needed."],
  ],
  brief: () => [
    "I'm calling about invoice {invoice}: {complaint}. It was {amount} on {charge_day}.",
    "I see it, and that's on us: {cause}. {remedy_said} I'll email a confirmation to {email}.",
  ],
  voicemail: {
    inbound: "Hi, this is {customer} calling about invoice {invoice}. {complaint}, {amount} on {charge_day}. Please call me back at {phone_spoken}. Thanks.",
    outbound: "Hi {customer_first}, it's {agent_first} from {team}, returning your call about invoice {invoice}. {remedy_said} Call us at {line_spoken} if you have any questions.",
  },
  sms: () => ({
    inbound: ["Hi, it's {customer_first}. Any news on invoice {invoice}? I was charged {amount} on {charge_day}."],
    outbound: ["{team}: we've reviewed invoice {invoice} and {remedy_done}. Reply here with any questions."],
  }),
  classic: () => ({
    summary: "{customer} disputed a {amount} charge on invoice {invoice} from {charge_day}: {issue}. {agent} found that {cause} and {remedy_done}.",
    commitments: ["{commitment}", "Confirmation email to {email} within the hour."],
    nextSteps: ["{next_step}"],
  }),
  short: () => "{customer} disputed a {amount} charge on invoice {invoice} because {issue}; {agent} {remedy_done} and is emailing a confirmation to {email}.",
};

const pricingQuestion: Scenario = {
  line: "sales",
  tags: ["sales", "pricing"],
  transferTo: "the sales engineering team",
  topic: "pricing for the {plan} plan",
  recap: "I'm asking about the {plan} plan for {sites} locations",
  facts(rng, { date, company }) {
    const { plan, price, history } = rng.pick(monitoringPlans);
    const sites = rng.int(2, 12);
    const followUp = daysFrom(date, rng.int(2, 6));
    return {
      plan,
      price: spoken.money(price),
      history,
      sites: String(sites),
      monthly: spoken.money(price * sites),
      annual: spoken.money(price * sites * 12 * 0.85),
      quote: `Q-${rng.digits(5)}`,
      follow_up: spoken.day(followUp),
      follow_up_weekday: spoken.weekday(followUp),
      for_org: company === null ? "" : ` for ${company}`,
    };
  },
  core: () => [
    ["EXTERNAL", "I'm looking at monitoring for {sites} locations{for_org}. What would the {plan} plan cost?"],
    ["USER", "Happy to help. {plan} is {price} per location per month, so for {sites} locations that's {monthly} a month."],
    ["EXTERNAL", "Is there a discount if we pay for the year up front?"],
    ["USER", "Yes, annual billing takes 15% off, which comes to {annual} for the year."],
    ["EXTERNAL", "Does that include the cameras?"],
    ["USER", "Equipment is priced separately. The {plan} plan covers 24/7 professional monitoring and {history} days of cloud video history."],
    ["EXTERNAL", "Okay, that's helpful. Could you send me a written quote?"],
    ["USER", "Of course. I'll email quote {quote} to {email} today. Would {follow_up} work for a quick call to go over it?"],
    ["EXTERNAL", "{follow_up_weekday} works for me."],
  ],
  brief: () => [
    "What would the {plan} monitoring plan cost for {sites} locations?",
    "{plan} is {price} per location per month, so {monthly} a month, or {annual} a year with annual billing. I'll email quote {quote} to {email} and call you on {follow_up}.",
  ],
  voicemail: {
    inbound: "Hi, this is {customer}. I'd like pricing on the {plan} monitoring plan for {sites} locations. You can reach me at {phone_spoken}. Thanks!",
    outbound: "Hi {customer_first}, it's {agent_first} from {team}. The {plan} plan is {price} per location per month, {monthly} a month for {sites} locations. I'm emailing quote {quote} to {email}; call me back at {line_spoken} with any questions.",
  },
  sms: () => ({
    inbound: ["Hi, could you resend quote {quote}? I can't find the email."],
    outbound: ["Hi {customer_first}, it's {agent_first} from {team}. Quote {quote} for {sites} locations on {plan} is in your inbox: {monthly}/month or {annual}/year."],
  }),
  classic: () => ({
    summary: "{customer} asked about the {plan} monitoring plan for {sites} locations{for_org}. {agent} quoted {price} per location per month ({monthly} a month), or {annual} a year with the 15% annual-billing discount. Equipment is priced separately; the plan includes {history} days of cloud video history.",
    commitments: ["Email quote {quote} to {email} today.", "Follow-up call on {follow_up}."],
    nextSteps: ["{agent_first} to call {customer_first} on {follow_up} to review quote {quote}."],
  }),
  short: () => "{customer} asked for {plan} pricing for {sites} locations: {price} per location per month ({monthly} a month, or {annual} a year billed annually). Quote {quote} goes to {email}; follow-up on {follow_up}.",
};

const appointmentReschedule: Scenario = {
  line: "support",
  tags: ["scheduling"],
  transferTo: "dispatch",
  topic: "rescheduling the {service}",
  recap: "I need to move my {service}, work order {work_order}",
  facts(rng, { date }) {
    const old = daysFrom(date, rng.int(1, 5), rng.pick([9, 10, 11, 13, 14, 15]), rng.pick([0, 30]));
    const alternative = daysFrom(old, rng.int(1, 3), rng.pick([8, 9, 10]), 0);
    const chosen = daysFrom(alternative, rng.int(1, 3), rng.pick([13, 14, 15, 16]), rng.pick([0, 30]));
    const reason = rng.pick([
      { said: "I have to travel for work that week", summary: "they will be travelling for work" },
      { said: "Our contractor needs the house that day", summary: "a contractor is working at the house that day" },
      { said: "I can't get off work that day", summary: "they cannot take the day off work" },
    ]);
    return {
      service: rng.pick(["installation visit", "annual maintenance check", "camera replacement visit", "thermostat installation"]),
      work_order: `WO-${rng.digits(5)}`,
      technician: rng.pick(technicians),
      old_slot: spoken.slot(old),
      alt_slot: spoken.slot(alternative),
      new_slot: spoken.slot(chosen),
      new_day: spoken.day(chosen),
      new_weekday: spoken.weekday(chosen),
      reason_said: reason.said,
      reason_summary: reason.summary,
    };
  },
  core: () => [
    ["EXTERNAL", "I have a {service} booked for {old_slot}, and I need to move it. {reason_said}."],
    ["USER", "No problem at all. Do you have the work order number handy?"],
    ["EXTERNAL", "Yes, it's {work_order}."],
    ["USER", "Thanks. I have openings on {alt_slot} or {new_slot}."],
    ["EXTERNAL", "{new_weekday} is better."],
    ["USER", "Done: you're booked for {new_slot}. {technician} will be your technician and will call about 30 minutes before arriving."],
    ["EXTERNAL", "Perfect. Do I need to do anything beforehand?"],
    ["USER", "Just make sure an adult is home and the area around the control panel is clear. You'll get a confirmation text at {phone_spoken}."],
    ["EXTERNAL", "Will do, thank you."],
  ],
  brief: () => [
    "I need to move my {service} from {old_slot}. {reason_said}. The work order is {work_order}.",
    "Done: you're now booked for {new_slot} with {technician}, who will call about 30 minutes before arriving. You'll get a confirmation text at {phone_spoken}; just make sure an adult is home and the control panel area is clear.",
  ],
  voicemail: {
    inbound: "Hi, it's {customer}. I need to reschedule my {service} on {old_slot}, work order {work_order}. Please call me back at {phone_spoken}.",
    outbound: "Hi {customer_first}, it's {agent_first} from {team}. I've moved your {service} to {new_slot} with {technician}. Call {line_spoken} if that doesn't work for you.",
  },
  sms: () => ({
    inbound: ["Can we push the {service} on {old_slot}? Work order {work_order}."],
    outbound: ["{team}: your {service} is confirmed for {new_slot}. {technician} will call about 30 minutes before arriving."],
  }),
  classic: () => ({
    summary: "{customer} rescheduled their {service} (work order {work_order}) from {old_slot} to {new_slot} because {reason_summary}. {technician} is the assigned technician.",
    commitments: ["{technician} to call about 30 minutes before arriving on {new_day}.", "Confirmation text to {phone_spoken}."],
    nextSteps: ["Customer to make sure an adult is home and the control panel area is clear."],
  }),
  short: () => "{customer} moved their {service} (work order {work_order}) from {old_slot} to {new_slot} with {technician}; a confirmation text goes to {phone_spoken}.",
};

const cancellation: Scenario = {
  line: "billing",
  tags: ["retention"],
  transferTo: "the retention team",
  topic: "cancelling the {plan} plan",
  recap: "I want to cancel my {plan} plan",
  facts(rng, { date }) {
    const { plan, price } = rng.pick(monitoringPlans);
    const years = rng.int(1, 6);
    const reason = rng.pick([
      { said: "We're moving into an apartment that already has security", summary: "they are moving to an apartment with building security" },
      { said: "We're trying to cut our monthly costs", summary: "they are cutting monthly costs" },
      { said: "We bought a self-monitored system", summary: "they switched to a self-monitored system" },
    ]);
    const monthEnd = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
    return {
      plan,
      price: spoken.money(price),
      offer_price: spoken.money(price / 2),
      tenure: years === 1 ? "a year" : `${years} years`,
      account: `ACC-${rng.digits(6)}`,
      effective: spoken.day(monthEnd),
      reason_said: reason.said,
      reason_summary: reason.summary,
      outcome: rng.chance(0.4) ? "retained" : "cancelled",
    };
  },
  core: (facts) => [
    ["EXTERNAL", "I'd like to cancel my {plan} monitoring plan. {reason_said}."],
    ["USER", "I'm sorry to hear that. I can see you've been with us for {tenure}. Before you go, I could offer you three months at half price, {offer_price} a month instead of {price}."],
    ...(facts.outcome === "retained"
      ? ([
          ["EXTERNAL", "Hmm. At {offer_price} a month... okay, I'll stay for now."],
          ["USER", "Great. I've applied the discount to account {account}, so you'll pay {offer_price} a month for the next three months."],
          ["EXTERNAL", "And after that it goes back to {price}?"],
          ["USER", "That's right. I'll send the details to {email}."],
        ] as const)
      : ([
          ["EXTERNAL", "Thanks, but I've made up my mind."],
          ["USER", "Understood. I've cancelled account {account}. Monitoring stays active until {effective}, and there's no cancellation fee."],
          ["EXTERNAL", "Do I need to send the equipment back?"],
          ["USER", "No, the equipment is yours to keep. You'll get a confirmation at {email}."],
        ] as const)),
    ["EXTERNAL", "Okay, thank you."],
  ],
  brief: (facts) => [
    "I want to cancel my {plan} plan. {reason_said}.",
    facts.outcome === "retained"
      ? "Before you go, I can do three months at {offer_price} a month instead of {price}. Since that works for you, I've put it on account {account} and I'll email the details to {email}."
      : "Understood. I've cancelled account {account}; monitoring stays on until {effective}, with no cancellation fee, and the equipment is yours to keep. You'll get a confirmation at {email}.",
  ],
  voicemail: {
    inbound: "Hi, this is {customer}. I'd like to cancel my {plan} plan, account {account}. Please call me back at {phone_spoken}.",
    outbound: "Hi {customer_first}, it's {agent_first} from {team}, following up on your cancellation request for account {account}. Please call us back at {line_spoken}.",
  },
  sms: (facts) => ({
    inbound: ["Please confirm account {account} is cancelled."],
    outbound: [
      facts.outcome === "retained"
        ? "{team}: your rate of {offer_price}/month is active on account {account} for the next three months."
        : "{team}: account {account} is cancelled. Monitoring stays active until {effective}.",
    ],
  }),
  classic: (facts) =>
    facts.outcome === "retained"
      ? {
          summary: "{customer} called to cancel the {plan} plan ({price} a month) because {reason_summary}. {agent} offered three months at half price and the customer accepted; account {account} now pays {offer_price} a month for three months.",
          commitments: ["Discounted rate of {offer_price} a month for three months on account {account}.", "Details emailed to {email}."],
          nextSteps: ["Check in with {customer_first} before the discount ends."],
        }
      : {
          summary: "{customer} cancelled the {plan} plan because {reason_summary}, after declining three months at half price. Account {account} is cancelled; monitoring stays active until {effective}, with no cancellation fee.",
          commitments: ["Monitoring active until {effective}.", "Cancellation confirmation to {email}."],
          nextSteps: ["No equipment return needed; close account {account} after {effective}."],
        },
  short: (facts) =>
    facts.outcome === "retained"
      ? "{customer} wanted to cancel {plan} but accepted three months at {offer_price} a month (account {account})."
      : "{customer} cancelled {plan} (account {account}) because {reason_summary}; service ends {effective}, no fee, equipment kept.",
};

const technicalSupport: Scenario = {
  line: "support",
  tags: ["support", "technical"],
  transferTo: "tier 2 support",
  topic: "the {device} that {symptom}",
  recap: "my {device} {symptom}",
  facts(rng, { date }) {
    const fix = rng.pick([
      { said: "unplug it for ten seconds, then re-pair it from the app", summary: "power-cycled and re-paired the device" },
      { said: "update its firmware to version 4.2.1 from the app", summary: "updated the firmware to version 4.2.1" },
      { said: "move it off the guest network and reconnect it to your main Wi-Fi", summary: "moved the device from the guest network to the main Wi-Fi" },
    ]);
    const device = rng.pick([
      { name: "outdoor camera", symptoms: ["keeps going offline", "stopped recording at night"] },
      { name: "video doorbell", symptoms: ["won't ring inside anymore", "keeps going offline"] },
      { name: "smart thermostat", symptoms: ["won't connect to Wi-Fi since we changed routers", "doesn't show up in the app"] },
      { name: "security hub", symptoms: ["keeps beeping and going offline", "won't arm from the app"] },
      { name: "garage sensor", symptoms: ["stopped sending open and close alerts", "keeps going offline"] },
    ]);
    return {
      device: device.name,
      symptom: rng.pick(device.symptoms),
      since: spoken.day(daysFrom(date, -rng.int(1, 6))),
      fix_said: fix.said,
      fix_summary: fix.summary,
      ticket: `TCK-${rng.digits(5)}`,
      outcome: rng.chance(0.65) ? "resolved" : "escalated",
    };
  },
  core: (facts) => [
    ["EXTERNAL", "My {device} {symptom}. It started on {since}."],
    ["USER", "Sorry about that, let's get it sorted. Is the light on the {device} solid or blinking?"],
    ["EXTERNAL", "It's blinking amber."],
    ["USER", "That means it lost its connection to the hub. Let's {fix_said}."],
    ["EXTERNAL", "Okay, give me a second... done."],
    ...(facts.outcome === "resolved"
      ? ([
          ["USER", "I can see it checking in again on my end."],
          ["EXTERNAL", "Yes, the app shows it online now."],
          ["USER", "Great. I've logged this under ticket {ticket} in case it happens again."],
          ["EXTERNAL", "Perfect, thanks for the help."],
        ] as const)
      : ([
          ["USER", "It's still not checking in. I'm escalating this to our tier 2 team under ticket {ticket}. They'll call you within 24 hours, and if it's a hardware fault we'll ship a replacement at no charge."],
          ["EXTERNAL", "Okay, I'll wait for their call."],
        ] as const)),
  ],
  brief: (facts) => [
    "My {device} {symptom}, since {since}.",
    facts.outcome === "resolved"
      ? "Let's {fix_said}... There, it's checking in again. I've logged it under ticket {ticket}."
      : "Let's {fix_said}... It's still not checking in, so I'm escalating it under ticket {ticket}. Tier 2 will call you within 24 hours, and if it's a hardware fault we'll ship a replacement at no charge.",
  ],
  voicemail: {
    inbound: "Hi, it's {customer}. My {device} {symptom} since {since}. Can someone call me back at {phone_spoken}?",
    outbound: "Hi {customer_first}, it's {agent_first} from {team} about ticket {ticket} for your {device}. Please call us back at {line_spoken} when you're near it.",
  },
  sms: () => ({
    inbound: ["My {device} {symptom} again. Ticket {ticket}."],
    outbound: ["{team}: we've opened ticket {ticket} for your {device}. Reply here if it goes offline again."],
  }),
  classic: (facts) => ({
    summary:
      facts.outcome === "resolved"
        ? "{customer} reported that their {device} {symptom} since {since}. {agent} {fix_summary} and the device came back online. Logged under ticket {ticket}."
        : "{customer} reported that their {device} {symptom} since {since}. {agent} {fix_summary}, but the device still did not check in, so the issue was escalated to tier 2 under ticket {ticket}.",
    commitments:
      facts.outcome === "resolved"
        ? ["Ticket {ticket} kept open for reference."]
        : ["Tier 2 to call the customer within 24 hours.", "Free replacement if it is a hardware fault."],
    nextSteps:
      facts.outcome === "resolved"
        ? ["Close ticket {ticket} if the {device} stays online for a week."]
        : ["Tier 2 to diagnose the {device} under ticket {ticket}."],
  }),
  short: (facts) =>
    facts.outcome === "resolved"
      ? "{customer}'s {device} {symptom}; {agent} {fix_summary} and it came back online (ticket {ticket})."
      : "{customer}'s {device} {symptom}; troubleshooting failed, escalated to tier 2 under ticket {ticket} with a callback within 24 hours.",
};

const orderStatus: Scenario = {
  line: "support",
  tags: ["orders"],
  transferTo: "the shipping team",
  topic: "order {order}",
  recap: "I'm checking on order {order}",
  facts(rng, { date }) {
    const carrier = rng.pick(["UPS", "FedEx"]);
    const delayed = rng.chance(0.5);
    const eta = daysFrom(date, delayed ? rng.int(1, 4) : 0);
    return {
      order: `NW-${rng.digits(6)}`,
      item: rng.pick(["two outdoor cameras", "a video doorbell and chime", "a smart thermostat", "a starter security kit"]),
      ordered: spoken.shortDay(daysFrom(date, -rng.int(4, 10))),
      carrier,
      tracking: carrier === "UPS" ? `1Z${rng.alnum(16).toUpperCase()}` : rng.digits(12),
      eta: spoken.day(eta),
      deadline: spoken.day(daysFrom(eta, 1)),
      status_said: delayed
        ? `It was held at the ${carrier} hub because of a weather delay. The new delivery estimate is ${spoken.day(eta)}.`
        : "Good news: it's out for delivery today and should arrive by 8 PM.",
      status_summary: delayed
        ? `was held at the ${carrier} hub by a weather delay; new estimate ${spoken.day(eta)}`
        : "is out for delivery today, expected by 8 PM",
    };
  },
  core: () => [
    ["EXTERNAL", "I'm checking on order {order}. I ordered {item} on {ordered} and it still hasn't arrived."],
    ["USER", "Let me look that up. I see order {order}, shipped with {carrier}, tracking number {tracking}."],
    ["EXTERNAL", "So where is it now?"],
    ["USER", "{status_said}"],
    ["EXTERNAL", "Okay. Can you send me the tracking link?"],
    ["USER", "Sure, I'm texting it to {phone_spoken} now. If it hasn't arrived by {deadline}, call us and we'll reship it at no cost."],
    ["EXTERNAL", "Got it, thanks."],
  ],
  brief: () => [
    "Where is order {order}? I ordered {item} on {ordered}.",
    "It shipped with {carrier}, tracking {tracking}. {status_said} I'm texting the tracking link to {phone_spoken}, and if it's not there by {deadline}, we'll reship it free.",
  ],
  voicemail: {
    inbound: "Hi, this is {customer}. I'm checking on order {order}, {item}, ordered on {ordered}. Please call me back at {phone_spoken}.",
    outbound: "Hi {customer_first}, {agent_first} from {team} about order {order}. It shipped with {carrier}, tracking {tracking}. {status_said}",
  },
  sms: () => ({
    inbound: ["Hi, any update on order {order}? Still nothing here."],
    outbound: ["{team}: order {order} shipped with {carrier}, tracking {tracking}. Estimated delivery {eta}."],
  }),
  classic: () => ({
    summary: "{customer} asked about order {order} ({item}, ordered {ordered}). {agent} found it shipped with {carrier} (tracking {tracking}); it {status_summary}.",
    commitments: ["Tracking link texted to {phone_spoken}.", "Free reship if not delivered by {deadline}."],
    nextSteps: ["Check {carrier} tracking for {order} on {deadline}."],
  }),
  short: () => "{customer} asked about order {order} ({item}); it shipped with {carrier}, tracking {tracking}, and {status_summary}. Free reship if not delivered by {deadline}.",
};

export const scenarios: Record<ScenarioId, Scenario> = {
  billing_dispute: billingDispute,
  pricing_question: pricingQuestion,
  appointment_reschedule: appointmentReschedule,
  cancellation,
  technical_support: technicalSupport,
  order_status: orderStatus,
};

/** How often each kind of call happens. */
export const scenarioWeights: readonly (readonly [ScenarioId, number])[] = [
  ["billing_dispute", 18],
  ["pricing_question", 16],
  ["appointment_reschedule", 18],
  ["cancellation", 10],
  ["technical_support", 22],
  ["order_status", 16],
];
