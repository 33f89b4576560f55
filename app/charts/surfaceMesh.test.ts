import { describe, expect, it } from 'vitest';
import type { SurfacePlotSpec } from '../../workers/simApi';
import { fillSurface, fillTrajectory, surfaceIndex, surfacePoint, surfaceValueAt, viridis } from './surfaceMesh';

/** A 3 × 2 grid with values v(c, r) = c + 10 r. */
const spec: SurfacePlotSpec = {
  kind: 'surface', id: 's', title: '', width: 3, height: 2, values: new Float32Array([0, 1, 2, 10, 11, 12]), range: [0, 12],
  valueLabel: 'E', xLabel: 'a', yLabel: 'b', xExtent: [-1, 1], yExtent: [-1, 1],
  ball: { x: 1, y: 1, value: 11 }, trajectory: { x: [0, 2.5, -1], y: [0, 0.5, 3], value: [99, 99, 99] },
};

describe('surface mesh', () => {
  it('lays the grid on [−1, 1]² with height proportional to the value', () => {
    const pos = new Float32Array(18), col = new Float32Array(18);
    fillSurface(spec, pos, col);
    expect(Array.from(pos.subarray(0, 3))).toEqual([-1, 0, -1]);
    expect(pos[3 * 5]).toBe(1);
    expect(pos[3 * 5 + 2]).toBe(1);
    expect(pos[3 * 5 + 1]).toBeCloseTo(surfacePoint(spec, 2, 1, 12)[1]);
    // Colour follows the value: the lowest vertex is dark purple, the highest yellow.
    viridis(0).forEach((c, k) => expect(col[k]).toBeCloseTo(c, 6));
    expect(col[15]).toBeGreaterThan(0.9);
  });

  it('indexes two triangles per cell', () => {
    expect(Array.from(surfaceIndex(3, 2))).toEqual([0, 3, 1, 1, 3, 4, 1, 4, 2, 2, 4, 5]);
  });

  it('interpolates bilinearly, clamped to the grid', () => {
    expect(surfaceValueAt(spec, 0.5, 0.5)).toBeCloseTo(5.5);
    expect(surfaceValueAt(spec, 2, 1)).toBeCloseTo(12);
    expect(surfaceValueAt(spec, -4, 9)).toBeCloseTo(10);
  });

  it('draws the trajectory on the surface, not at its off-plane energies', () => {
    const out = new Float32Array(9);
    expect(fillTrajectory(spec, out, 0)).toBe(3);
    expect(out[1]).toBeCloseTo(surfacePoint(spec, 0, 0, 0)[1]);
    expect(out[4]).toBeCloseTo(surfacePoint(spec, 2.5, 0.5, 7)[1]);
  });
});
