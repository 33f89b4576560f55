/**
 * Spike trains in the layout of an NWB Units table: spikes (step, neuron id) in recording order
 * regrouped by neuron with a counting sort (O(neurons + spikes), stable, so each train stays in
 * time order). spike_times (s) = step · dt; index[i] = one past the last spike of neuron i
 * (NWB's spike_times_index, a VectorIndex: unit i owns spike_times[index[i-1] .. index[i])).
 */
export interface SpikeTrains {
  /** Spike times in seconds, neuron 0's train first. */
  times: Float64Array;
  /** End offset of each neuron's train in `times`. */
  index: Uint32Array;
}

export function spikeTrains(steps: Int32Array, ids: Int32Array, neurons: number, dtMs: number): SpikeTrains {
  const index = new Uint32Array(neurons);
  for (let k = 0; k < ids.length; k++) index[ids[k]]++;
  let acc = 0;
  for (let i = 0; i < neurons; i++) {
    acc += index[i];
    index[i] = acc;
  }
  const fill = new Uint32Array(neurons);
  for (let i = 1; i < neurons; i++) fill[i] = index[i - 1];
  const times = new Float64Array(ids.length);
  const dtS = dtMs / 1000;
  for (let k = 0; k < ids.length; k++) times[fill[ids[k]]++] = steps[k] * dtS;
  return { times, index };
}
