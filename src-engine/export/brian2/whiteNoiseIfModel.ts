/**
 * The app's white-noise integrate-and-fire group (stochastic/whiteNoiseIf.ts) as Brian2 source,
 * started like stochastic/stationarySample.ts. Voltages in mV from rest (Brunel convention):
 *   LIF: exact Ornstein–Uhlenbeck step V ← μ + (V − μ)a + σ√((1 − a²)/2)·N(0,1),  a = e^{−dt/τ}
 *   EIF: Euler–Maruyama V ← V + (dt/τ)(μ − V + Δ_T e^{min((V − V_T)/Δ_T, 50)}) + σ√(dt/τ)·N(0,1)
 *   spike when V ≥ θ or, with the Brownian-bridge probability exp(−2(θ − V₀)(θ − V₁)/(σ² dt/τ)),
 *   when the path crossed θ between the steps; V ← V_r, held for round(t_ref/dt) steps, one step
 *   less with probability `late` (the part of the step after the crossing: (V₁ − θ)/(V₁ − V₀) for a
 *   grid crossing, ½ for a bridge crossing), so that t_ref holds on average from the crossing.
 * The update is a run_regularly in the 'groups' slot (Brian2's own `xi` integration has no bridge
 * term and would miss 1–8% of the spikes at dt = 0.1 ms); the crossing is part of the threshold.
 * μ and σ are per-neuron constants. Initial state per block: refractory with probability ν·t_ref
 * (remaining steps uniform), otherwise V from the app's stationary Fokker–Planck density, which the
 * engine computes here and the script embeds as a table (same grid as the app, 400 cells).
 */
import { fpGrid, fpStationary, type FpParams } from '../../stochastic/fokkerPlanck';
import { pyNum } from './pyScript';

/** The app's Fokker–Planck grid (experiments/fokkerPlanck.ts, fiCurve.ts). */
export const FP_CELLS = 400;

/** Neurons [start, start + count) with their own μ and σ (shared: model, τ, θ, V_r, t_ref, EIF shape). */
export interface NoiseBlock {
  start: number;
  count: number;
  fp: FpParams;
}

/** A number with 8 significant digits as a Python literal. */
export function pyNum8(x: number): string {
  return pyNum(Number(x.toPrecision(8)));
}

/** Python list literal of numbers with 8 significant digits, 8 per line. */
function pyList(xs: ArrayLike<number>, indent: string): string {
  const items = Array.from(xs, (x) => pyNum8(Number(x)));
  const rows: string[] = [];
  for (let k = 0; k < items.length; k += 8) rows.push(indent + '    ' + items.slice(k, k + 8).join(', ') + ',');
  return `[\n${rows.join('\n')}\n${indent}]`;
}

