import type { Database } from "@/lib/db/open-database";
import { listUsers } from "@/lib/db/queries/users";
import { revisionKindEnum, revisionStatusEnum } from "@/lib/db/schema";

export type ExportChoices = {
  reviewers: { id: string; label: string }[];
  kinds: readonly string[];
  statuses: readonly string[];
};

/** What the export form offers: everyone who may have saved (a role changes and an account is deactivated; its saves stay), the kinds and outcomes. */
export async function exportChoices(database: Database): Promise<ExportChoices> {
  const people = await listUsers(database.db);
  return {
    reviewers: people.map((person) => ({ id: person.id, label: `${person.name} (${person.email})${person.deactivatedAt ? ", deactivated" : ""}` })),
    kinds: revisionKindEnum.enumValues,
    statuses: revisionStatusEnum.enumValues,
  };
}
