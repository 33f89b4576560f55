/**
 * hebb-compensation — the temporal paradox of Hebbian and homeostatic plasticity (source 003;
 * Zenke, Gerstner & Ganguli 2017). One rectified-linear rate unit y = [w·x]+ with N noisy inputs
 * x_i(t) = x̄_i·[1 + σξ]+ (x̄_i ~ U[0.5, 1.5], ξ white per 10 ms step) learns with
 *   plain Hebb   dw/dt = η x y                                   → runs away
 *   BCM          dw/dt = η x y (y − θ),  τθ dθ/dt = −θ + y²/y0     → stable only if τθ < τθ* = 1/(η|x̄|²y0)
 *   Oja          dw/dt = η y (x − y w)                            → stable (normalised)
 * Weights stay in [0, W_CAP] (excitatory synapses; the cap keeps a runaway finite and visible).
 * Time in seconds.
 */
import { Network } from '../core/network';
import type { ComponentSnapshot, StepContext } from '../core/component';
import type { Rng } from '../core/rng';
import { bcmCriticalTau, bcmStep, bcmThresholdStep } from '../plasticity/bcm';
import { hebbStep } from '../plasticity/hebb';
import { ojaStep } from '../plasticity/oja';
import { assertLive, type ExperimentDef, type ExperimentRun, type MetricValue, type ParamSpec, type ParamValues, type PlotSpec } from './types';
import { roundMetric } from './roundMetric';

const DT_MS = 10;
const DT_S = DT_MS / 1000;
const W_CAP = 10;
const SAMPLE_EVERY = 10;
const MAX_SAMPLES = 4000;
const RULES = ['plain Hebb', 'BCM, sliding threshold', 'Oja'] as const;

const PARAMS: readonly ParamSpec[] = [
  { key: 'rule', label: 'Rule', unit: '', default: 1, min: 0, max: 2, step: 1, live: true, integer: true, options: RULES, help: 'Learning rule of the unit.' },
  { key: 'tau_theta_s', label: 'Threshold τθ', unit: 's', default: 2, min: 0.1, max: 100, step: 0.1, live: true, help: 'BCM: how fast the sliding threshold follows y²/y0.' },
  { key: 'eta', label: 'Learning rate η', unit: '1/s', default: 0.01, min: 0.001, max: 0.1, step: 0.001, live: true, help: 'Speed of the weight changes.' },
  { key: 'y0', label: 'Target activity y0', unit: '', default: 1, min: 0.2, max: 5, step: 0.1, live: true, help: 'BCM fixed point y = θ = y0.' },
  { key: 'noise', label: 'Input noise σ', unit: '', default: 0.1, min: 0, max: 0.5, step: 0.01, live: true, help: 'Relative fluctuation of every input per 10 ms.' },
  { key: 'n_inputs', label: 'Inputs', unit: '', default: 10, min: 2, max: 100, step: 1, live: false, integer: true, help: 'Number of inputs to the unit.' },
];

class RateLearner {
  readonly name = 'rate-learner';
  readonly w: Float64Array;
  readonly x: Float64Array;
  y = 0;
  theta: number;
  capped = false;
  t: number[] = [];
  ys: number[] = [];
  thetas: number[] = [];
  wmax: number[] = [];
  private every = SAMPLE_EVERY;
  private n = 0;

  constructor(readonly xbar: Float64Array, w0: number, readonly p: ParamValues) {
    this.w = new Float64Array(xbar.length).fill(w0);
    this.x = new Float64Array(xbar.length);
    this.theta = p.y0;
  }

  integrate(ctx: StepContext): void {
    const { x, w, xbar, p } = this;
    let y = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = xbar[i] * (1 + p.noise * ctx.rng.normal());
      x[i] = xi > 0 ? xi : 0;
      y += w[i] * x[i];
    }
    this.y = y > 0 ? y : 0;
    if (p.rule === 0) hebbStep(w, x, this.y, p.eta, DT_S);
    else if (p.rule === 1) bcmStep(w, x, this.y, this.theta, p.eta, DT_S);
    else ojaStep(w, x, this.y, p.eta, DT_S);
    this.theta = bcmThresholdStep(this.theta, this.y, { eta: p.eta, tau_theta: p.tau_theta_s, y0: p.y0 }, DT_S);
    for (let i = 0; i < w.length; i++) {
      if (w[i] > W_CAP) {
        w[i] = W_CAP;
        this.capped = true;
      } else if (w[i] < 0) w[i] = 0; // excitatory synapses stay excitatory
    }
    if (++this.n % this.every === 0) this.sample(ctx.clock.t + ctx.clock.dt);
  }

  private sample(tMs: number): void {
    let m = 0;
    for (let i = 0; i < this.w.length; i++) m = Math.max(m, Math.abs(this.w[i]));
    this.t.push(tMs / 1000);
    this.ys.push(this.y);
    this.thetas.push(this.theta);
    this.wmax.push(m);
    if (this.t.length > MAX_SAMPLES) {
      // Halve the resolution instead of forgetting the start of the run.
      for (const a of [this.t, this.ys, this.thetas, this.wmax]) {
        for (let k = 0; k < a.length / 2; k++) a[k] = a[2 * k];
        a.length = Math.floor(a.length / 2);
      }
      this.every *= 2;
    }
  }

  snapshot(): ComponentSnapshot {
    return { w: this.w.slice(), y: this.y, theta: this.theta, capped: this.capped, t: [...this.t], ys: [...this.ys], thetas: [...this.thetas], wmax: [...this.wmax], every: this.every, n: this.n, p: { ...this.p } };
  }

  restore(s: ComponentSnapshot): void {
    this.w.set(s.w as Float64Array);
    Object.assign(this, { y: s.y, theta: s.theta, capped: s.capped, every: s.every, n: s.n });
    this.t = [...(s.t as number[])];
    this.ys = [...(s.ys as number[])];
    this.thetas = [...(s.thetas as number[])];
    this.wmax = [...(s.wmax as number[])];
    Object.assign(this.p, s.p as ParamValues);
  }
}

