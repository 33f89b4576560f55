import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { FrameSequence, SEQUENCE_KINDS } from './frameSequences';
import { getImageSet } from './imageSet';

function stream(kind: (typeof SEQUENCE_KINDS)[number], seed: number, length = 5) {
  const images = kind === 'mnist' ? getImageSet('mnist') : undefined;
  return { s: new FrameSequence({ kind, size: 16, length, images }, new Rng(99)), rng: new Rng(seed) };
}

describe('image-sequence inputs', () => {
  it('the MNIST image set is class-balanced 28×28 digits with pixels in 0–255', () => {
    const set = getImageSet('mnist');
    expect(set.width).toBe(28);
    expect(set.count).toBeGreaterThanOrEqual(2000);
    const counts = new Array(10).fill(0);
    for (const l of set.labels) counts[l]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBe(0);
  });

  for (const kind of SEQUENCE_KINDS) {
    it(`${kind}: deterministic for a seed, frames in [0, 1], one identity per sequence`, () => {
      const a = stream(kind, 7), b = stream(kind, 7), c = stream(kind, 8);
      const fa: number[] = [], fb: number[] = [], fc: number[] = [];
      let seq = -1, label = -1;
      for (let n = 0; n < 40; n++) {
        a.s.next(a.rng);
        b.s.next(b.rng);
        c.s.next(c.rng);
        fa.push(...a.s.frame);
        fb.push(...b.s.frame);
        fc.push(...c.s.frame);
        for (const v of a.s.frame) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        if (a.s.sequenceIndex === seq) expect(a.s.label).toBe(label);
        else expect(a.s.position).toBe(0);
        seq = a.s.sequenceIndex;
        label = a.s.label;
      }
      expect(a.s.sequenceIndex).toBe(7); // 40 frames of 5
      expect(fb).toEqual(fa);
      expect(fc).not.toEqual(fa);
      expect(fa.some((v) => v > 0.5)).toBe(true);
    });
  }

  it('consecutive frames of a sequence are more alike than frames of different sequences', () => {
    for (const kind of SEQUENCE_KINDS) {
      const { s, rng } = stream(kind, 3, 6);
      let within = 0, nw = 0, between = 0, nb = 0;
      let prev: Float32Array | null = null, prevSeq = -1;
      for (let n = 0; n < 600; n++) {
        s.next(rng);
        if (prev) {
          let d = 0, na = 0, nb2 = 0;
          for (let k = 0; k < prev.length; k++) {
            d += prev[k] * s.frame[k];
            na += prev[k] ** 2;
            nb2 += s.frame[k] ** 2;
          }
          const cos = d / Math.sqrt(na * nb2 + 1e-12);
          if (s.sequenceIndex === prevSeq) {
            within += cos;
            nw++;
          } else {
            between += cos;
            nb++;
          }
        }
        prev = s.frame.slice();
        prevSeq = s.sequenceIndex;
      }
      expect(within / nw).toBeGreaterThan(between / nb);
    }
  });
});
