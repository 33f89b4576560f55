/**
 * Building blocks of an exported PyNN 0.10 script (Python source as text): the header that states
 * what the script is, the prelude (command line, backend, setup, the parallel-safe RNG, helpers for
 * per-source input streams) and the closing JSON line. Experiment exporters (one file each in this
 * folder) fill in the model between prelude and report.
 *
 * Parallel safety: connectivity and initial values are drawn from PyNN's NumpyRNG with
 * parallel_safe=True (every process draws the full sequence and keeps its own part), and every
 * input source (Poisson train, noise current) has its own numpy generator seeded by
 * (seed, stream, index). So the network and its inputs are the same for any number of MPI processes.
 *
 * Rank 0 prints exactly one JSON line last:
 *   {engine, processes, neurons, spikes, rate_hz, sim_s, wall_s, experiment, seed, dt_ms, layers, metrics}
 * where neurons/spikes/rate_hz cover the recorded (non-input) neurons, layers mirror the app's rate
 * monitors ({label, count, spikes, rate_hz}) and wall_s is the time from setup to the end of the run.
 */
import type { ExperimentDef } from '../../experiments/types';
import { pyDurationArg, pyHeader, pyNum, pyTitle, type ExportHead } from '../pyHeader';

export { pyComment, pyNum } from '../pyHeader';

/** Synaptic delay of every projection (ms): the smallest that MPI accepts at dt = 0.1 ms (min_delay > dt). */
export const PYNN_DELAY_MS = 0.2;

export interface PynnHead extends ExportHead {
  /** A reason to refuse the NEST backend (e.g. a rule PyNN's NEST backend lacks), or null. */
  nestRefusal?: string;
}

/** First comment line of every exported script after the shebang (the tests check it). */
export function pynnHeaderTitle(def: ExperimentDef): string {
  return pyTitle(def, 'PyNN 0.10');
}

