/**
 * Rewind and branch: exact checkpoints of a Session every few simulated seconds plus
 * deterministic replay between them. Seeking to step t restores the latest checkpoint at or
 * before t and replays the run's recorded changes up to t, so the state is bit-identical to the
 * original run at t (Session snapshots are exact for every experiment). A live change made
 * there discards the later recorded changes (Session.setParam) and, here, the checkpoints and
 * the "horizon" after it: the run has branched, and its configuration (initial parameters, the
 * changes up to t and the new one) reproduces the branch from step 0 like any link.
 *
 * Memory stays bounded: at most MAX_CHECKPOINTS and MAX_BYTES of snapshots. When either is
 * exceeded the spacing doubles and every other checkpoint goes (step 0 always stays), so a long
 * run keeps evenly spaced checkpoints and a rewind replays at most one spacing.
 */
import { SnapshotCloner } from './snapshotClone';
import type { Session, SessionSnapshot } from '../src-engine/run/session';

export const BASE_INTERVAL_MS = 1000;
export const MAX_CHECKPOINTS = 40;
export const MAX_BYTES = 96 * 1024 * 1024;

export interface TimelineInfo {
  /** The furthest step this branch of the run has reached (the timeline's end). */
  horizon: number;
  /** Steps of the checkpoints held, ascending (0 first). */
  checkpoints: number[];
  /** Steps between checkpoints now (grows when thinned). */
  intervalSteps: number;
  /** How many times the spacing doubled to stay within the limits. */
  thinned: number;
  /** Approximate memory the checkpoints use, and the limit (bytes). */
  bytes: number;
  maxBytes: number;
  maxCount: number;
  /** Step at which the run last branched off a rewound timeline (null: never). */
  branchStep: number | null;
}

interface Checkpoint {
  step: number;
  snap: SessionSnapshot;
  bytes: number;
}

/** Approximate size of a snapshot: typed arrays by their bytes, other values 8 bytes each. */
export function snapshotBytes(v: unknown): number {
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + snapshotBytes(x), 16);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + snapshotBytes(x), 16);
  return 8;
}

export class Timeline {
  private cps: Checkpoint[] = [];
  private interval: number;
  private readonly cloner = new SnapshotCloner();
  private thinned = 0;
  private horizon = 0;
  private branchStep: number | null = null;
  /** Bumped whenever info() would change, so frames carry it only then. */
  version = 0;

  constructor(private readonly session: Session, dtMs: number, private readonly maxCount = MAX_CHECKPOINTS, private readonly maxBytes = MAX_BYTES, intervalMs = BASE_INTERVAL_MS) {
    this.interval = Math.max(1, Math.round(intervalMs / dtMs));
    this.horizon = session.step;
    this.keep(session.step);
  }

  /** Runs n steps, stopping at each checkpoint boundary to record one. */
  advance(n: number): void {
    const s = this.session;
    const end = s.step + n;
    while (s.step < end) {
      const due = (Math.floor(s.step / this.interval) + 1) * this.interval;
      s.advance(Math.min(end, due) - s.step);
      if (s.step === due) this.keep(due);
    }
    if (s.step > this.horizon) {
      this.horizon = s.step;
      this.version++;
    }
  }

  /** Moves the run to `target` (clamped to [0, horizon]): replay forward, or restore + replay. */
  seek(target: number): number {
    const s = this.session;
    const t = Math.max(0, Math.min(Math.floor(target), this.horizon));
    if (t < s.step) {
      let cp = this.cps[0];
      for (const c of this.cps) if (c.step <= t) cp = c;
      // The checkpoint's recorded changes are a prefix of the run's; replay needs all of them.
      const events = s.toConfig().events;
      s.restore({ ...structuredClone(cp.snap), events });
    }
    this.advance(t - s.step);
    this.version++;
    return t;
  }

  /**
   * Call before a live change is made at the current step: if the run had been further along
   * this timeline, it branches here (later checkpoints and the old future are dropped).
   */
  beforeChange(): void {
    const step = this.session.step;
    if (step >= this.horizon) return;
    this.branchStep = step;
    this.horizon = step;
    this.cps = this.cps.filter((c) => c.step <= step);
    this.version++;
  }

  info(): TimelineInfo {
    return {
      horizon: this.horizon,
      checkpoints: this.cps.map((c) => c.step),
      intervalSteps: this.interval,
      thinned: this.thinned,
      bytes: this.cps.reduce((n, c) => n + c.bytes, 0),
      maxBytes: this.maxBytes,
      maxCount: this.maxCount,
      branchStep: this.branchStep,
    };
  }

  private keep(step: number): void {
    if (this.cps.some((c) => c.step === step)) return;
    // A deep copy: the run goes on mutating its arrays, and a restore may adopt the copy's
    // (restores clone a checkpoint again). Arrays a component hands out unchanged are shared.
    const snap = this.cloner.clone(this.session.snapshot());
    this.cps.push({ step, snap, bytes: snapshotBytes(snap) });
    this.cps.sort((a, b) => a.step - b.step);
    let bytes = this.cps.reduce((n, c) => n + c.bytes, 0);
    while (this.cps.length > 1 && (this.cps.length > this.maxCount || bytes > this.maxBytes)) {
      this.interval *= 2;
      this.thinned++;
      this.cps = this.cps.filter((c) => c.step % this.interval === 0);
      bytes = this.cps.reduce((n, c) => n + c.bytes, 0);
    }
    this.version++;
  }
}
