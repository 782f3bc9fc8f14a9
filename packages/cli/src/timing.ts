/**
 * `EDUNORM_TIMING=1` (as ESLint's `TIMING=1`): where a run of `check`, `baseline` or `report`
 * spent its time, phase by phase, written to stderr after the run in the reader's language. The
 * output on stdout, the files written and the exit code are the same with it as without it.
 *
 * Why a phase table and not a profiler: the figures of issue 14's bench rows were found this
 * way (`performance.now()` between the pipeline's stages). `node --cpu-prof` attributes time
 * in native frames to the wrong JavaScript functions — on the warm `--cache` run it gave reads
 * 305 ms that took 6–17 ms — while a clock read between stages is what the user waits for.
 *
 * The phases follow the pipeline (run-check.ts). The first, `start`, runs from the process's
 * start (Node's own start-up, loading edunorm, the working folder's configuration) to the walk.
 */
import type { Locale } from '@edunorm/core';
import { MESSAGES as M } from './messages.js';
import { formatTable } from './text-width.js';

export const TIMING_PHASES = ['start', 'walk', 'cacheOpen', 'lookup', 'check', 'join', 'cacheSave', 'output'] as const;
export type Phase = (typeof TIMING_PHASES)[number];

export class PhaseTimer {
  private readonly spent = new Map<Phase, number>();
  /** The clock at the end of the last phase: 0 is the process's start (performance.timeOrigin). */
  private last = 0;

  /** Ends `phase` now: the time since the last mark is its own (added to it, if it ran before). */
  mark(phase: Phase): void {
    const now = performance.now();
    this.spent.set(phase, (this.spent.get(phase) ?? 0) + (now - this.last));
    this.last = now;
  }

  /** Milliseconds of a phase (0 if it never ran). */
  ms(phase: Phase): number {
    return this.spent.get(phase) ?? 0;
  }

  /** The table for stderr: each phase that ran, its ms and share, and the total. */
  format(locale: Locale): string {
    const total = [...this.spent.values()].reduce((a, b) => a + b, 0);
    const ms = (x: number) => `${x.toFixed(1).padStart(9)} ms`;
    const rows = TIMING_PHASES.filter((p) => this.spent.has(p)).map((p) => [M.timingPhase(p)[locale], ms(this.ms(p)), `${((total > 0 ? this.ms(p) / total : 0) * 100).toFixed(1).padStart(5)}%`]);
    rows.push([M.timingTotal()[locale], ms(total), '']);
    return `edunorm: ${M.timingTitle()[locale]}\n${formatTable(rows).replace(/^/gm, '  ')}\n`;
  }
}

/** A timer when the environment asks for one (`EDUNORM_TIMING` set, and not `0` or empty). */
export function timerFor(env: NodeJS.ProcessEnv): PhaseTimer | undefined {
  const value = env.EDUNORM_TIMING;
  return value !== undefined && value !== '' && value !== '0' ? new PhaseTimer() : undefined;
}
