"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <h1>Something went wrong</h1>
      <p role="alert">
        Redline could not show this page{error.digest ? ` (error ${error.digest})` : ""}. Nothing you saved is affected.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
