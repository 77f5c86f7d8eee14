import type { ProviderError } from "@/lib/providers/provider-error";

/** What a reviewer is told when a provider refuses or fails; the provider's own code is shown beside it. */
export function describeProviderError(error: Pick<ProviderError, "kind" | "message" | "retryAfterSec">): string {
  switch (error.kind) {
    case "rate_limited":
      return `The provider is rate limiting requests${error.retryAfterSec ? `; try again in ${error.retryAfterSec} s` : ""}. Your text is kept.`;
    case "timeout":
      return "The provider did not answer in time. Your text is kept; try saving again.";
    case "unavailable":
      return "The provider is unavailable right now. Your text is kept; try saving again.";
    case "unauthorized":
    case "forbidden":
      return "The provider refused Redline's credentials. Ask an admin to check the API key. Your text is kept.";
    case "contract":
      return "The provider answered with something Redline could not read. Your text is kept.";
    default:
      return `The provider refused the save: ${error.message}`;
  }
}