/** Model definition, group `neurons` of n_neurons (defined by the caller), and its stationary initial state. */
export function whiteNoiseIfPy(blocks: NoiseBlock[], dtMs: number): string[] {
  const fp = blocks[0].fp;
  const lif = fp.model === 'lif';
  const update = lif
    ? 'v_new = mu + (v_old - mu) * a_m + sigma * sqrt((1 - a_m**2) / 2) * randn()'
    : 'v_new = v_old + dt / tau_m * (mu - v_old + delta_t * exp(clip((v_old - v_t) / delta_t, -1000, 50))) + sigma * sqrt(dt / tau_m) * randn()';
  const tables = blocks.map((b) => {
    const g = fpGrid(b.fp, FP_CELLS);
    const st = fpStationary(b.fp, g);
    return `    (${b.start}, ${b.count}, ${pyNum8(b.fp.mu)}, ${pyNum8(b.fp.sigma)}, ${pyNum8(g.vLow)}, ${pyNum8(g.h)}, np.array(${pyList(st.density, '    ')})),`;
  });
  return [
    `tau_m = ${pyNum(fp.tau_m)} * ms`,
    `v_th = ${pyNum(fp.v_th)} * mV  # ${lif ? 'threshold' : 'spike cutoff'}`,
    `v_reset = ${pyNum(fp.v_reset)} * mV  # kept at least 0.5 mV below theta, as in the app`,
    `ref_steps = ${Math.round(fp.t_ref / dtMs)}  # round(t_ref / dt)`,
    't_ref = ref_steps * defaultclock.dt',
    ...(lif ? ['a_m = exp(-defaultclock.dt / tau_m)'] : [`delta_t = ${pyNum(fp.delta_t)} * mV`, `v_t = ${pyNum(fp.v_t)} * mV`]),
    '',
    "eqs = '''",
    'v : volt',
    'mu : volt (constant)',
    'sigma : volt (constant)',
    'p_cross : 1  # probability that the path crossed v_th between the last two steps',
    'v_old : volt  # V at the start of the step',
    'ref_len : second  # refractory period after the last spike',
    "'''",
    '# The spike is registered at the end of the step, a fraction `late` of it after the crossing; the',
    '# refractory period is one step shorter with that probability, so it lasts t_ref on average.',
    "reset = '''",
    'late = 0.5 + int(v >= v_th) * ((v - v_th) / (abs(v - v_old) + 1e-9 * mV) - 0.5)',
    'ref_len = t_ref - int(ref_steps > 0) * int(rand() < late) * dt',
    'v = v_reset',
    "'''",
    "neurons = NeuronGroup(n_neurons, eqs, threshold='v >= v_th or rand() < p_cross', reset=reset, refractory='ref_len')",
    "neurons.run_regularly('''",
    'v_old = v',
    update,
    'v = v_old + not_refractory * (v_new - v_old)',
    'p_cross = not_refractory * exp(-2 * (v_th - v_old) * (v_th - v) / (sigma**2 * dt / tau_m))',
    "''', when='groups')",
    '',
    '',
    'def sample_stationary(count, v_low, h, density):',
    '    """Remaining refractory steps and V (mV) of `count` neurons drawn from the stationary state:',
    '    refractory with probability 1 - mass (= rate * t_ref), otherwise V by inverse CDF of the',
    '    piecewise-constant density (per mV, cells of width h from v_low)."""',
    '    cdf = np.cumsum(density * h)',
    '    mass = cdf[-1]',
    '    p_ref = 1 - mass',
    '    u = np.random.uniform(size=count)  # seed() also seeds numpy',
    '    refr = np.zeros(count, dtype=int)',
    '    v = np.full(count, float(v_reset / mV))',
    '    is_ref = (u < p_ref) if ref_steps > 0 else np.zeros(count, dtype=bool)',
    '    refr[is_ref] = 1 + np.minimum(ref_steps - 1, np.floor(u[is_ref] / p_ref * ref_steps)).astype(int)',
    '    free = ~is_ref',
    '    target = ((u[free] - p_ref) / (1 - p_ref) if ref_steps > 0 else u[free]) * mass',
    '    cell = np.minimum(np.searchsorted(cdf, target), len(cdf) - 1)',
    '    below = np.where(cell > 0, cdf[np.maximum(cell - 1, 0)], 0.0)',
    '    with np.errstate(divide="ignore", invalid="ignore"):',
    '        frac = np.where(density[cell] > 0, (target - below) / (density[cell] * h), 0.5)',
    '    v[free] = v_low + (cell + np.clip(frac, 0, 1)) * h',
    '    return refr, v',
    '',
    '',
    '# Blocks: (first neuron, count, mu mV, sigma mV, density grid v_low mV, cell width mV, stationary density 1/mV)',
    '# from the app\'s Fokker-Planck solver.',
    'blocks = [',
    ...tables,
    ']',
    'mu0 = np.zeros(n_neurons)',
    'sigma0 = np.zeros(n_neurons)',
    'refr0 = np.zeros(n_neurons, dtype=int)',
    'v0 = np.zeros(n_neurons)',
    'for first, count, b_mu, b_sigma, v_low, h, density in blocks:',
    '    mu0[first:first + count] = b_mu',
    '    sigma0[first:first + count] = b_sigma',
    '    refr0[first:first + count], v0[first:first + count] = sample_stationary(count, v_low, h, density)',
    'neurons.mu = mu0 * mV',
    'neurons.sigma = sigma0 * mV',
    'neurons.v = v0 * mV',
    '# A neuron with r refractory steps left is held for r more steps, as after a spike (r - 1 - ref_steps) steps ago.',
    'neurons.not_refractory = refr0 == 0',
    'neurons.ref_len = t_ref',
    'neurons.lastspike = np.where(refr0 > 0, (refr0 - 1 - ref_steps) * float(defaultclock.dt / second), -1e4) * second',
  ];
}
