/**
 * The app's single handle on the simulation worker (Comlink-wrapped SimApi). If the worker dies
 * (an uncaught error, or it stops answering), restartSim() replaces it; the store then rebuilds
 * the run from the configuration it kept (store/recovery.ts).
 */
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../workers/simApi';

let worker: Worker | null = null;
let api: Remote<SimApi> | null = null;
let onCrash: ((reason: string) => void) | null = null;

export function sim(): Remote<SimApi> {
  if (!api) {
    worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    worker.addEventListener('error', (e) => onCrash?.(e.message || 'worker error'));
    api = wrap<SimApi>(worker);
    // `npm run bench -- --browser` (bench/browserRun.ts) drives the same worker: with ?bench=1 the
    // handle is reachable from the page. Nothing else reads it.
    if (new URLSearchParams(location.search).has('bench')) (globalThis as { __simBench?: unknown }).__simBench = api;
  }
  return api;
}

/** Called when the worker reports an uncaught error. */
export function onWorkerCrash(fn: (reason: string) => void): void {
  onCrash = fn;
}

/** Terminates the current worker; the next sim() call starts a fresh one. */
export function restartSim(): void {
  worker?.terminate();
  worker = null;
  api = null;
}
