/** Lesson: e-prop with Seitz (2021)'s global-rate objective, and what the branching ratio really does. SCIENCE.md §5. */
import type { Lesson } from './types';

export const epropLesson: Lesson = {
  id: 'eprop-criticality',
  title: 'e-prop and criticality',
  blurb: 'A recurrent network learns to hold its rate and the variance of its global rate; does the variance target set the branching ratio? (Not here: the network buys variance with synchrony.)',
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
    { p: 'So for a branching process at a fixed mean rate, a LOWER variance means $m$ further from 1, and a higher variance $m$ closer to 1 — never the reverse. But a spiking network has a second way to be variable: neurons can fire together within one bin (synchrony), which raises the binned variance without any propagation from bin to bin. The app splits the variance into the Poisson floor, a part across bins ($r_1^2\\operatorname{Var}$, predictable from the previous bin: what a branching estimator sees) and a part within a bin ({plot:variance-split}), and draws the branching line $\\operatorname{Var}/\\text{mean} = 1/(1-m^2)$ with the network on it or off it ({plot:branching-line}).' },
    { p: 'To read $m$ from activity the app uses the MR estimator (Wilting & Priesemann 2018): regress $r_k = \\operatorname{Cov}(A_t, A_{t+k})/\\operatorname{Var}(A_t)$ for many lags and fit $r_k = b\\, m^k$ ({plot:branching}). The naive ratio $\\langle A_{t+1}/A_t\\rangle$ ({metric:branching_naive}) reads about 1 for any stationary process, critical or not, so it says nothing.' },
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
      label: 'Lower the variance target to the Poisson floor: s* = 10 Hz²',
      set: { s_star_hz2: 10 },
      lookFor: 'The push–pull signal decorrelates the neurons; {metric:rate_variance} falls towards that of independent neurons ({metric:poisson_variance}), and in {plot:variance-split} both excess parts shrink towards 0. {metric:branching|m̂} stays far from 1.',
      expect: { metric: 'rate_variance', change: 'fall', below: 16 },
    },
    {
      label: 'Raise the variance target: s* = 60 Hz²',
      set: { s_star_hz2: 60 },
      lookFor: 'The variance climbs (to about three quarters of $s^*$ within the analysis window), but watch where it comes from: in {plot:variance-split} almost all of the excess is synchrony within a bin, while the part across bins stays small. {metric:branching|m̂} does not climb towards 1, and in {plot:branching-line} the network sits far above the branching line: its Var/mean ({metric:fano_factor}) is much larger than $1/(1-\\hat m^2)$ ({metric:branching_line_fano}).',
      expect: { metric: 'variance_within_bin', change: 'rise' },
    },
  ],
  questions: [
    {
      question: 'Watch {metric:branching_naive} in all three steps. Could it tell you whether the network is near criticality?',
      answer: 'No. It stays at or a little above 1 whatever m̂ is: ⟨A_{t+1}/A_t⟩ is ≈ 1 for any stationary process (for a branching process 1.007 at m = 0.5 and 1.006 at m = 0.9), which is why the app fits the MR estimator instead.',
    },
    {
      question: 'Set s* = 5 Hz², half the Poisson floor. Does {metric:rate_variance} reach it? Why not?',
      answer: 'No: it stalls near the 10 Hz² of independent Poisson neurons ({metric:poisson_variance}). Going below would need neurons that fire in anti-correlated ways.',
    },
    {
      question: 'Use $\operatorname{Var} A = \langle A\rangle/(1 - m^2)$: at a fixed mean, what branching ratio gives twice the variance of an independent (m = 0) process?',
      answer: '1 − m² = 1/2, so m = 1/√2 ≈ 0.71. More variance needs m closer to 1; the variance diverges as m → 1. Constraining the variance to be small therefore pushes m towards 0.',
    },
  ],
  notes: [
    { p: 'What the grid in docs/STUDIES.md supports (r₀ = 5, 7, 10, 14 Hz × s* = 1.5, 3 and 6 times the Poisson floor, three seeds): after 500 s of training every run holds its rate within 10% of r₀ and its variance within 25% of s* (at r₀ = 5 Hz learning is slowest: after this app’s default 200 s the variance can still be 25–35% short). Across the grid 91–100% of the excess variance is synchrony within a bin, and m̂ does not rise with s* (it rose monotonically in 1 of the 12 seed series). So this network does not confirm Seitz (2021)’s claim that lowering the variance brings m to 1, nor the branching-process expectation that raising it brings m closer to 1: it changes its synchrony instead. When the $r_k$ are all close to 0 the fitted m̂ is poorly determined (it rests on $b \\approx 0$); read it together with the $r_k$ curve and {metric:branching_r1|r₁}.' },
  ],
};
