import { afterEach, describe, expect, it } from 'vitest';
import type { XYPlotSpec } from '../../workers/simApi';
import { captureReference, clearReference, currentReference, withReference } from './compare';

const spec = (y: number[]): XYPlotSpec => ({ id: 'w', title: 'W', xLabel: 'x', yLabel: 'y', series: [{ label: 'model', x: [0, 1, 2], y, style: 'line', color: 'model' }] });

describe('compare runs', () => {
  afterEach(clearReference);

  it('the charts before a change are drawn faded under the new ones', () => {
    captureReference([spec([1, 2, 3])], 'λ: 1 → 0', 'lambda', 0);
    const shown = withReference(spec([3, 2, 1]));
    expect(shown.series.map((s) => [s.label, s.color, s.style, s.y])).toEqual([
      ['model (before)', 'muted', 'dashed', [1, 2, 3]],
      ['model', 'model', 'line', [3, 2, 1]],
    ]);
    expect(withReference({ ...spec([0, 0, 0]), id: 'other' }).series).toHaveLength(1);
  });

  it('one slider drag keeps its first "before"; a later change takes a new one', () => {
    captureReference([spec([1, 1, 1])], 'λ: 1 → 0.9', 'lambda', 0);
    captureReference([spec([2, 2, 2])], 'λ: 0.9 → 0.5', 'lambda', 500);
    expect(currentReference()?.note).toBe('λ: 1 → 0.5');
    expect(withReference(spec([9, 9, 9])).series[0].y).toEqual([1, 1, 1]);
    captureReference([spec([5, 5, 5])], 'λ: 0.5 → 0', 'lambda', 5000);
    expect(withReference(spec([9, 9, 9])).series[0].y).toEqual([5, 5, 5]);
  });
});
