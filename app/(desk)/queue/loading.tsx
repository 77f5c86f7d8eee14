import { SkeletonLines } from "@/components/ui/skeleton-lines";

export default function QueueLoading() {
  return (
    <main className="page">
      <h1>Queue</h1>
      <SkeletonLines count={10} label="Loading the queue" />
    </main>
  );
}
