/** The app's single handle on the simulation worker (Comlink-wrapped SimApi). */
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../workers/simApi';

let api: Remote<SimApi> | null = null;

export function sim(): Remote<SimApi> {
  if (!api) {
    const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    api = wrap<SimApi>(worker);
  }
  return api;
}
