import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { LplSpikingKernel } from './lplSpikingKernel';

const bits = (a: Float64Array) => Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));

describe('spiking LPL WebAssembly kernel', () => {
  for (const [nPre, nPost, pConn] of [[1, 1, 1], [7, 3, 0.5], [250, 40, 0.2], [20, 1, 1]]) {
    it(`the per-synapse step equals the scalar loop bit for bit (${nPre} → ${nPost}, p = ${pConn}; spikes add δ, zero error and zero f′ included)`, () => {
      const rng = new Rng(nPre * 100 + nPost);
      const pre: number[] = [], ptr = [0];
      for (let i = 0; i < nPost; i++) {
        for (let j = 0; j < nPre; j++) if (rng.uniform() < pConn) pre.push(j);
        ptr.push(pre.length);
      }
      const k = new LplSpikingKernel(nPre, nPost, pre.length);
      k.postPtr.set(ptr);
      k.synPre.set(pre);
      const eD = new Float64Array(pre.length), eR = new Float64Array(pre.length), G = new Float64Array(pre.length);
      const aD = Math.exp(-0.01), aR = Math.exp(-0.05), delta = 1e-3;
      for (let step = 0; step < 20; step++) {
        for (let j = 0; j < nPre; j++) {
          k.p[j] = j % 6 === 1 ? 0 : rng.uniform();
          k.preS[j] = rng.uniform() < 0.1 ? 1 : 0;
        }
        for (let i = 0; i < nPost; i++) {
          k.fp[i] = i % 4 === 3 ? 0 : rng.uniform();
          k.ebar[i] = i % 5 === 2 ? 0 : rng.normal() * 1e-3;
        }
        k.step(aD, aR, delta);
        for (let i = 0; i < nPost; i++) for (let q = ptr[i]; q < ptr[i + 1]; q++) {
          const j = pre[q];
          const inp = 1 * k.p[j] * k.fp[i];
          const d = eD[q] * aD + inp;
          const r = eR[q] * aR + inp;
          eD[q] = d;
          eR[q] = r;
          G[q] += (d - r) * k.ebar[i] + (k.preS[j] ? delta : 0);
        }
      }
      expect(bits(k.eD)).toEqual(bits(eD));
      expect(bits(k.eR)).toEqual(bits(eR));
      expect(bits(k.G)).toEqual(bits(G));
      expect(G.some((x) => x !== 0)).toBe(true);
    });
  }
});
