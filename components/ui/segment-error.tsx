"use client";

/** What a page shows when it failed to render: what is safe, the error's id to quote, and a way to try again. */
export function SegmentError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <h1>Something went wrong</h1>
      <p role="alert">
        Redline could not show {what}
        {error.digest ? ` (error ${error.digest})` : ""}. Nothing you saved is affected, and unsaved text stays in this browser.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
