/**
 * fi-curve — firing rate against mean input μ for three noise levels σ (SCIENCE.md §1.4, §1.6).
 * For each (μ, σ) on the grid a block of uncoupled white-noise neurons (LIF, bridge-corrected, or
 * EIF) runs from the stationary state; the Monte-Carlo rate of each block (± standard error from
 * the spread of per-neuron counts) is drawn on the theory line: the Siegert rate for the LIF, the
 * stationary Fokker–Planck rate for the EIF. Noise smooths the hard threshold: with σ the curve
 * rises below rheobase, and the noise-free kink at μ = θ disappears.
 */
import { Network } from '../core/network';
import type { Rng } from '../core/rng';
import { PopulationRateMonitor } from '../monitors/rateMonitor';
import { WindowCounter } from '../monitors/windowCounter';
import { fpGrid, fpStationary, type FpParams } from '../stochastic/fokkerPlanck';
import { siegertRate } from '../stochastic/siegert';
import { sampleStationaryState } from '../stochastic/stationarySample';
import { WhiteNoiseIfGroup } from '../stochastic/whiteNoiseIf';
import { EIF_PARAMS, NOISE_PARAMS, PRECISION_DIFFERENCE, PRECISION_PARAM, STREAMS_PARAM, fpParamsFrom, precisionOf, streamsOf } from './fokkerPlanck';
import { roundMetric } from './roundMetric';
import { assertLive, type ExperimentDef, type ExperimentRun, type ParamSpec, type ParamValues, type PlotSeries, type PlotSpec } from './types';

const DT = 0.1;
/** The three noise levels, one curve each (also the export's block order, export/fiCurveBlocks.ts). */
export const SIGMA_KEYS = ['sigma_a_mV', 'sigma_b_mV', 'sigma_c_mV'] as const;
const COLORS = ['exc', 'alt', 'inh'] as const;
const THEORY_POINTS = 61;

const PARAMS: readonly ParamSpec[] = [
  { key: 'sigma_a_mV', label: 'Noise σ₁', unit: 'mV', default: 1, min: 0.2, max: 15, step: 0.1, live: true, help: 'Noise of the first curve.' },
  { key: 'sigma_b_mV', label: 'Noise σ₂', unit: 'mV', default: 4, min: 0.2, max: 15, step: 0.1, live: true, help: 'Noise of the second curve.' },
  { key: 'sigma_c_mV', label: 'Noise σ₃', unit: 'mV', default: 8, min: 0.2, max: 15, step: 0.1, live: true, help: 'Noise of the third curve.' },
  { key: 'mu_min_mV', label: 'Lowest μ', unit: 'mV', default: 0, min: -10, max: 40, step: 0.5, live: true, help: 'Left end of the μ grid.' },
  { key: 'mu_max_mV', label: 'Highest μ', unit: 'mV', default: 30, min: -10, max: 60, step: 0.5, live: true, help: 'Right end of the μ grid.' },
  { key: 'mu_points', label: 'μ points', unit: '', default: 11, min: 3, max: 21, step: 1, live: false, integer: true, help: 'Monte-Carlo points per curve.' },
  { key: 'neurons_per_point', label: 'Neurons per point', unit: '', default: 200, min: 20, max: 1000, step: 10, live: false, integer: true, help: 'Uncoupled neurons simulated at each (μ, σ).' },
  ...NOISE_PARAMS.filter((p) => p.key !== 'mu_mV' && p.key !== 'sigma_mV'),
  ...EIF_PARAMS,
  PRECISION_PARAM,
  STREAMS_PARAM,
];

