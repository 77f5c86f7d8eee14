import { readFileSync } from "node:fs";
import type { z } from "zod";
import { fixtureSchema, type Fixture } from "./fixture-schema";

export class FixtureError extends Error {}

/** `allo.items[3].summaries[0].content`, the way a reader finds the spot in the file. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : out === "" ? String(segment) : `${out}.${String(segment)}`), "");
}

/** Issues with their full paths; a union (a transcript is a recipe or turns) reports the branch that came closest. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): { path: string; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return flatten(closest, path);
    }
    return [{ path: pathOf(path) || "(document)", message: issue.message }];
  });
}

/** Validates a fixture document; the error lists each failing path (the first 20). */
export function parseFixture(value: unknown, source = "fixture"): Fixture {
  const parsed = fixtureSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = flatten(parsed.error.issues);
  const shown = problems.slice(0, 20).map((problem) => `  ${problem.path}: ${problem.message}`);
  if (problems.length > shown.length) shown.push(`  … and ${problems.length - shown.length} more`);
  throw new FixtureError(`Invalid fixture ${source}:\n${shown.join("\n")}`);
}

/** Reads and validates a fixture file (JSON). */
export function readFixtureFile(path: string): Fixture {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FixtureError(`Cannot read fixture ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FixtureError(`Fixture ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFixture(value, path);
}
