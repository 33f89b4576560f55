/**
 * Node-side provider of the image sets an experiment needs (CLI, benchmark, unit tests); each set
 * is read from public/data/<name>.bin by nodeImageSets.ts.
 */
import { findExperiment } from '../src-engine/experiments/registry';
import type { ParamValues } from '../src-engine/experiments/types';
import { loadImageSetFromDisk } from './nodeImageSets';

export { loadImageSetFromDisk };

/** Loads every image set experiment `id` needs with these parameters. */
export function ensureDatasets(id: string, params: ParamValues): void {
  for (const name of findExperiment(id)?.datasets?.(params) ?? []) loadImageSetFromDisk(name);
}
