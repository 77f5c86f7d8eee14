/** Roles in increasing order of what they may do. No schema library here: browser code imports this. */
export const roles = ["viewer", "reviewer", "lead", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, reviewer: 1, lead: 2, admin: 3 };

export function hasRole(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

export const roleLabels: Record<Role, string> = {
  viewer: "Viewer",
  reviewer: "Reviewer",
  lead: "Lead",
  admin: "Admin",
};
