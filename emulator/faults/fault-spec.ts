import { z } from "zod";

/** What a fault does instead of (or after) answering normally. */
export const faultModes = ["reset", "hang", "malformed", "schema", "apply-then-hang", "apply-then-reset"] as const;

export const faultStatusSchema = z.union([z.literal(429), z.literal(500), z.literal(503)]);
export type FaultStatus = z.infer<typeof faultStatusSchema>;

/**
 * One fault, as the admin endpoint takes it in JSON and as `--fault` spells it
 * (`allo.updateSummary:status=503,rate=0.5`). `endpoint` is a name such as `allo.search`, `*` matching
 * any run of characters.
 */
export const faultSchema = z
  .object({
    endpoint: z.string().regex(/^[\w*.-]+$/, "An endpoint name such as allo.updateSummary; * matches anything"),
    /** Answer with this status in the provider's own error envelope (429 with its retry hints). */
    status: faultStatusSchema.optional(),
    mode: z.enum(faultModes).optional(),
    /** Milliseconds added before anything else happens. */
    latency: z.number().int().min(0).max(600_000).optional(),
    /** Up to this many more milliseconds, drawn per request. */
    jitter: z.number().int().min(0).max(600_000).optional(),
    /** Seconds a 429 tells the client to wait; default 1. */
    retryAfter: z.number().int().min(0).max(86_400).optional(),
    /** Share of matching requests hit, 0..1; default all. */
    rate: z.number().min(0).max(1).default(1),
    /** Hit only the next N matching requests (those the rate lets through). */
    count: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((fault, ctx) => {
    if (fault.status !== undefined && fault.mode !== undefined) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: "A fault answers with a status or has a mode, not both" });
    }
    if (fault.status === undefined && fault.mode === undefined && fault.latency === undefined && fault.jitter === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "A fault needs a status, a mode, or latency" });
    }
    if (fault.retryAfter !== undefined && fault.status !== 429) {
      ctx.addIssue({ code: "custom", path: ["retryAfter"], message: "retryAfter goes with status=429" });
    }
  });

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;

export class FaultSpecError extends Error {}

const NUMERIC = new Set(["status", "latency", "jitter", "retryAfter", "rate", "count"]);
export const FAULT_SPEC_FORMAT = "<endpoint>:<effect>[,<option>=<value>…], e.g. allo.updateSummary:status=503,rate=0.5";

/** `allo.updateSummary:status=503,rate=0.5` → `{endpoint: "allo.updateSummary", status: 503, rate: 0.5}`. */
export function parseFaultSpec(spec: string): FaultInput {
  const colon = spec.indexOf(":");
  if (colon <= 0) throw new FaultSpecError(`Invalid fault "${spec}": expected ${FAULT_SPEC_FORMAT}`);
  const fault: Record<string, unknown> = { endpoint: spec.slice(0, colon).trim() };
  for (const token of spec.slice(colon + 1).split(",")) {
    const part = token.trim();
    if (part === "") continue;
    const equals = part.indexOf("=");
    const key = equals === -1 ? part : part.slice(0, equals).trim();
    const value = equals === -1 ? null : part.slice(equals + 1).trim();
    if (value === null) {
      if (!(faultModes as readonly string[]).includes(key)) {
        throw new FaultSpecError(`Invalid fault "${spec}": unknown effect "${key}" (effects: status=…, latency=…, ${faultModes.join(", ")})`);
      }
      fault.mode = key;
    } else if (NUMERIC.has(key)) {
      const number = Number(value);
      if (value === "" || !Number.isFinite(number)) throw new FaultSpecError(`Invalid fault "${spec}": ${key} must be a number`);
      fault[key] = number;
    } else if (key === "mode") {
      fault.mode = value;
    } else {
      throw new FaultSpecError(`Invalid fault "${spec}": unknown option "${key}"`);
    }
  }
  const parsed = faultSchema.safeParse(fault);
  if (!parsed.success) throw new FaultSpecError(`Invalid fault "${spec}": ${describeIssues(parsed.error)}`);
  return fault as FaultInput;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** The fault written back in `--fault` form. */
export function formatFault(fault: Fault): string {
  const options: string[] = [];
  if (fault.status !== undefined) options.push(`status=${fault.status}`);
  if (fault.mode !== undefined) options.push(fault.mode);
  if (fault.latency !== undefined) options.push(`latency=${fault.latency}`);
  if (fault.jitter !== undefined) options.push(`jitter=${fault.jitter}`);
  if (fault.retryAfter !== undefined) options.push(`retryAfter=${fault.retryAfter}`);
  if (fault.rate !== 1) options.push(`rate=${fault.rate}`);
  if (fault.count !== undefined) options.push(`count=${fault.count}`);
  return `${fault.endpoint}:${options.join(",")}`;
}