/** Shebang, header comment, parameter table, imports, command line, setup, RNG and helpers. */
export function pynnPrelude(h: PynnHead): string {
  const differences = [
    `Every projection has a delay of ${PYNN_DELAY_MS} ms (two steps): MPI needs min_delay above dt; the app's synapses act at the next step (0.1 ms).`,
    "The simulator integrates the membrane its own way (NEURON: backward Euler at dt; NEST: exact for current-based, adaptive Runge-Kutta for conductance-based cells); the app uses exact propagators (current-based LIF), a forward Euler step (conductance-based) or the stochastic update of its white-noise neurons.",
    ...(h.params.precision === 0 ? ["The app ran this network in float32 (its 'Arithmetic' parameter); NEURON and NEST compute in float64."] : []),
    ...h.differences,
  ];
  const lines = [
    ...pyHeader(
      h,
      'PyNN 0.10',
      'This is the same model as the app run (equations, parameters, connectivity statistics, inputs, plasticity ' +
        'rule, distribution of initial conditions), statistically, not spike-for-spike, equal: PyNN draws its own ' +
        'random numbers, so single spikes and the fingerprint differ while rates agree. Connectivity and initial ' +
        "values come from PyNN's parallel-safe NumpyRNG and every input source has its own generator seeded by " +
        '(seed, stream, index), so on NEURON the result does not depend on the number of MPI processes.',
      differences,
    ),
    '# Run:  mpirun -np 4 python3 THIS_FILE [--backend neuron|nest] [--duration SECONDS] [--seed N]',
    "#   NEURON needs PyNN's NMODL mechanisms compiled once (see docs/SCALE_OUT.md); NEST runs the same file.",
    '# Rank 0 prints one JSON line last:',
    '#   {"engine", "processes", "neurons", "spikes", "rate_hz", "sim_s", "wall_s", ...}',
    '',
    'import argparse',
    'import json',
    'import sys',
    'import time',
    '',
    'import numpy as np',
    '',
    `parser = argparse.ArgumentParser(description=${JSON.stringify(`${h.def.id} (Plasticity Playground export, PyNN 0.10)`)})`,
    "parser.add_argument('--backend', default='neuron', choices=['neuron', 'nest'], help='simulator behind PyNN')",
    pyDurationArg(h),
    `parser.add_argument('--seed', type=int, default=${h.seed}, help='seed of the parallel-safe RNG and of the input streams')`,
    'args = parser.parse_args()',
    ...(h.nestRefusal
      ? ["if args.backend == 'nest':", `    sys.exit(${JSON.stringify(`nest backend refused: ${h.nestRefusal}`)})`]
      : []),
    "if args.backend == 'nest':",
    '    import pyNN.nest as sim',
    'else:',
    '    import pyNN.neuron as sim',
    'from pyNN.parameters import Sequence',
    'from pyNN.random import NumpyRNG, RandomDistribution',
    '',
    `DT = ${pyNum(h.def.dt_ms)}  # ms, the app's integration step`,
    `DELAY = ${pyNum(PYNN_DELAY_MS)}  # ms, every projection`,
    'wall_start = time.perf_counter()',
    "# NEURON: min_delay 'auto' takes the global minimum over all connections (PyNN's STDP weight adjusters",
    "# carry delays a rounding error below DELAY, which an explicit min_delay would reject under MPI).",
    "if args.backend == 'nest':",
    "    sim.setup(timestep=DT, min_delay=DELAY, max_delay=DELAY, rng_seed=args.seed + 1)",
    'else:',
    "    sim.setup(timestep=DT, min_delay='auto', max_delay=DELAY)",
    'rng = NumpyRNG(seed=args.seed, parallel_safe=True)',
    'duration_ms = args.duration * 1000.0',
    '',
    '',
    'def local_indices(pop):',
    '    """Indices of the cells of `pop` that live on this MPI process."""',
    '    return np.asarray(pop.id_to_index(pop.local_cells), dtype=int).reshape(-1)',
    '',
    '',
    'def stream(kind, index):',
    '    """The numpy generator of one input source: seeded by (seed, kind, index), whatever the process count."""',
    '    return np.random.default_rng([args.seed, kind, int(index)])',
    '',
    '',
    'def poisson_times(rate_hz, kind, index):',
    "    \"\"\"Poisson spike times (ms) of one source over the run, on the dt grid (the app's inputs act per step).",
    "    Several events of one source in one step merge into one: distinct on-grid times keep NEURON's event",
    '    delivery, and so the spike counts, independent of the MPI process count. Keep rate * dt small."""',
    '    g = stream(kind, index)',
    '    n = g.poisson(rate_hz * duration_ms / 1000.0)',
    '    steps = np.unique(np.floor(g.uniform(0.0, duration_ms, n) / DT)).astype(np.int64)',
    '    return (steps + 1) * DT',
    '',
    '',
    'def set_poisson_trains(sources, rate_hz, kind):',
    '    """Gives every local cell of a SpikeSourceArray its own Poisson train (other cells are not ours to set)."""',
    '    trains = np.empty(sources.size, dtype=object)',
    '    for i in range(sources.size):',
    '        trains[i] = Sequence([])',
    '    for i in local_indices(sources):',
    '        trains[i] = Sequence(poisson_times(rate_hz, kind, i))',
    '    sources.set(spike_times=trains)',
    '',
    '',
    'def finite(x):',
    '    """JSON-safe number (None for NaN/inf)."""',
    '    x = float(x)',
    '    return round(x, 6) if np.isfinite(x) else None',
    '',
    '',
  ];
  return lines.join('\n') + '\n';
}

/**
 * Runs the simulation and prints the report. `layers` are (label, Python expression of a recorded
 * Population or PopulationView); `metrics` maps metric names to Python expressions evaluated after
 * the run on every rank (collective calls such as gathered weights are allowed there).
 */
export function pynnRunAndReport(id: string, layers: { label: string; view: string }[], metrics: Record<string, string>, afterRun: string[] = []): string {
  return [
    '',
    'sim.run(duration_ms)',
    'wall_s = time.perf_counter() - wall_start',
    ...afterRun,
    'layer_views = [',
    ...layers.map((l) => `    (${JSON.stringify(l.label)}, ${l.view}),`),
    ']',
    '# get_spike_counts(gather=True) is collective: every rank calls it, rank 0 receives all counts.',
    'counts = [(label, view.size, int(sum(view.get_spike_counts(gather=True).values()))) for label, view in layer_views]',
    'metrics = {',
    ...Object.entries(metrics).map(([k, v]) => `    ${JSON.stringify(k)}: ${v},`),
    '}',
    'if sim.rank() == 0:',
    '    neurons = sum(c for _, c, _ in counts)',
    '    spikes = sum(s for _, _, s in counts)',
    '    layers = [{"label": label, "count": c, "spikes": s, "rate_hz": finite(s / (c * args.duration))} for label, c, s in counts]',
    '    print(json.dumps({"engine": args.backend, "processes": sim.num_processes(), "neurons": neurons, "spikes": spikes,',
    '                      "rate_hz": finite(spikes / (neurons * args.duration)), "sim_s": args.duration, "wall_s": round(wall_s, 3),',
    `                      "experiment": ${JSON.stringify(id)}, "seed": args.seed, "dt_ms": DT, "layers": layers, "metrics": metrics}), flush=True)`,
    'sim.end()',
    '',
  ].join('\n');
}
