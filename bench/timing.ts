import { performance } from "node:perf_hooks";

/** Median wall time (ms) of `runs` runs of fn; setup runs before each, untimed. */
export function timeMedian(
  fn: () => void,
  runs = 3,
  setup?: () => void,
): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    setup?.();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function timeMedianAsync(
  fn: () => Promise<void>,
  runs = 3,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const round = (x: number, digits = 1) =>
  Math.round(x * 10 ** digits) / 10 ** digits;
