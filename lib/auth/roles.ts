import { z } from "zod";

export const roleSchema = z.enum(["viewer", "reviewer", "lead", "admin"]);
export type Role = z.infer<typeof roleSchema>;

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
