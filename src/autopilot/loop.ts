/**
 * The autopilot's loop: a cycle, then a wait until the next interval, until stopped. The clock and
 * the sleep are injected (a drill runs a simulated day in seconds). Cycles never overlap: the next
 * starts only after the last has finished; one that overran its interval starts the next at once,
 * never two to catch up.
 */
export interface LoopOptions {
  /** Time between cycle starts, ms. */
  everyMs: number;
  /** Stop after this many cycles (undefined: until stopped). */
  cycles?: number;
  /** The clock (ms). */
  now: () => number;
  /** Waits ms of the clock above; resolves early when the signal aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
}

export interface LoopSummary {
  cycles: number;
  /** Intervals passed without a cycle because the one before overran. */
  skipped: number;
}

export async function runLoop(cycle: (index: number, at: number) => Promise<void>, options: LoopOptions): Promise<LoopSummary> {
  let index = 0;
  let skipped = 0;
  let next = options.now();
  while (!options.signal.aborted && (options.cycles === undefined || index < options.cycles)) {
    const start = options.now();
    await cycle(index, start);
    index += 1;
    if (options.cycles !== undefined && index >= options.cycles) break;
    next += options.everyMs;
    const after = options.now();
    if (after > next) {
      // Overran: the intervals it covered are skipped, not run back to back.
      const missed = Math.floor((after - next) / options.everyMs) + 1;
      skipped += missed - 1;
      next += (missed - 1) * options.everyMs;
      if (after >= next) continue;
    }
    await options.sleep(next - after, options.signal);
  }
  return { cycles: index, skipped };
}
