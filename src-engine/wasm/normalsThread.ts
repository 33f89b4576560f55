/**
 * The helper thread's entry for one ring of normals (normalsRing.ts): instantiates the normals
 * module on the ring's shared memory and fills slots until the ring's stepping thread tells it to
 * stop. The environment's thread (workers/normals.worker.ts in the app, scripts/normalsThread.ts in
 * Node) calls this for each job it receives, one after another.
 */
import { serveNormals, type NormalsFn, type NormalsJob } from './normalsRing';
import { whiteNoiseNormals32SharedWasm } from './whiteNoiseNormals32.wasm';
import { instantiateOn } from './wasmApi';

export function serveNormalsJob(job: NormalsJob): void {
  serveNormals(job, instantiateOn(whiteNoiseNormals32SharedWasm, job.memory).normals as NormalsFn);
}
