/**
 * Lessons are typed data: text with inline references to controls, plots and measurements,
 * KaTeX equations, "try this" steps that set parameters with one click, and questions.
 * Inline markup in text: {param:key}, {plot:id}, {metric:key} (optionally {param:key|shown text})
 * become links that highlight the named control, chart or measurement; $…$ is inline math.
 * Every reference is checked against the experiment registry by lessons.test.ts.
 */

/** What a step changes, in a form a test can check after the step is applied. */
export interface StepExpectation {
  /** A measurement (data-testid metric-<key>) or an experiment chart's largest |value| (plot-canvas-<id> data-peak). */
  readonly metric?: string;
  readonly plot?: string;
  /** Relative to the value just before the step: rises above factor × before (default 1.1) or falls below factor × before (default 0.9). */
  readonly change?: 'rise' | 'fall';
  readonly factor?: number;
  /** Absolute bounds reached after the step (used when a step opens another experiment). */
  readonly above?: number;
  readonly below?: number;
  /** A measurement shown as text (e.g. "false"). */
  readonly equals?: string;
  /**
   * Judge only once this measurement has passed a value, for slow effects that then persist (the
   * run goes on meanwhile, so the expectation must keep holding after the gate).
   */
  readonly when?: { readonly metric: string; readonly above: number };
  /**
   * Judge at exactly this simulated time (ms) of the step's run, for an effect that does not last
   * (e.g. "after 40 trials the loss is still high"): the walkthrough pauses and rewinds to this
   * time, so the value is read at the same point of the same run on every machine.
   */
  readonly atMs?: number;
}

export interface LessonStep {
  /** Button text, imperative ("Switch to the triplet rule"). */
  readonly label: string;
  /** Open this experiment afresh (its defaults plus `set`); otherwise the step acts on the running one. */
  readonly experiment?: string;
  /** Parameter values to set. */
  readonly set: Readonly<Record<string, number>>;
  /** Simulation speed (simulated ms per wall-clock second) to use, for effects that take simulated time. */
  readonly speed?: number;
  /** What to look for, in words (inline markup allowed). */
  readonly lookFor: string;
  readonly expect: StepExpectation;
}

export interface LessonQuestion {
  readonly question: string;
  /** What a careful experiment shows (hidden until the student asks). */
  readonly answer: string;
}

/** A block of lesson text: a paragraph (inline markup allowed), a displayed equation, or a heading. */
export type LessonBlock = { readonly p: string } | { readonly eq: string } | { readonly h: string };

export interface Lesson {
  readonly id: string;
  readonly title: string;
  /** The model family in one line (gallery card). */
  readonly blurb: string;
  /** The experiment the lesson opens first, with these parameter changes from its defaults. */
  readonly experiment: string;
  readonly params?: Readonly<Record<string, number>>;
  readonly seed?: number;
  readonly speed?: number;
  readonly intro: readonly LessonBlock[];
  readonly steps: readonly LessonStep[];
  readonly questions: readonly LessonQuestion[];
  /** Closing notes (caveats, where a source is wrong). */
  readonly notes?: readonly LessonBlock[];
}

/** A gallery card: an experiment with a parameter set and a seed, and a thumbnail made from a real run. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly blurb: string;
  readonly experiment: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number>>;
  /** How the thumbnail (public/thumbnails/<id>.png) is made: which chart, after how many steps. */
  readonly thumbnail: { readonly plot: string; readonly steps: number };
}
