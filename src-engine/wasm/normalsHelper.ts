/**
 * The helper thread that fills the float32 white-noise groups' rings of normals ahead
 * (normalsRing.ts). The engine has no threads of its own: the environment installs a host that
 * runs serveNormals on another thread (the app's simulation worker: workers/normalsThread.ts;
 * Node: scripts/nodeNormalsHelper.ts). One helper serves one ring at a time, the last one that
 * asked; a ring it leaves is filled by its own stepping thread. Which thread fills a slot never
 * changes its deviates, so a run is the same with or without the helper.
 */
import type { NormalsJob, NormalsRing } from './normalsRing';

/** Runs serveNormals(job) on the helper thread, after the job it serves now has stopped. */
export interface NormalsHelperHost {
  serve(job: NormalsJob): void;
}

let host: NormalsHelperHost | null = null;
let served: NormalsRing | null = null;

/** Installs (or, with null, removes) the environment's helper. */
export function installNormalsHelper(h: NormalsHelperHost | null): void {
  served?.stop();
  served = null;
  host = h;
}

/** Whether a helper is installed. */
export function normalsHelperInstalled(): boolean {
  return host !== null;
}

/** Hands `ring` to the helper (which leaves the ring it served); false without a helper or shared memory. */
export function askNormalsHelper(ring: NormalsRing): boolean {
  const shared = typeof SharedArrayBuffer === 'function' && ring.job.memory.buffer instanceof SharedArrayBuffer;
  if (!host || !shared) return false;
  if (served === ring) return true;
  served?.stop();
  served = ring;
  host.serve(ring.job);
  return true;
}