function build(initial: ParamValues, rng: Rng): ExperimentRun {
  const values: ParamValues = { ...initial };
  const nMu = values.mu_points, per = values.neurons_per_point;
  const blocks = SIGMA_KEYS.length * nMu;
  const n = blocks * per;
  const net = new Network(DT, rng);
  const base = () => fpParamsFrom({ ...values, mu_mV: 0, sigma_mV: 1 });
  const b0 = base();
  const grp = net.addNeuronGroup(new WhiteNoiseIfGroup('neurons', n, { model: b0.model, tau_m: b0.tau_m, v_th: b0.v_th, v_reset: b0.v_reset, t_ref: b0.t_ref, delta_t: b0.delta_t, v_t: b0.v_t }, DT, precisionOf(values), streamsOf(values)));
  const rates = SIGMA_KEYS.map((_, s) => net.add(new PopulationRateMonitor(`rate-${s}`, grp, s * nMu * per, nMu * per, 10, DT)));
  const counter = net.add(new WindowCounter('count', grp, 1 << 30));
  const counts = new Float64Array(n);
  let settle = 0;
  const tally = { name: 'tally', monitor: () => { if (net.clock.step >= settle) for (let q = 0; q < grp.spikeCount; q++) counts[grp.spikes[q]]++; }, snapshot: () => ({ counts: counts.slice(), settle }), restore: (s: Record<string, unknown>) => { counts.set(s.counts as Float64Array); settle = s.settle as number; } };
  net.add(tally);
  void counter;

  const muAt = (k: number) => values.mu_min_mV + ((values.mu_max_mV - values.mu_min_mV) * k) / Math.max(1, nMu - 1);
  const blockParams = (s: number, mu: number): FpParams => ({ ...base(), mu, sigma: values[SIGMA_KEYS[s]] });
  const theoryRate = (p: FpParams) => (p.model === 'lif' ? siegertRate(p) : fpStationary(p, fpGrid(p, 400)).rate);
  let lines: { x: number[]; y: number[] }[] = [];

  const vInit = rng.fork('init:v');
  const configure = (fromStationary: boolean) => {
    const b = base();
    grp.setParams({ model: b.model, tau_m: b.tau_m, v_th: b.v_th, v_reset: b.v_reset, t_ref: b.t_ref, delta_t: b.delta_t, v_t: b.v_t });
    for (let s = 0; s < SIGMA_KEYS.length; s++) {
      for (let k = 0; k < nMu; k++) {
        const start = (s * nMu + k) * per;
        const p = blockParams(s, muAt(k));
        grp.setDrive(p.mu, p.sigma, start, per);
        if (fromStationary) {
          const g = fpGrid(p, 400);
          sampleStationaryState(grp, g, fpStationary(p, g).density, vInit, start, per);
        }
      }
    }
    lines = SIGMA_KEYS.map((_, s) => {
      const x: number[] = [], y: number[] = [];
      for (let q = 0; q < THEORY_POINTS; q++) {
        const mu = values.mu_min_mV + ((values.mu_max_mV - values.mu_min_mV) * q) / (THEORY_POINTS - 1);
        x.push(mu);
        y.push(theoryRate(blockParams(s, mu)));
      }
      return { x, y };
    });
    counts.fill(0);
  };
  configure(true);

  /** Rate (Hz) and standard error of each block since settling. */
  const measured = () => {
    const seconds = (Math.max(0, net.clock.step - settle) * DT) / 1000;
    const out: { mu: number; s: number; rate: number; se: number; theory: number }[] = [];
    for (let s = 0; s < SIGMA_KEYS.length; s++) {
      for (let k = 0; k < nMu; k++) {
        let m = 0, m2 = 0;
        for (let i = (s * nMu + k) * per; i < (s * nMu + k + 1) * per; i++) { m += counts[i]; m2 += counts[i] * counts[i]; }
        m /= per;
        const sd = Math.sqrt(Math.max(0, m2 / per - m * m));
        const mu = muAt(k);
        out.push({ mu, s, rate: seconds > 0 ? m / seconds : NaN, se: seconds > 0 ? sd / Math.sqrt(per) / seconds : NaN, theory: theoryRate(blockParams(s, mu)) });
      }
    }
    return { seconds, out };
  };
  let cache: { step: number; value: ReturnType<typeof measured> } | null = null;
  const current = () => (cache && cache.step === net.clock.step ? cache.value : (cache = { step: net.clock.step, value: measured() }).value);

  return {
    network: net,
    layers: SIGMA_KEYS.map((k, s) => ({ label: `σ = ${values[k]} mV`, start: s * nMu * per, count: nMu * per, role: (['exc', 'input', 'inh'] as const)[s], color: (['exc', 'alt', 'inh'] as const)[s] })),
    rates,
    setParam(key, value) {
      assertLive('fi-curve', PARAMS, key);
      values[key] = value;
      configure(false);
      settle = net.clock.step + Math.round((10 * values.tau_m_ms) / DT);
      cache = null;
    },
    metrics() {
      const { seconds, out } = current();
      let maxRel = 0, maxZ = 0;
      for (const o of out) {
        if (!(o.theory > 1) || !Number.isFinite(o.rate)) continue;
        maxRel = Math.max(maxRel, Math.abs(o.rate / o.theory - 1));
        if (o.se > 0) maxZ = Math.max(maxZ, Math.abs(o.rate - o.theory) / o.se);
      }
      return { measured_s: round(seconds), max_rel_error: round(maxRel), max_z: round(maxZ), points: out.length, neurons: n };
    },
    plots(): PlotSpec[] {
      const { out } = current();
      const series: PlotSeries[] = [];
      SIGMA_KEYS.forEach((key, s) => {
        series.push({ label: `theory σ = ${values[key]} mV`, x: lines[s].x, y: lines[s].y, style: 'line', color: COLORS[s] });
        const pts = out.filter((o) => o.s === s && Number.isFinite(o.rate));
        series.push({ label: `Monte Carlo σ = ${values[key]} mV`, x: pts.map((o) => o.mu), y: pts.map((o) => o.rate), yErr: pts.map((o) => o.se), style: 'points', color: COLORS[s] });
      });
      return [{ id: 'fi', title: values.model === 1 ? 'f–I curves of the EIF (stationary Fokker–Planck)' : 'f–I curves of the LIF (Siegert)', xLabel: 'mean input μ (mV)', yLabel: 'rate (Hz)', legend: 'top-left', series }];
    },
  };
}

const round = (x: number) => roundMetric(x, 4);

export const fiCurve: ExperimentDef = {
  id: 'fi-curve',
  title: 'f–I curves of noisy integrate-and-fire neurons',
  summary:
    'Firing rate against mean input for three noise levels: Monte-Carlo points with standard errors on the ' +
    'Siegert (LIF) or Fokker–Planck (EIF) curves. Noise lets neurons fire below threshold and smooths the ' +
    'deterministic kink.',
  differences: [
    "None beyond the numerics: Monte-Carlo points from finite runs (standard errors shown); the EIF theory is the numerically stationary Fokker–Planck rate.",
    PRECISION_DIFFERENCE,
  ],
  dt_ms: DT,
  mode: 'simulated',
  defaultSteps: 20000,
  primary: { controls: ['sigma_a_mV', 'sigma_b_mV', 'sigma_c_mV'], plots: ['fi'], speed: Infinity },
  params: PARAMS,
  build,
};
