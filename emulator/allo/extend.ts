import { alloFailure, type AlloFailure } from "./errors";

/**
 * Reads `extend`, a comma-separated list whose only supported value is `transcript`.
 * Blank entries are ignored, so `extend=` asks for nothing.
 */
export function parseExtend(value: string | null | undefined): { transcript: boolean } | AlloFailure {
  const values = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const unsupported = values.find((entry) => entry !== "transcript");
  if (unsupported !== undefined) {
    return alloFailure("UNSUPPORTED_EXTEND_VALUE", {
      message: `Unsupported extend value '${unsupported}'. Supported: transcript.`,
      param: "extend",
    });
  }
  return { transcript: values.length > 0 };
}
