/**
 * Building blocks of an exported Brian2 script (Python source as text): the header that states
 * what the script is (../pyHeader.ts, shared with the PyNN export, as are the number literals), the
 * command-line prelude (duration, seed, code generation target) and the closing JSON report line. Experiment exporters (one file each in
 * this folder) fill in the model between prelude and report.
 *
 * Every script prints exactly one line starting with `BRIAN2_RESULT ` followed by a JSON object
 *   {experiment, seed, duration_s, dt_ms, target, layers: [{label, count, rate_hz}], metrics}
 * where layers mirror the app's rate monitors (mean rate since t = 0) and metrics use the same
 * names and definitions as the app's metrics().
 */
import type { ExperimentDef } from '../../experiments/types';
import { pyDurationArg, pyHeader, pyNum, pyTitle, type ExportHead } from '../pyHeader';

export { pyComment, pyNum } from '../pyHeader';

/** Marker of the result line (the integration test and users grep for it). */
export const RESULT_MARKER = 'BRIAN2_RESULT ';

export interface ScriptHead extends ExportHead {
  /** Integration step (ms). */
  dtMs: number;
}

/** First line of every exported script after the shebang (the e2e test checks it). */
export function headerTitle(def: ExperimentDef): string {
  return pyTitle(def, 'Brian2');
}

/** Shebang, header comment, parameter table, imports and the argument/target/seed prelude. */
export function scriptPrelude(h: ScriptHead): string {
  const lines = [
    ...pyHeader(
      h,
      'Brian2',
      'This is the same model as the app run (same equations, integration step, parameters, connectivity ' +
        'statistics, inputs, plasticity rule and distribution of initial conditions), but it is statistically, ' +
        'not spike-for-spike, equal: Brian2 draws its own random numbers (connections, initial values, Poisson ' +
        'input), so individual spikes and the run fingerprint differ while rates and distributions agree.',
      h.differences,
    ),
    '# Run:  python3 THIS_FILE [--duration SECONDS] [--seed N] [--target numpy|cython|cpp_standalone|cuda_standalone]',
    '#   numpy needs nothing else; cython and cpp_standalone need a C++ compiler (fast for long runs);',
    '#   cuda_standalone needs the brian2cuda package and an NVIDIA GPU.',
    `# The last line printed is "${RESULT_MARKER.trim()} {json}" with the layer rates and the app's metrics.`,
    '',
    'import argparse',
    'import json',
    '',
    'from brian2 import *',
    'import numpy as np',
    '',
    `parser = argparse.ArgumentParser(description=${JSON.stringify(`${h.def.id} (Plasticity Playground export)`)})`,
    pyDurationArg(h),
    `parser.add_argument('--seed', type=int, default=${h.seed}, help="Brian2's random seed")`,
    "parser.add_argument('--target', default='numpy', choices=['numpy', 'cython', 'cpp_standalone', 'cuda_standalone'])",
    `parser.add_argument('--build-dir', default=${JSON.stringify(`brian2_${h.def.id.replace(/[^a-z0-9]+/gi, '_')}`)}, help='output folder of the standalone targets')`,
    'args = parser.parse_args()',
    "if args.target == 'cuda_standalone':",
    '    import brian2cuda  # noqa: F401  (GPU back end: pip install brian2cuda)',
    "if args.target in ('cpp_standalone', 'cuda_standalone'):",
    '    set_device(args.target, directory=args.build_dir)',
    'else:',
    '    prefs.codegen.target = args.target',
    'seed(args.seed)',
    ...(h.params.precision === 0
      ? ["prefs.core.default_float_dtype = np.float32  # the app ran this network in float32 (its 'Arithmetic' parameter)"]
      : []),
    `defaultclock.dt = ${pyNum(h.dtMs)} * ms`,
    'duration = args.duration * second',
    '',
    '',
    'def mean_rate(monitor):',
    '    """Mean rate per neuron since t = 0 (Hz), as the rate monitors of the app report it."""',
    '    r = np.asarray(monitor.rate / Hz)',
    '    return float(r.mean()) if r.size else 0.0',
    '',
    '',
    'def finite(x):',
    '    """JSON-safe number (None for NaN/inf, like the metrics of the app)."""',
    '    x = float(x)',
    '    return round(x, 4) if np.isfinite(x) else None',
    '',
    '',
  ];
  return lines.join('\n') + '\n';
}

/**
 * The closing report. `layers` are Python expressions of (label, count, PopulationRateMonitor);
 * `metrics` maps each metric name to a Python expression (evaluated after the run).
 */
export function scriptReport(id: string, layers: { label: string; count: string; monitor: string }[], metrics: Record<string, string>): string {
  const layerRows = layers.map((l) => `    {'label': ${JSON.stringify(l.label)}, 'count': int(${l.count}), 'rate_hz': mean_rate(${l.monitor})},`);
  const metricRows = Object.entries(metrics).map(([k, v]) => `    ${JSON.stringify(k)}: ${v},`);
  return [
    '',
    'layers = [',
    ...layerRows,
    ']',
    'metrics = {',
    ...metricRows,
    '}',
    `print(${JSON.stringify(RESULT_MARKER)} + json.dumps({'experiment': ${JSON.stringify(id)}, 'seed': args.seed, 'duration_s': args.duration,`,
    "                                    'dt_ms': float(defaultclock.dt / ms), 'target': args.target, 'layers': layers, 'metrics': metrics}))",
    '',
  ].join('\n');
}

/** Python helper: mean CV of the ISIs over neurons with at least `min_isis` intervals (IsiMonitor.meanCv). */
export const PY_MEAN_CV = [
  '',
  'def mean_cv(spike_monitor, first, count, min_isis=3):',
  '    """Mean over neurons of std(ISI)/mean(ISI) (population std), neurons with >= min_isis intervals."""',
  '    trains = spike_monitor.spike_trains()',
  '    cvs = []',
  '    for i in range(first, first + count):',
  '        isi = np.diff(np.asarray(trains[i] / ms))',
  '        if isi.size >= min_isis:',
  '            cvs.append(isi.std() / isi.mean())',
  "    return float(np.mean(cvs)) if cvs else float('nan')",
  '',
].join('\n');
