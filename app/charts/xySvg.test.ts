import { describe, expect, it } from 'vitest';
import { renderXYSvg } from './xySvg';

describe('renderXYSvg', () => {
  it('draws log-log data on log axes: decades are evenly spaced and non-positive values are left out', () => {
    const svg = renderXYSvg(
      { id: 'a', title: 'avalanches', xLabel: 's', yLabel: 'P', xLog: true, yLog: true, series: [{ label: 'P', x: [1, 10, 100, 1000], y: [1e-1, 1e-2, 1e-3, 0], style: 'points', color: 'data' }] },
      { width: 600, height: 400 },
    );
    const cy = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(cy).toHaveLength(3);
    expect(Math.abs(cy[1] - cy[0] - (cy[2] - cy[1]))).toBeLessThan(0.5);
    expect(cy[1]).toBeGreaterThan(cy[0]);
  });
});
