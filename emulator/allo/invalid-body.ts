import type { z } from "zod";
import { alloFailure, type AlloFailure } from "./errors";

/** The first schema issue as Allo's INVALID_REQUEST_BODY, naming the field at fault. */
export function invalidBody(error: z.ZodError): AlloFailure {
  const issue = error.issues[0];
  const param = issue?.path.map(String).join(".") ?? "";
  const message = issue === undefined ? "The request body is invalid." : param === "" ? issue.message : `${param}: ${issue.message}`;
  return alloFailure("INVALID_REQUEST_BODY", { message, ...(param === "" ? {} : { param }) });
}
