import { SkeletonLines } from "@/components/ui/skeleton-lines";

/** The provider read can take seconds: the workspace's shape shows at once. */
export default function CallLoading() {
  return (
    <main className="workspace">
      <header className="call-header">
        <h1>Opening the call…</h1>
      </header>
      <div className="panes">
        <section aria-label="Transcript">
          <h2>Transcript</h2>
          <SkeletonLines count={12} label="Loading the transcript" />
        </section>
        <section aria-label="Summary">
          <h2>Summary</h2>
          <SkeletonLines count={8} label="Loading the summary" />
        </section>
      </div>
    </main>
  );
}
