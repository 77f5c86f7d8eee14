import { ProviderErrorAlert } from "@/components/ui/provider-error-alert";
import type { SavePhase } from "./review-session";
import { confirmLimitMs } from "./use-accepted-confirmation";

/** What became of the last save, announced: the status line, and an alert for anything that needs the reviewer. */
export function SaveOutcome({
  announcement,
  phase,
  providerName,
  confirmation,
  onRetry,
}: {
  announcement: string;
  phase: SavePhase;
  providerName: string;
  confirmation: { superseded: boolean; overdue: boolean; error: string | null; checkAgain: () => void };
  onRetry: () => void;
}) {
  const failure = phase.name === "failed" ? phase.error : null;
  return (
    <>
      <p role="status" aria-live="polite" className="status-line">
        {announcement}
      </p>
      {confirmation.superseded ? (
        <div role="alert" className="alert warning">
          <p>{providerName} accepted your save, but now shows a different text: someone changed it after you. Open History to compare.</p>
        </div>
      ) : null}
      {confirmation.overdue ? (
        <div role="alert" className="alert warning">
          <p>
            {providerName} accepted your save {Math.round(confirmLimitMs / 1000)} s ago but does not show it yet. Your text is in Redline&apos;s
            journal.
          </p>
          <button type="button" className="button" onClick={confirmation.checkAgain}>
            Check again
          </button>
        </div>
      ) : null}
      {confirmation.error ? (
        <p role="alert" className="warning-text">
          Could not check whether {providerName} applied your save: {confirmation.error}
        </p>
      ) : null}
      {failure ? (
        "provider" in failure ? (
          <ProviderErrorAlert error={failure.provider} title="Not saved. Your text is kept.">
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          </ProviderErrorAlert>
        ) : (
          <div role="alert" className="alert error">
            <p>{failure.message}</p>
            {failure.code === "unauthenticated" ? (
              <p>
                <a href="/login" target="_blank" rel="noopener">
                  Sign in again in a new tab
                </a>
                , then save here.
              </p>
            ) : null}
          </div>
        )
      ) : null}
    </>
  );
}
