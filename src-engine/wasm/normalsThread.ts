/**
 * The helper thread's entry for one float32 white-noise group (normalsHelper.ts): instantiates
 * the normals module and the update module on the group's shared memory, then fills the ring of
 * normals ahead and runs the blocks of each published step it can claim, until the group's
 * stepping thread tells it to stop. The environment's thread (workers/normals.worker.ts in the app,
 * scripts/normalsThread.ts in Node) calls this for each job it receives, one after another.
 */
import { UpdateHelper, type IntegrateFn } from './blockUpdate';
import type { HelperJob } from './normalsHelper';
import { serveNormals, type NormalsFn } from './normalsRing';
import { whiteNoiseLif32KernelSharedWasm } from './whiteNoiseLif32Kernel.wasm';
import { whiteNoiseNormals32SharedWasm } from './whiteNoiseNormals32.wasm';
import { compileOnce, instantiateOn } from './wasmApi';

/** Compiles the helper's modules ahead of its first job (a thread started before it is needed starts warm). */
export function compileNormalsThread(): void {
  compileOnce(whiteNoiseNormals32SharedWasm);
  compileOnce(whiteNoiseLif32KernelSharedWasm);
}

export function serveNormalsJob(job: HelperJob): void {
  const memory = job.ring.memory;
  const normals = instantiateOn(whiteNoiseNormals32SharedWasm, memory).normals as NormalsFn;
  let help: UpdateHelper | null = null;
  if (job.update) {
    const update = instantiateOn(whiteNoiseLif32KernelSharedWasm, memory);
    (update.useTable as (k: number) => void)(job.ring.constants);
    help = new UpdateHelper(job.update, memory.buffer, update.integrate as IntegrateFn);
  }
  serveNormals(job.ring, job.token, normals, help);
}
