export type AlloScope = "CONVERSATIONS_READ" | "CONVERSATIONS_WRITE";
export type AlloKeyLabel = "redline" | "colleague" | "second-colleague" | "read-only" | "revoked";

export type AlloApiKey = {
  key: string;
  label: AlloKeyLabel;
  user: { id: string; name: string; email: string };
  scopes: readonly AlloScope[];
  revoked?: boolean;
};

const readWrite: readonly AlloScope[] = ["CONVERSATIONS_READ", "CONVERSATIONS_WRITE"];

/**
 * The emulator's fixed API keys (documented in emulator/README.md). Colleagues hold their own keys so
 * two people can edit the same summary and the last write wins, as on the real API.
 */
export const alloApiKeys: readonly AlloApiKey[] = [
  {
    key: "ak_live_redline_0000000000000001",
    label: "redline",
    user: { id: "usr-redline01", name: "Redline Integration", email: "redline@northwind-home.example" },
    scopes: readWrite,
  },
  {
    key: "ak_live_alexkim_0000000000000002",
    label: "colleague",
    user: { id: "usr-alexkim01", name: "Alex Kim", email: "alex.kim@northwind-home.example" },
    scopes: readWrite,
  },
  {
    key: "ak_live_samortiz_000000000000003",
    label: "second-colleague",
    user: { id: "usr-samortiz1", name: "Sam Ortiz", email: "sam.ortiz@northwind-home.example" },
    scopes: readWrite,
  },
  {
    key: "ak_live_readonly_000000000000004",
    label: "read-only",
    user: { id: "usr-priyanai1", name: "Priya Nair", email: "priya.nair@northwind-home.example" },
    scopes: ["CONVERSATIONS_READ"],
  },
  {
    key: "ak_live_revoked_0000000000000005",
    label: "revoked",
    user: { id: "usr-marcusbe1", name: "Marcus Bell", email: "marcus.bell@northwind-home.example" },
    scopes: readWrite,
    revoked: true,
  },
];

export const alloKeyFor = (label: AlloKeyLabel): string => {
  const entry = alloApiKeys.find((candidate) => candidate.label === label);
  if (!entry) throw new Error(`No Allo key labelled "${label}"`);
  return entry.key;
};