/** Stable: never capped, not silent, and y within 20% of its mean over the last quarter of the run. */
function isStable(l: RateLearner): boolean {
  const n = l.ys.length;
  if (l.capped || n < 8) return false;
  const tail = l.ys.slice(Math.floor((3 * n) / 4));
  const mean = tail.reduce((a, b) => a + b, 0) / tail.length;
  if (mean < 0.05) return false;
  return tail.every((y) => Math.abs(y - mean) < 0.2 * mean + 0.1);
}

function build(initial: ParamValues, rng: Rng): ExperimentRun {
  const p: ParamValues = { ...initial };
  const n = p.n_inputs;
  const xbar = new Float64Array(n);
  let sum = 0;
  const xInit = rng.fork('init:input-means');
  for (let i = 0; i < n; i++) sum += xbar[i] = 0.5 + xInit.uniform();
  const net = new Network(DT_MS, rng);
  const unit = net.add(new RateLearner(xbar, (0.7 * p.y0) / sum, p));
  const decimate = (a: number[]) => (a.length <= 200 ? a : Array.from({ length: 200 }, (_, k) => a[Math.floor((k * (a.length - 1)) / 199)]));
  return {
    network: net,
    layers: [],
    rates: [],
    setParam(key, value) {
      assertLive('hebb-compensation', PARAMS, key);
      p[key] = value;
    },
    metrics() {
      let maxW = 0;
      for (const v of unit.w) maxW = Math.max(maxW, Math.abs(v));
      const t = decimate(unit.t);
      const th = decimate(unit.thetas);
      return {
        rule: RULES[p.rule],
        max_weight: round(maxW),
        stable: isStable(unit),
        critical_tau_theta_s: round(bcmCriticalTau(p.eta, xbar, p.y0)),
        output: round(unit.y),
        threshold_trace: t.map((ts, k) => ({ t_s: round(ts), theta: round(th[k]) })),
      } as Record<string, MetricValue>;
    },
    plots(): PlotSpec[] {
      const crit = bcmCriticalTau(p.eta, xbar, p.y0);
      return [
        {
          id: 'activity', title: `${RULES[p.rule]}: activity y and threshold θ (τθ = ${p.tau_theta_s} s; critical τθ* = ${crit.toFixed(1)} s)`,
          xLabel: 'time (s)', yLabel: 'y, θ (dimensionless)', legend: 'top-right',
          series: [
            { label: 'output y', x: unit.t, y: unit.ys, style: 'line', color: 'exc' },
            { label: 'threshold θ', x: unit.t, y: unit.thetas, style: 'line', color: 'alt' },
            { label: 'target y0', x: unit.t.length ? [0, unit.t[unit.t.length - 1]] : [], y: unit.t.length ? [p.y0, p.y0] : [], style: 'dashed', color: 'muted' },
          ],
        },
        {
          id: 'weights', title: `Largest weight |w| (capped at ${W_CAP})`, xLabel: 'time (s)', yLabel: 'max |w_i| (dimensionless)', legend: 'top-right',
          series: [{ label: 'max |w|', x: unit.t, y: unit.wmax, style: 'line', color: 'inh' }],
        },
      ];
    },
  };
}

const round = (x: number) => roundMetric(x, 4);

export const hebbCompensation: ExperimentDef = {
  id: 'hebb-compensation',
  title: 'Hebbian runaway and the sliding threshold (temporal paradox)',
  summary:
    'Plain Hebbian learning is unstable: the more a neuron fires, the more it strengthens its inputs. BCM adds a sliding ' +
    'threshold that tracks recent activity, and it stabilises learning only if it is fast enough: slide τθ above the ' +
    'critical value shown in the plot title and the activity starts to oscillate, then runs away or falls silent.',
  differences: [
    "A one-unit rate toy of Zenke, Gerstner & Ganguli 2017's argument, not a reproduction of their spiking simulations.",
    "Weights are clipped to [0, 10], so a runaway stays finite and visible.",
  ],
  dt_ms: DT_MS,
  mode: 'simulated',
  defaultSteps: Math.round(600_000 / DT_MS),
  primary: { controls: ['rule', 'tau_theta_s', 'y0'], plots: ['activity', 'weights'], speed: 10_000 },
  params: PARAMS,
  build,
};
