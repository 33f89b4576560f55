/**
 * `?at=N` in a link opens the run paused at step N, so a researcher can send a reviewer "this
 * run at step N" (the fragment reproduces the run from step 0; the worker then runs it to N as
 * fast as it can, in chunks, showing progress; Pause stops it on the way).
 *
 * The value is untrusted. Only a whole number of steps is accepted (digits only, at most
 * MAX_DIGITS); anything else opens the run paused at step 0 with a message naming the value.
 * On opening, the page goes at most AT_MAX_RUNS times the experiment's default run length (the
 * CLI's default --steps) and says so when it caps: longer runs belong in the headless CLI.
 */
export const AT_MAX_RUNS = 10;
export const MAX_DIGITS = 12;

export interface AtRequest {
  /** Step to open at; null: the link has no ?at=. */
  step: number | null;
  /** What was wrong with the value (the run then opens paused at step 0); null: nothing. */
  message: string | null;
}

/** Reads the raw `at` query value (null when absent). */
export function parseAt(raw: string | null): AtRequest {
  if (raw === null) return { step: null, message: null };
  const text = raw.trim();
  if (new RegExp(`^[0-9]{1,${MAX_DIGITS}}$`).test(text)) return { step: Number(text), message: null };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return {
    step: 0,
    message: `The link's ?at= value “${shown}” is not a step number (a whole number of steps, 0 or more, at most ${MAX_DIGITS} digits); the run opened paused at step 0.`,
  };
}

/** What the page needs to know about the experiment to cap a step. */
export interface AtExperiment {
  id: string;
  mode: 'simulated' | 'computed';
  dt_ms: number;
  defaultSteps: number;
}

/** The step the page goes to for a request (capped), and the message to show when it differs from the request. */
export function capAt(step: number, exp: AtExperiment): { step: number; message: string | null } {
  if (exp.mode === 'computed') {
    return { step: 0, message: step > 0 ? `${exp.id} is computed directly from its parameters and has no steps to run; the link's ?at=${step} was ignored.` : null };
  }
  const max = AT_MAX_RUNS * exp.defaultSteps;
  if (step <= max) return { step, message: null };
  const n = (x: number) => x.toLocaleString('en');
  return {
    step: max,
    message:
      `The link asks for step ${n(step)}; on opening, this page runs at most ${n(max)} steps (${AT_MAX_RUNS} × ${exp.id}'s default run of ${n(exp.defaultSteps)} steps of ${exp.dt_ms} ms), ` +
      `so it goes to step ${n(max)}. Play on from there, or run the link further in the headless CLI (npm run sim -- --url LINK --steps ${step}).`,
  };
}
