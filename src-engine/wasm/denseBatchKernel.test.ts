import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { batchForward, pairCosineSums } from './denseBatchKernel';

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));

describe('dense batch WebAssembly kernel', () => {
  for (const [E, N, M] of [[1, 1, 1], [3, 5, 2], [4, 7, 3], [5, 13, 9], [6, 784, 17], [20, 33, 64]]) {
    it(`forward: every sample's sums equal the scalar loop bit for bit (E = ${E}, N = ${N}, M = ${M}: blocks of 8, pairs and an odd unit)`, () => {
      const rng = new Rng(E * 100 + M);
      const W = Float32Array.from({ length: M * N }, () => (rng.uniform() - 0.5) * 10 ** (rng.int(5) - 2));
      const X = Float32Array.from({ length: E * N }, (_, q) => (q % 9 === 4 ? 0 : rng.uniform() - 0.3));
      const S = new Float64Array(E * M);
      batchForward(W, N, M, X, E, S);
      const ref = new Float64Array(E * M);
      for (let e = 0; e < E; e++) for (let i = 0; i < M; i++) {
        let s = 0;
        for (let j = 0; j < N; j++) s += W[i * N + j] * X[e * N + j];
        ref[e * M + i] = s;
      }
      expect(bits(S)).toEqual(bits(ref));
    });
  }

  for (const [E, M] of [[1, 1], [2, 3], [9, 1], [17, 5], [40, 16], [203, 64]]) {
    it(`pairCosine: the within/between sums and counts equal the scalar pair loop bit for bit (E = ${E}, M = ${M}, zero-norm samples skipped)`, () => {
      const rng = new Rng(E * 7 + M);
      const C = Float64Array.from({ length: E * M }, () => rng.normal());
      for (let e = 2; e < E; e += 5) C.fill(0, e * M, (e + 1) * M); // zero rows: norm < 1e−12, skipped
      const norm = new Float64Array(E);
      for (let e = 0; e < E; e++) {
        let s = 0;
        for (let i = 0; i < M; i++) s += C[e * M + i] ** 2;
        norm[e] = Math.sqrt(s);
      }
      const seq = Int32Array.from({ length: E }, (_, e) => Math.floor(e / 4));
      let within = 0, nw = 0, between = 0, nb = 0;
      for (let a = 0; a < E; a++) for (let b = a + 1; b < E; b++) {
        if (norm[a] < 1e-12 || norm[b] < 1e-12) continue;
        let dot = 0;
        for (let i = 0; i < M; i++) dot += C[a * M + i] * C[b * M + i];
        const cos = dot / (norm[a] * norm[b]);
        if (seq[a] === seq[b]) {
          within += cos;
          nw++;
        } else {
          between += cos;
          nb++;
        }
      }
      const r = pairCosineSums(C, norm, seq, E, M);
      expect([r.within, r.nWithin, r.between, r.nBetween]).toEqual([within, nw, between, nb]);
      if (E > 8) expect(nw * nb).toBeGreaterThan(0);
    });
  }
});
