/**
 * The app's white-noise integrate-and-fire neurons (stochastic/whiteNoiseIf.ts) as PyNN source,
 * voltages in mV from rest (Brunel convention):  τm dV = (μ − V + ψ(V)) dt + σ√τm dW,
 *   LIF: IF_curr_exp with v_rest = 0 (no synaptic input),  ψ = 0;
 *   EIF: EIF_cond_exp_isfa_ista with a = b = 0 (no adaptation), ψ = Δ_T·exp((V − V_T)/Δ_T),
 *        v_spike = the app's cutoff θ.
 * With cm (nF) the mean input is the current μ·cm/τm (i_offset, per neuron) and the noise a current
 * that is constant within each step with standard deviation cm·σ/√(dt·τm), so V's noise increment
 * per step has the app's standard deviation σ√(dt/τm):
 *   NEURON: one IClamp per local neuron playing samples from the neuron's own stream (seed, 3,
 *           index), independent of the process count (memory: 8 bytes per step and neuron);
 *   NEST:   one NoisyCurrentSource (noise_generator, dt = the step) per block, which gives every
 *           target its own noise from NEST's RNG (rng_seed), generated on the fly.
 * The LIF threshold is lowered by Siegmund's 0.5826·σ√(dt/τm) in place of the app's Brownian-bridge
 * crossing test (both approximate the continuous-time crossing; without either, a discretely
 * checked diffusion fires 1–8% less at dt = 0.1 ms).
 * V(0) is drawn from the app's stationary Fokker–Planck density of the block (embedded as a table,
 * the app's 400-cell grid) with the parallel-safe RNG; neurons that would start refractory start at V_r.
 */
import { fpGrid, fpStationary } from '../../stochastic/fokkerPlanck';
import { FP_CELLS, pyNum8, type NoiseBlock } from '../brian2/whiteNoiseIfModel';
import { pyNum } from './pyScript';

/** What the white-noise exports do differently from the app (shown in the script header). */
export const WHITE_NOISE_DIFFERENCES = [
  "The app counts a crossing of theta between two steps with the Brownian-bridge probability; PyNN has no such test, so the LIF threshold is lowered by Siegmund's 0.5826*sigma*sqrt(dt/tau_m) instead (both approximate the continuous-time model; without either the rate would be 1-8% lower). The EIF cutoff is not corrected (its crossing is a fast explosion).",
  "The app holds the refractory period from the crossing on average (one step shorter with the crossing's sub-step fraction); PyNN holds round(t_ref/dt) steps.",
  'Neurons that would start refractory in the stationary state start at V_r instead.',
  "On NEST the noise is NEST's noise_generator (its own RNG): reproducible for a fixed number of virtual processes, not for any process count.",
];

function pyArray(xs: ArrayLike<number>): string {
  const items = Array.from(xs, (x) => pyNum8(Number(x)));
  const rows: string[] = [];
  for (let k = 0; k < items.length; k += 10) rows.push('    ' + items.slice(k, k + 10).join(', ') + ',');
  return `np.array([\n${rows.join('\n')}\n])`;
}

