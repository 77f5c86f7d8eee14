/** Grey bars where text is coming: a page that is loading keeps its shape. */
export function SkeletonLines({ count, label }: { count: number; label: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className="skeleton-line" />
      ))}
    </div>
  );
}
