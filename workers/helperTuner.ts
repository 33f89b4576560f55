/**
 * Decides, by measurement, whether the helper thread of the float32 white-noise groups
 * (src-engine/wasm/normalsHelper.ts) runs. It pays only if the simulation gets faster with it
 * after the page's own needs: on two cores a page that draws needs one of them, and there the
 * helper made the playing app slower (fokker-planck at full speed: 0.86× real time with it,
 * 1.3× without), while a worker the page leaves alone (the bench's timed runs, an advance)
 * runs about 1.5× as fast with it. Which thread computes what never changes a run's result, so
 * the choice is free to change at any step.
 *
 * Only stepping "flat out" is measured: an advance, or playing while behind the chosen speed.
 * There the tuner times a window of steps with the current choice, one with the other and one more
 * with the current (WINDOW_MS of stepping each, after SETTLE_MS for a switch to take effect, and
 * WARMUP_MS at the start and at the helper's first start, while V8 tiers the code up; the
 * two windows around the other cancel a steady drift of the machine's speed), and switches only
 * if the other took at most GAIN of the current's time per step. It holds a choice for HOLD_MS of
 * stepping (doubled each time the trial confirms it, up to MAX_HOLD_MS), then tries again: the
 * load on the machine may have changed. Stepping that keeps up with the chosen speed gets no
 * helper (the page keeps the spare CPU); after IDLE_MS of wall-clock time without flat-out
 * stepping the helper is turned off and the next flat-out stretch starts with a trial.
 */

export const WINDOW_MS = 300;
export const SETTLE_MS = 100;
/** Settling before the first window, and after the helper's first start: compilation warms up (V8 tiers WebAssembly up while it runs). */
export const WARMUP_MS = 500;
export const GAIN = 0.9;
export const HOLD_MS = 5000;
export const MAX_HOLD_MS = 60_000;
export const IDLE_MS = 2000;

/** What the tuner switches (the engine's helper switch, and whether a group asks for it). */
export interface HelperSwitch {
  wanted(): boolean;
  set(on: boolean): void;
}

type Phase = 'first' | 'second' | 'third' | 'hold';
export type HelperMode = 'auto' | 'on' | 'off';

export class HelperTuner {
  /** The current choice; the app starts on one thread, and the first flat-out stretch tries both. */
  private on = false;
  private synced = false;
  private phase: Phase = 'first';
  /** The choice measured in the trial's first window (the second window measures the other). */
  private firstOn = false;
  private firstMs = 0;
  private firstSteps = 0;
  private otherPerStep = 0;
  /** Stepping time (ms) and steps in the current phase, counted after its settling time. */
  private ms = 0;
  private steps = 0;
  private settle = WARMUP_MS;
  private helperWarm = false;
  private hold = HOLD_MS;
  private lastFlatOut = -Infinity;
  /** Trials completed (for tests and reports). */
  trials = 0;
  /** 'auto': decided by trials; 'on' / 'off': forced (SimApi.setHelperMode, for the bench and tests). */
  private mode: HelperMode = 'auto';

  constructor(private readonly sw: HelperSwitch) {}

  /** Threads the white-noise update runs on now: 2 with the helper, 1 without it or when no group asks. */
  get threads(): 1 | 2 {
    return this.on && this.sw.wanted() ? 2 : 1;
  }

  /** Whether record() wants timings now (a group asks for the helper and the mode is 'auto'). */
  get active(): boolean {
    return this.mode === 'auto' && this.sw.wanted();
  }

  setMode(mode: HelperMode): void {
    this.mode = mode;
    this.synced = true;
    this.switchTo(mode === 'on', 0);
    this.startTrial();
    this.lastFlatOut = -Infinity;
  }

  /**
   * Records `steps` steps that took `ms` ms of wall-clock time, ending at wall time `now` (ms);
   * `flatOut`: the caller ran them as fast as it could (an advance, or behind the chosen speed).
   */
  record(steps: number, ms: number, flatOut: boolean, now: number): void {
    if (this.mode !== 'auto' || !this.sw.wanted()) return;
    if (!this.synced) {
      this.sw.set(this.on);
      this.synced = true;
    }
    if (!flatOut) {
      if (now - this.lastFlatOut > IDLE_MS) {
        // Keeping up without trying: the page keeps the spare CPU; the next flat-out stretch starts with a trial.
        this.switchTo(false, 0);
        this.startTrial();
      }
      return;
    }
    this.lastFlatOut = now;
    if (this.settle > 0) {
      this.settle -= ms;
      return;
    }
    this.ms += ms;
    this.steps += steps;
    if (this.phase === 'hold') {
      if (this.ms >= this.hold) this.startTrial();
      return;
    }
    if (this.ms < WINDOW_MS) return;
    if (this.phase === 'first') {
      this.firstMs = this.ms;
      this.firstSteps = this.steps;
      this.phase = 'second';
      this.switchTo(!this.firstOn, SETTLE_MS);
      return;
    }
    if (this.phase === 'second') {
      this.otherPerStep = this.ms / this.steps;
      this.phase = 'third';
      this.switchTo(this.firstOn, SETTLE_MS);
      return;
    }
    // The held choice measured before and after the other (a steady drift of the machine's speed cancels).
    const heldPerStep = (this.firstMs + this.ms) / (this.firstSteps + this.steps);
    // Switch only for a clear gain, either way (noise must not flip a good choice).
    const choice = this.otherPerStep <= GAIN * heldPerStep ? !this.firstOn : this.firstOn;
    this.trials++;
    // A trial that confirms the choice held before it lengthens the next hold.
    this.hold = choice === this.firstOn ? Math.min(MAX_HOLD_MS, 2 * this.hold) : HOLD_MS;
    this.phase = 'hold';
    this.switchTo(choice, choice === this.on ? 0 : SETTLE_MS);
  }

  /** The next window measures the current choice (no switch, so no settling). */
  private startTrial(): void {
    this.phase = 'first';
    this.firstOn = this.on;
    this.ms = 0;
    this.steps = 0;
  }

  private switchTo(on: boolean, settle: number): void {
    if (on !== this.on) {
      this.on = on;
      this.sw.set(on);
      if (on && !this.helperWarm) {
        this.helperWarm = true;
        settle = Math.max(settle, WARMUP_MS);
      }
    }
    this.ms = 0;
    this.steps = 0;
    this.settle = settle;
  }
}
