/**
 * The run's clock on the worker side: plays a run in chunks (yielding between chunks, so every
 * message is handled at a step boundary), paces it to the requested speed (simulated ms per
 * wall-clock second; Infinity = as fast as possible), measures the speed reached, and runs an
 * advance to a goal step (advanceTo) as fast as possible, stopping exactly there.
 */
import type { AdvanceResult, Speed } from './simApi';

/** Wall-clock budget of one chunk (ms): short enough to keep messages flowing. */
const CHUNK_MS = 12;
/** Steps between clock checks inside a chunk. */
const CHECK_STEPS = 20;
/** Paced play counts as flat out (running as fast as it can) once it lags this far behind (wall-clock ms). */
const BEHIND_MS = 50;

export interface HostClock {
  now(): number;
  /** Schedules fn as a new task after at least `ms` (0: as soon as possible). */
  later(fn: () => void, ms: number): void;
}

/**
 * What the loop drives: the run's step counter, its step length and a way to run n steps (false:
 * it failed and stopped); `flatOut`: the loop runs them as fast as it can (an advance, unpaced
 * speed, or paced play that has fallen behind).
 */
export interface LoopTarget {
  step(): number;
  dtMs(): number;
  advance(n: number, flatOut: boolean): boolean;
}

export class PlayLoop {
  private running = false;
  private scheduled = false;
  private speedNow: Speed = 1000;
  /** Pacing anchor: wall time and step when playing (re)started or speed changed. */
  private anchorWall = 0;
  private anchorStep = 0;
  private rtWindow: { wall: number; step: number }[] = [];
  /** Step an advance runs to; null: none. */
  private goalStep: number | null = null;
  private goalDone: ((r: AdvanceResult) => void) | null = null;

  constructor(private readonly clock: HostClock, private readonly run: LoopTarget) {}

  get playing(): boolean {
    return this.running;
  }

  get goal(): number | null {
    return this.goalStep;
  }

  /** Plays at the chosen speed (ends an advance under way). */
  play(): void {
    this.endGoal();
    this.running = true;
    this.anchor();
    this.schedule(0);
  }

  /** Stops playing or advancing (an advance under way resolves as not reached). */
  stop(): void {
    this.running = false;
    this.endGoal();
  }

  /** Runs as fast as possible to `goal` (beyond the current step), paused there; resolves when it gets there or is stopped. */
  advanceTo(goal: number): Promise<AdvanceResult> {
    this.stop();
    if (goal <= this.run.step()) return Promise.resolve({ step: this.run.step(), reached: goal === this.run.step() });
    this.goalStep = goal;
    this.running = true;
    this.anchor();
    const done = new Promise<AdvanceResult>((resolve) => (this.goalDone = resolve));
    this.schedule(0);
    return done;
  }

  setSpeed(speed: Speed): void {
    this.speedNow = speed;
    this.anchor();
  }

  /** Simulated ms per wall-clock ms over the last second of running (0 when paused or unknown). */
  realtimeFactor(): number {
    const w = this.rtWindow;
    if (!this.running || w.length < 2) return 0;
    const a = w[0], b = w[w.length - 1];
    if (b.wall <= a.wall) return 0;
    return ((b.step - a.step) * this.run.dtMs()) / (b.wall - a.wall);
  }

  private anchor(): void {
    this.anchorWall = this.clock.now();
    this.anchorStep = this.run.step();
    this.rtWindow = [];
  }

  private schedule(ms: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.later(() => {
      this.scheduled = false;
      this.tick();
    }, ms);
  }

  /** One chunk: run towards the paced target (or the goal) within the chunk budget, then yield. */
  private tick(): void {
    if (!this.running) return;
    const dt = this.run.dtMs();
    const start = this.clock.now();
    const speed = this.speedNow;
    // An advance to a goal runs as fast as possible and stops exactly there.
    const paced = Number.isFinite(speed) && this.goalStep === null;
    let target = this.goalStep ?? (paced ? this.anchorStep + Math.floor(((start - this.anchorWall) * speed) / 1000 / dt) : Infinity);
    // When the machine cannot keep up, lag at most a quarter second of simulated time instead of
    // racing to catch up later.
    const maxLag = Math.ceil((0.25 * speed) / dt);
    if (paced && target - this.run.step() > maxLag) {
      this.anchorStep -= target - this.run.step() - maxLag;
      target = this.run.step() + maxLag;
    }
    let ran = false;
    const flatOut = !paced || ((target - this.run.step()) * dt * 1000) / speed > BEHIND_MS;
    while (this.run.step() < target && this.clock.now() - start < CHUNK_MS) {
      if (!this.run.advance(Math.min(CHECK_STEPS, target - this.run.step()), flatOut)) {
        this.stop();
        return;
      }
      ran = true;
    }
    this.noteRate();
    if (this.goalStep !== null && this.run.step() >= this.goalStep) return this.stop();
    this.schedule(ran ? 0 : 4);
  }

  private endGoal(): void {
    const done = this.goalDone, goal = this.goalStep;
    this.goalStep = null;
    this.goalDone = null;
    done?.({ step: this.run.step(), reached: this.run.step() === goal });
  }

  private noteRate(): void {
    const now = this.clock.now();
    this.rtWindow.push({ wall: now, step: this.run.step() });
    while (this.rtWindow.length > 2 && now - this.rtWindow[0].wall > 1000) this.rtWindow.shift();
  }
}
