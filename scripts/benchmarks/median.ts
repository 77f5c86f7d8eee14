/** The middle of a set of timings: the figure every benchmark here reports. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs a task `runs` times, one after another, and returns the median duration in milliseconds. */
export async function medianOf(runs: number, task: () => unknown | Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return median(samples);
}
