/**
 * Which neurons the raster shows: all, an evenly spaced sample of n (every layer keeps its
 * share), or an id range. A selection maps global ids to display rows (−1: not shown) and
 * comes with the matching layer table, so the raster renderer draws the subset unchanged.
 */
import type { RasterLayer, RasterSelection, RunInfo } from '../../workers/simApi';
import type { SpikeWindow } from './spikeWindow';

export interface NeuronSelection {
  /** Display row of each global id, −1 when hidden. */
  row: Int32Array;
  /** RunInfo with neurons and layers of the shown subset (rows renumbered from 0). */
  info: RunInfo;
  shown: number;
}

/** Evenly spaced ids: ⌊(k + ½)·N/n⌋ for k < n. */
export function sampleIds(total: number, n: number): Int32Array {
  const m = Math.max(0, Math.min(total, Math.floor(n)));
  const ids = new Int32Array(m);
  for (let k = 0; k < m; k++) ids[k] = Math.floor(((k + 0.5) * total) / m);
  return ids;
}

export function selectNeurons(info: RunInfo, sel: RasterSelection): NeuronSelection {
  const N = info.neurons;
  const row = new Int32Array(N).fill(-1);
  let ids: Int32Array;
  if (sel.mode === 'sample') ids = sampleIds(N, sel.n);
  else if (sel.mode === 'range') {
    const from = Math.max(0, Math.min(N, sel.from)), to = Math.max(from, Math.min(N, sel.to));
    ids = Int32Array.from({ length: to - from }, (_, k) => from + k);
  } else ids = Int32Array.from({ length: N }, (_, k) => k);
  ids.forEach((id, r) => (row[id] = r));
  const layers: RasterLayer[] = [];
  for (const l of info.layers) {
    let start = -1, count = 0;
    for (let id = l.start; id < l.start + l.count; id++) {
      if (row[id] < 0) continue;
      if (start < 0) start = row[id];
      count++;
    }
    if (count > 0) layers.push({ ...l, start, count });
  }
  return { row, info: { ...info, neurons: ids.length, layers }, shown: ids.length };
}

/**
 * A SpikeWindow view that renumbers ids to display rows and skips hidden neurons, without
 * copying: everything else (total, steps, lastStep…) reads through to the source window.
 */
export function selectedSpikes(src: SpikeWindow, row: Int32Array): SpikeWindow {
  const view = Object.create(src) as SpikeWindow;
  view.forEachSince = (fromStep, visit) =>
    src.forEachSince(fromStep, (step, id) => {
      const r = id >= 0 && id < row.length ? row[id] : -1;
      if (r >= 0) visit(step, r);
    });
  return view;
}
