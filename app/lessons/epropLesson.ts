/** Lesson: e-prop with Seitz (2021)'s global-rate objective, and what the branching ratio really does. SCIENCE.md §5. */
import type { Lesson } from './types';

export const epropLesson: Lesson = {
  id: 'eprop-criticality',
  title: 'e-prop and criticality',
  blurb: 'A recurrent network learns to hold its rate and the variance of its global rate; does low variance make it critical? (No.)',
  experiment: 'eprop-criticality',
  seed: 1,
  speed: Infinity,
  intro: [
    { p: 'The network has Seitz (2021)’s discrete LIF neurons, $v_j^{t+1} = \\alpha v_j^t + \\sum_i W^\\text{rec}_{ji} z_i^t + \\sum_i W^\\text{in}_{ji} x_i^{t+1} - z_j^t v_\\text{th}$, with spikes $z = H(v - v_\\text{th})$ ({param:v_th}). e-prop (Bellec et al. 2020) replaces backpropagation through time by a product of a learning signal $L_j^t$ and an eligibility trace that each synapse computes forward in time:' },
    { eq: '\\Delta W_{ji} = -\\eta \\sum_t L_j^t\\, e_{ji}^t, \\qquad e_{ji}^t = \\psi_j^t\\, \\bar z_i^{t-1}, \\qquad \\psi_j^t = \\frac{\\gamma_\\text{pd}}{v_\\text{th}} \\max\\Big(0,\\, 1 - \\Big|\\frac{v_j^t - v_\\text{th}}{v_\\text{th}}\\Big|\\Big)' },
    { p: 'Seitz (2021) asks every neuron to fire at $r_0$ ({param:r0_hz}) and the global rate $r_t$ to have variance $s^*$ ({param:s_star_hz2}), with $L = \\beta (s - s^*)^2$. Its learning signal is the same for every neuron — a global third factor that depresses synapses active while the population is above its mean when the variance is too high, and potentiates them when it is too low (“push–pull”):' },
    { eq: '\\frac{\\partial L}{\\partial z_j^t} = \\frac{4\\beta}{T N\\, dt}\\,(s - s^*)\\,(r_t - \\mu_r)' },
    { p: 'The app measures the mismatch on a log scale, $\\beta\\,(\\ln s/s^*)^2$: same minimum and the same push–pull sign, but the signal stays bounded when a synchronous burst makes $s \\gg s^*$ (with the squared difference such bursts threw the network into runaway). The variance is that of the global rate in 10-ms bins.' },
    { p: 'Seitz (2021) then suggests that constraining the variance drives the network towards criticality, a branching ratio $m \\to 1$. For a driven branching process $A_{t+1} \\sim \\text{Poisson}(m A_t + h)$ the stationary statistics say the opposite:' },
    { eq: '\\langle A\\rangle = \\frac{h}{1-m}, \\qquad \\operatorname{Var} A = \\frac{\\langle A\\rangle}{1 - m^2}' },
    { p: 'At a fixed mean rate, a LOWER variance means $m$ further from 1 (towards 0), and a higher variance means $m$ closer to 1. To read $m$ from activity the app uses the MR estimator (Wilting & Priesemann 2018): regress $r_k = \\operatorname{Cov}(A_t, A_{t+k})/\\operatorname{Var}(A_t)$ for many lags and fit $r_k = b\\, m^k$ ({plot:branching}). The naive ratio $\\langle A_{t+1}/A_t\\rangle$ ({metric:branching_naive}) reads about 1 for any stationary process, critical or not, so it says nothing.' },
  ],
  steps: [
    {
      label: 'Let it learn at full speed',
      set: {},
      speed: Infinity,
      lookFor: 'After a 2-s warm-up e-prop pulls every neuron towards $r_0$: {metric:mean_rate_hz} settles near {metric:target_rate_hz} while the variance of the {plot:global-rate} is pulled towards $s^*$ (the {plot:targets} plot shows both ratios; the variance overshoots first). The analysis uses the last 20 s.',
      expect: { metric: 'mean_rate_hz', above: 7, below: 13, when: { metric: 'analysed_s', above: 19 } },
    },
    {
      label: 'Lower the variance target: s* = 5 Hz²',
      set: { s_star_hz2: 5 },
      lookFor: 'The push–pull signal decorrelates the neurons; the {metric:rate_variance} falls to about that of independent neurons ({metric:poisson_variance}) and the {plot:branching} curve $r_k$ collapses: {metric:branching|m̂} drops to ≈ 0, AWAY from 1 — as the branching-process formula predicts, and contrary to Seitz (2021).',
      expect: { metric: 'branching', change: 'fall', below: 0.2 },
    },
    {
      label: 'Raise the variance target: s* = 100 Hz²',
      set: { s_star_hz2: 100 },
      lookFor: 'Now the population must fluctuate together: activity becomes correlated in time, $r_k$ decays slowly and {metric:branching|m̂} climbs towards 1 (≈ 0.9). The mean rate dips while the network adjusts and then returns towards $r_0$. Through all of this {metric:branching_naive|the naive ratio} hardly moves.',
      expect: { metric: 'branching', change: 'rise', above: 0.7 },
    },
  ],
  questions: [
    {
      question: 'Watch {metric:branching_naive} in all three steps. Could it tell you whether the network is near criticality?',
      answer: 'No. It stays a little above 1 (≈ 1.1–1.3) whether m̂ is 0 or 0.9: ⟨A_{t+1}/A_t⟩ is ≈ 1 for any stationary process (for a branching process 1.007 at m = 0.5 and 1.006 at m = 0.9), which is why the app fits the MR estimator instead.',
    },
    {
      question: 'With s* = 5 Hz², does {metric:rate_variance} reach 5 Hz²? Why not?',
      answer: 'No: it stalls near the 10 Hz² of independent Poisson neurons ({metric:poisson_variance}), at most a little below it. Going further would need neurons that fire in anti-correlated ways; the network instead sits at m̂ ≈ 0, the far end from criticality.',
    },
    {
      question: 'Use $\operatorname{Var} A = \langle A\rangle/(1 - m^2)$: at a fixed mean, what branching ratio gives twice the variance of an independent (m = 0) process?',
      answer: '1 − m² = 1/2, so m = 1/√2 ≈ 0.71. More variance needs m closer to 1; the variance diverges as m → 1. Constraining the variance to be small therefore pushes m towards 0.',
    },
  ],
  notes: [
    { p: 'Seitz (2021) claims that lowering the global-rate variance brings the branching ratio to 1. For a driven branching process at fixed mean rate it is the other way round (SCIENCE.md §5.3), and that is what this network does. When the $r_k$ are all close to 0 the fitted m̂ is poorly determined (it rests on $b \approx 0$); read it together with the $r_k$ curve and {metric:branching_r1|r₁}.' },
  ],
};
