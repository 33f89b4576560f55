import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { DenseWeights } from './weightUpdateKernel';

describe('weight update WebAssembly kernel', () => {
  for (const [rows, cols] of [[1, 1], [2, 3], [3, 4], [5, 7], [64, 784], [16, 169]]) {
    it(`W ← f32(W·decay + g_r·x_c) equals the scalar Float32Array loop bit for bit (${rows} × ${cols}, SIMD quads and the scalar tail)`, () => {
      const rng = new Rng(rows * 1000 + cols);
      const k = new DenseWeights(rows, cols);
      const ref = new Float32Array(rows * cols);
      for (let q = 0; q < ref.length; q++) ref[q] = (rng.uniform() - 0.5) * 10 ** (rng.int(6) - 3);
      k.W.set(ref);
      for (let step = 0; step < 5; step++) {
        const decay = 1 - 0.002 * 0.05 * (step + 1);
        for (let c = 0; c < cols; c++) k.x[c] = c % 5 === 2 ? 0 : rng.normal();
        for (let r = 0; r < rows; r++) k.g[r] = (rng.uniform() - 0.5) * 10 ** (rng.int(5) - 4);
        k.decayAdd(decay);
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) ref[r * cols + c] = ref[r * cols + c] * decay + k.g[r] * k.x[c];
      }
      expect(Array.from(new Uint32Array(k.W.buffer, k.W.byteOffset, k.W.length))).toEqual(Array.from(new Uint32Array(ref.buffer)));
    });
  }
});
