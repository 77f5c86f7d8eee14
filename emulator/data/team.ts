import type { AlloUser } from "./sections/allo-section";

/** The fictional Allo workspace every generated data set belongs to. Fixed, so ids are stable across seeds. */
export const team = {
  id: "team-northwind",
  name: "Northwind Home",
  emailDomain: "northwind-home.example",
} as const;

/** The agents who take calls. Some of them also hold the emulator's API keys (see allo/keys.ts). */
export const agents: readonly AlloUser[] = [
  { id: "usr-alexkim01", name: "Alex Kim", email: "alex.kim@northwind-home.example" },
  { id: "usr-samortiz1", name: "Sam Ortiz", email: "sam.ortiz@northwind-home.example" },
  { id: "usr-priyanai1", name: "Priya Nair", email: "priya.nair@northwind-home.example" },
  { id: "usr-marcusbe1", name: "Marcus Bell", email: "marcus.bell@northwind-home.example" },
  { id: "usr-leahchen1", name: "Leah Chen", email: "leah.chen@northwind-home.example" },
  { id: "usr-tomasrey1", name: "Tomás Reyes", email: "tomas.reyes@northwind-home.example" },
  { id: "usr-graceowu1", name: "Grace Owusu", email: "grace.owusu@northwind-home.example" },
  { id: "usr-danfisch1", name: "Daniel Fischer", email: "daniel.fischer@northwind-home.example" },
];

export type LineName = "support" | "sales" | "billing";

/** The team's Allo numbers; each scenario rings the line a customer would dial for it. */
export const alloLines: Record<LineName, { number: string; name: string }> = {
  support: { number: "+15550100100", name: "Customer Care" },
  sales: { number: "+15550100200", name: "Sales" },
  billing: { number: "+15550100300", name: "Billing" },
};
