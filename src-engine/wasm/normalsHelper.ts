/**
 * The helper thread of the float32 white-noise groups: it fills their rings of normals ahead
 * (normalsRing.ts) and runs blocks of each step's update (blockUpdate.ts). The engine has no threads of its own: the environment installs a host that
 * runs serveNormalsJob on another thread (the app's simulation worker: workers/normalsThread.ts;
 * Node: scripts/nodeNormalsHelper.ts). One helper serves one group at a time, the last one that
 * asked; a group it leaves fills its ring and runs its blocks itself. Which thread fills a slot or
 * runs a block never changes the result, so a run is the same with or without the helper.
 */
import type { UpdateJob } from './blockUpdate';
import type { NormalsJob, NormalsRing } from './normalsRing';

/** What the helper serves: a group's ring of normals and, with it, the blocks of its update; `token` from ring.serveToken(). */
export interface HelperJob {
  readonly ring: NormalsJob;
  readonly update: UpdateJob | null;
  readonly token: number;
}

/** Runs serveNormalsJob(job) (normalsThread.ts) on the helper thread, after the job it serves now has stopped. */
export interface NormalsHelperHost {
  serve(job: HelperJob): void;
  /** Optional: get the thread ready (a group asks while the helper is off; it may be turned on soon). */
  prepare?(): void;
}

let host: NormalsHelperHost | null = null;
let enabled = true;
let served: NormalsRing | null = null;
/** The group that asked last (it may be served, or wait for the helper to be enabled). */
let asked: WeakRef<NormalsRing> | null = null;
const updates = new WeakMap<NormalsRing, UpdateJob | null>();

/** Installs (or, with null, removes) the environment's helper. */
export function installNormalsHelper(h: NormalsHelperHost | null): void {
  served?.stop();
  served = null;
  host = h;
}

/**
 * Turns the helper off (the group it serves goes on alone) or on again (it serves the group that
 * asked last). The app's simulation worker does this by measurement (workers/helperTuner.ts);
 * the result of a run never depends on it.
 */
export function setNormalsHelperEnabled(on: boolean): void {
  if (on === enabled) return;
  enabled = on;
  if (!on) {
    served?.stop();
    served = null;
    return;
  }
  const ring = asked?.deref();
  if (ring) askNormalsHelper(ring, updates.get(ring) ?? null);
}

/** Forgets the group that asked (its run is being replaced): the helper leaves it, and normalsHelperWanted() is false until a group asks again. */
export function releaseNormalsHelper(): void {
  served?.stop();
  served = null;
  asked = null;
}

/** Whether a group is asking for the helper now (installed, memory shared): only then does turning it on or off matter. */
export function normalsHelperWanted(): boolean {
  return host !== null && asked?.deref() !== undefined;
}

/** Hands `ring` (and the update's blocks) to the helper, which leaves the ring it served; false without a helper or shared memory, or while it is off. */
export function askNormalsHelper(ring: NormalsRing, update: UpdateJob | null): boolean {
  const shared = typeof SharedArrayBuffer === 'function' && ring.job.memory.buffer instanceof SharedArrayBuffer;
  if (!host || !shared) return false;
  if (asked?.deref() !== ring) asked = new WeakRef(ring);
  updates.set(ring, update);
  if (!enabled) {
    host.prepare?.();
    return false;
  }
  if (served === ring) return true;
  served?.stop();
  served = ring;
  host.serve({ ring: ring.job, update, token: ring.serveToken() });
  return true;
}
