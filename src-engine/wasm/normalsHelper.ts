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

/** What the helper serves: a group's ring of normals and, with it, the blocks of its update. */
export interface HelperJob {
  readonly ring: NormalsJob;
  readonly update: UpdateJob | null;
}

/** Runs serveNormalsJob(job) (normalsThread.ts) on the helper thread, after the job it serves now has stopped. */
export interface NormalsHelperHost {
  serve(job: HelperJob): void;
}

let host: NormalsHelperHost | null = null;
let served: NormalsRing | null = null;

/** Installs (or, with null, removes) the environment's helper. */
export function installNormalsHelper(h: NormalsHelperHost | null): void {
  served?.stop();
  served = null;
  host = h;
}

/** Hands `ring` (and the update's blocks) to the helper, which leaves the ring it served; false without a helper or shared memory. */
export function askNormalsHelper(ring: NormalsRing, update: UpdateJob | null): boolean {
  const shared = typeof SharedArrayBuffer === 'function' && ring.job.memory.buffer instanceof SharedArrayBuffer;
  if (!host || !shared) return false;
  if (served === ring) return true;
  served?.stop();
  served = ring;
  host.serve({ ring: ring.job, update });
  return true;
}