/** Model definition: Population `neurons` of n_neurons (defined by the caller), inputs and V(0). */
export function whiteNoiseCellsPy(blocks: NoiseBlock[], dtMs: number): string[] {
  const fp = blocks[0].fp;
  const lif = fp.model === 'lif';
  const refSteps = Math.round(fp.t_ref / dtMs);
  const tables = blocks.map((b) => {
    const g = fpGrid(b.fp, FP_CELLS);
    return `    (${b.start}, ${b.count}, ${pyNum8(b.fp.mu)}, ${pyNum8(b.fp.sigma)}, ${pyNum8(g.vLow)}, ${pyNum8(g.h)}, ${pyArray(fpStationary(b.fp, g).density)}),`;
  });
  const shape = lif ? '' : `delta_T=${pyNum(fp.delta_t)}, v_spike=v_th, a=0.0, b=0.0, tau_w=100.0, `;
  return [
    'cm = 1.0  # nF; currents below scale with it',
    `tau_m = ${pyNum(fp.tau_m)}  # ms`,
    `v_th = ${pyNum(fp.v_th)}  # mV from rest, ${lif ? 'threshold' : 'spike cutoff'}`,
    `v_reset = ${pyNum(fp.v_reset)}  # mV, kept at least 0.5 mV below theta as in the app`,
    `tau_refrac = ${refSteps} * DT  # round(t_ref / dt) steps`,
    '',
    '# Blocks: (first neuron, count, mu mV, sigma mV, density grid v_low mV, cell width mV, stationary density 1/mV)',
    "# from the app's Fokker-Planck solver.",
    'blocks = [',
    ...tables,
    ']',
    ...(lif
      ? [
          "# Siegmund's correction: a diffusion checked once per step crosses theta as if theta were higher by",
          '# 0.5826 times the per-step standard deviation sigma*sqrt(dt/tau_m); the threshold is lowered by that',
          "# much in place of the app's Brownian-bridge test, so both approximate the continuous-time model.",
          'SIEGMUND = 0.5826',
        ]
      : []),
    'mu0 = np.zeros(n_neurons)',
    'sigma0 = np.zeros(n_neurons)',
    'for first, count, b_mu, b_sigma, _, _, _ in blocks:',
    '    mu0[first:first + count] = b_mu',
    '    sigma0[first:first + count] = b_sigma',
    '',
    '',
    'def stationary_v():',
    '    """V(0) of every neuron by inverse CDF of its block\'s stationary density, from the parallel-safe RNG',
    '    (all ranks draw the same numbers). The refractory mass (1 - integral) starts at V_r."""',
    '    v = np.empty(n_neurons)',
    '    for first, count, _, _, v_low, h, density in blocks:',
    '        u = rng.next(count)',
    '        cdf = np.cumsum(density * h)',
    '        cell = np.searchsorted(cdf, u)',
    '        free = cell < len(cdf)',
    '        cell = np.minimum(cell, len(cdf) - 1)',
    '        below = np.where(cell > 0, cdf[np.maximum(cell - 1, 0)], 0.0)',
    '        with np.errstate(divide="ignore", invalid="ignore"):',
    '            frac = np.where(density[cell] > 0, (u - below) / (density[cell] * h), 0.5)',
    '        v[first:first + count] = np.where(free, v_low + (cell + np.clip(frac, 0, 1)) * h, v_reset)',
    '    return v',
    '',
    '',
    `cell = sim.${lif ? 'IF_curr_exp' : 'EIF_cond_exp_isfa_ista'}(`,
    `    cm=cm, tau_m=tau_m, v_rest=0.0, v_thresh=${lif ? 'v_th - SIEGMUND * sigma0 * np.sqrt(DT / tau_m)' : pyNum(fp.v_t)}, v_reset=v_reset, tau_refrac=tau_refrac, ${shape}`,
    '    i_offset=mu0 * cm / tau_m)  # nA: the mean input mu as a current',
    "neurons = sim.Population(n_neurons, cell, label='neurons', initial_values={'v': stationary_v()})",
    'noise_per_mv = cm / np.sqrt(DT * tau_m)  # nA per mV of sigma: per-step current, sd cm*sigma/sqrt(dt*tau_m)',
    "if args.backend == 'nest':",
    '    for first, count, _, b_sigma, _, _, _ in blocks:',
    '        noise = sim.NoisyCurrentSource(mean=0.0, stdev=b_sigma * noise_per_mv, start=0.0, stop=duration_ms, dt=DT)',
    '        noise.inject_into(neurons[first:first + count])',
    'else:',
    "    # One IClamp per local cell playing its own per-step samples (PyNN's StepCurrentSource does the same",
    '    # but rounds every time stamp in Python, far slower for noise).',
    '    from neuron import h',
    '    steps = int(round(duration_ms / DT)) + 1',
    '    noise_clamps = []  # keeps the NEURON objects alive',
    '    for i in local_indices(neurons):',
    '        clamp = h.IClamp(neurons[i]._cell.seg)',
    '        clamp.delay, clamp.dur = 0.0, 1e12',
    '        samples = h.Vector(sigma0[i] * noise_per_mv * stream(3, i).standard_normal(steps))',
    '        samples.play(clamp._ref_amp, DT)',
    '        noise_clamps.append((clamp, samples))',
    "neurons.record('spikes')",
  ];
}
