/** Lesson: the energy-based folded autoencoder (Dold et al., source 002). SCIENCE.md §7. */
import type { Lesson } from './types';

export const foldedLesson: Lesson = {
  id: 'folded-energy',
  title: 'Folded autoencoder: learning by descending one energy',
  blurb: 'Neurons roll down an energy made of bottom-up and top-down prediction errors; the weights learn by descending the same energy.',
  experiment: 'folded-autoencoder',
  seed: 1,
  speed: 1000,
  intro: [
    { p: 'Every layer $i$ has potentials $u_i$ and rates $r_i = \\varphi(u_i)$. Forward weights $W_i$ predict a layer from the one below, generative weights $G_i$ from the one above, and the visible layer is pulled towards the digit $x$. One energy adds the two prediction errors, gated by {param:lambda}, and the visible cost weighted by {param:beta}:' },
    { eq: 'E = \\frac{\\lambda}{2}\\sum_{i=1}^{N}\\lVert u_i - W_i r_{i-1}\\rVert^2 + \\frac{1-\\lambda}{2}\\sum_{i=0}^{N-1}\\lVert u_i - G_i r_{i+1}\\rVert^2 + \\beta\\lVert u_0 - x\\rVert^2' },
    { p: 'The neurons follow the gradient, $\\tau \\dot u_i = -\\partial E/\\partial u_i$ (Euler steps of size {param:step_size}), so E can only go down while the step is below the stability bound $2/L$ ({metric:stability_bound}). At the relaxed state the weights learn by descending E too — each is a dendritic prediction of somatic activity (Urbanczik–Senn):' },
    { eq: '\\dot W_i = \\eta_W\\, \\lambda\\, \\varepsilon_i^W\\, r_{i-1}^{\\top}, \\qquad \\dot G_i = \\eta_G\\, (1-\\lambda)\\, \\varepsilon_i^G\\, r_{i+1}^{\\top}, \\qquad \\varepsilon_i^W = u_i - W_i r_{i-1},\\; \\varepsilon_i^G = u_i - G_i r_{i+1}' },
  ],
  steps: [
    {
      label: 'Let it learn at full speed',
      set: {},
      speed: Infinity,
      lookFor: 'Each digit relaxes downhill (the {plot:energy} curve only falls, {metric:energy_increases} stays 0) and the held-out {plot:reconstruction} error, encoding with W and decoding with G, drops.',
      expect: { metric: 'reconstruction_error_final', below: 0.08 },
    },
    {
      label: 'Weight the bottom-up errors: λ = 0.9',
      set: { lambda: 0.9 },
      speed: 1000,
      lookFor: 'The basin moves towards the bottom-up prediction. With these weights the state can satisfy the forward predictions far better than the top-down ones, so the energy it relaxes to (the {plot:energy} curve) drops several-fold.',
      expect: { plot: 'energy', change: 'fall', factor: 0.5 },
    },
    {
      label: 'Take too large inference steps: h = 0.6',
      set: { step_size: 0.6 },
      lookFor: 'Above the stability bound the Euler steps overshoot the valley: the energy rises during relaxation and {metric:energy_increases} starts counting.',
      expect: { metric: 'energy_increases', above: 0 },
    },
  ],
  questions: [
    {
      question: 'Set {param:lambda} to 0. What does the measurement {metric:flow} say, and why?',
      answer: 'At λ = 0 only the top-down errors count. The top layer then appears only through its rates in the prediction of the layer below, so nothing anchors it: its fixed point is not unique. The engine keeps the state finite and reports the degeneracy.',
    },
    {
      question: 'For small λ, what does learning G approximate?',
      answer: 'For 0 < λ ≪ 1, G-learning approximates backpropagation of the reconstruction cost ($\\dot G \\propto -(1-\\lambda)^2 \\nabla_G C$), while W-learning makes the encoder match the generative activity at each layer.',
    },
  ],
  notes: [
    { p: 'Source 002 is a poster; the dynamics and rules above are derived from its energy (SCIENCE.md §7), not taken from published code.' },
  ],
};
