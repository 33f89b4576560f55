/**
 * Simulation clock: an integer step counter and a fixed step dt (ms). Time is always derived
 * as t = step·dt, so it never drifts by accumulated rounding (as in Brian2's Clock).
 * `step` counts completed steps: before the first step it is 0.
 */
export class Clock {
  /** Completed steps. */
  step = 0;

  /** @param dt step size in ms */
  constructor(readonly dt: number) {
    if (!(dt > 0)) throw new Error(`dt must be positive, got ${dt}`);
  }

  /** Simulated time in ms after `step` completed steps. */
  get t(): number {
    return this.step * this.dt;
  }

  /** Number of steps covering `ms` milliseconds (rounded to the nearest step). */
  stepsFor(ms: number): number {
    return Math.round(ms / this.dt);
  }
}
