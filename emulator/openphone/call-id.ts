import { quoFailure, type QuoFailure } from "./errors";

/** The spec's `^AC(.*)$` on every call id in a path. */
export function checkCallId(id: string, param: string): QuoFailure | null {
  if (/^AC/.test(id)) return null;
  return quoFailure(400, `${param} must match pattern "^AC(.*)$"`, [
    { path: `/${param}`, message: 'Expected string to match "^AC(.*)$"', value: id, schema: { type: "string" } },
  ]);
}
