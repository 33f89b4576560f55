import { describe, expect, it } from 'vitest';
import type { XYPlotSpec } from '../../workers/simApi';
import { layoutXY, marksInBox, type LegendEntry } from './xyLayout';

const measure = (t: string) => t.length * 7;
const entries = (spec: XYPlotSpec): LegendEntry[] => spec.series.map((s) => ({ label: s.label, color: '#000', style: s.style }));
const line = (label: string, x: number[], y: number[]) => ({ label, x, y, style: 'line' as const, color: 'exc' as const });

describe('layoutXY', () => {
  it('puts the legend in a corner the data leave empty (a rising curve leaves the top left)', () => {
    const xs = Array.from({ length: 50 }, (_, k) => k);
    const spec: XYPlotSpec = { id: 'a', title: '', xLabel: 'x (s)', yLabel: 'y (Hz)', series: [line('one', xs, xs.map((x) => x * x)), line('two', xs, xs.map((x) => x * x * 0.9))] };
    const lay = layoutXY(spec, 600, 400, 13, measure, entries(spec));
    expect(lay.legend?.mode).toBe('inside');
    expect(lay.legend!.box.x).toBeLessThan(300);
    expect(lay.legend!.box.y).toBeLessThan(200);
    expect(lay.legendHits).toBe(0);
  });

  it('moves the legend above the plot when every corner holds data', () => {
    const xs = Array.from({ length: 200 }, (_, k) => k);
    const spec: XYPlotSpec = { id: 'b', title: '', xLabel: 'x', yLabel: 'y', series: [line('sawtooth', xs, xs.map((x) => (x % 2 ? 1 : 0))), line('flat', xs, xs.map(() => 0.5))] };
    const lay = layoutXY(spec, 600, 400, 13, measure, entries(spec));
    expect(lay.legend?.mode).toBe('above');
    expect(lay.legend!.box.y + lay.legend!.box.h).toBeLessThanOrEqual(lay.top);
    expect(marksInBox(spec, lay.x, lay.y, { x: lay.left, y: lay.top, w: lay.right - lay.left, h: lay.bottom - lay.top })).toBeGreaterThan(0);
  });

  it('gives a one-neuron raster whole-number ticks only, and room for wide tick labels', () => {
    const spec: XYPlotSpec = { id: 'c', title: '', xLabel: 't (ms)', yLabel: 'neuron', series: [{ label: 's', x: [1, 2, 3], y: [0, 0, 0], style: 'ticks', color: 'exc' }] };
    const lay = layoutXY(spec, 600, 400, 13, measure, []);
    expect(lay.yTicks.every((t) => Number.isInteger(t.v))).toBe(true);
    const wide: XYPlotSpec = { id: 'd', title: '', xLabel: 'x', yLabel: 'y', series: [line('w', [0, 1], [-0.00061, 0.00052])] };
    const lw = layoutXY(wide, 600, 400, 13, measure, []);
    expect(lw.left).toBeGreaterThanOrEqual(Math.max(...lw.yTicks.map((t) => measure(t.label))) + 12);
  });
});

describe('log axes without positive data', () => {
  it('lays out (no endless decade loop) when a log chart has no data yet', () => {
    const spec: XYPlotSpec = { id: 'e', title: '', xLabel: 's', yLabel: 'P(s)', xLog: true, yLog: true, series: [{ label: 'a', x: [], y: [], style: 'points', color: 'data' }, { label: 'b', x: [0], y: [0], style: 'line', color: 'model' }] };
    const lay = layoutXY(spec, 400, 300, 13, measure, entries(spec));
    expect(lay.xTicks.length).toBeGreaterThan(0);
    expect(lay.yTicks.every((t) => t.v > 0)).toBe(true);
  });
});
