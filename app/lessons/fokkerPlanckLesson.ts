/** Lesson: stochastic neurons and the Fokker–Planck equation (source 004). SCIENCE.md §1. */
import type { Lesson } from './types';

export const fokkerPlanckLesson: Lesson = {
  id: 'fokker-planck',
  title: 'Stochastic neurons and Fokker–Planck',
  blurb: 'Ten thousand noisy integrate-and-fire neurons against the equation for their voltage density and the Siegert rate.',
  experiment: 'fokker-planck',
  seed: 1,
  speed: 1000,
  intro: [
    { p: 'Each neuron integrates a mean drive $\\mu$ ({param:mu_mV}) plus white noise of amplitude $\\sigma$ ({param:sigma_mV}); voltages are in mV from rest (Brunel’s convention):' },
    { eq: '\\tau\\, \\frac{dV}{dt} = -V + \\mu + \\sigma \\sqrt{\\tau}\\, \\xi(t), \\qquad \\langle \\xi(t)\\xi(t\')\\rangle = \\delta(t - t\')' },
    { p: 'At $V = \\theta$ ({param:v_th_mV}) a neuron spikes, is reset to $V_r$ ({param:v_reset_mV}) and held there for $\\tau_\\text{ref}$. The density of voltages $P(V,t)$ obeys a Fokker–Planck equation, with an absorbing threshold $P(\\theta) = 0$ whose outflow, the firing rate, is re-injected at $V_r$:' },
    { eq: '\\tau\\, \\partial_t P = \\frac{\\sigma^2}{2}\\, \\partial_V^2 P + \\partial_V\\big[(V - \\mu)\\, P\\big], \\qquad \\nu(t) = -\\frac{\\sigma^2}{2\\tau}\\, \\partial_V P\\big|_{\\theta}' },
    { p: 'Its stationary solution gives the rate in closed form (Siegert):' },
    { eq: '\\frac{1}{\\nu} = \\tau_\\text{ref} + \\tau \\sqrt{\\pi} \\int_{(V_r - \\mu)/\\sigma}^{(\\theta - \\mu)/\\sigma} e^{u^2}\\,\\big(1 + \\operatorname{erf} u\\big)\\, du' },
    { p: 'The {plot:density} plot compares the histogram of the simulated voltages with the Fokker–Planck density; the {plot:rate} plot compares the population rate ({metric:rate_mc_hz}) with the Siegert rate ({metric:rate_theory_hz}).' },
  ],
  steps: [
    {
      label: 'Bring the mean drive up to threshold: μ = 20 mV',
      set: { mu_mV: 20 },
      lookFor: 'Density and rate relax to a new steady state within a few τ; the simulated rate ({metric:rate_mc_hz}) rises from ≈ 9.5 Hz to ≈ 27 Hz, on top of the Siegert value 27.34 Hz.',
      expect: { metric: 'rate_mc_hz', change: 'rise', factor: 2 },
    },
    {
      label: 'Less noise at threshold: σ = 2 mV',
      set: { sigma_mV: 2 },
      lookFor: 'With the mean exactly at threshold, spikes are caused by fluctuations: less noise means fewer crossings, and the rate falls to ≈ 18.5 Hz. The {plot:density} narrows and the {metric:cv_isi|ISI CV} drops to ≈ 0.4.',
      expect: { metric: 'rate_mc_hz', change: 'fall', factor: 0.8 },
    },
    {
      label: 'Suprathreshold drive: μ = 25 mV',
      set: { mu_mV: 25 },
      lookFor: 'Now the mean alone crosses threshold: the neurons fire almost like clocks at ≈ 42.8 Hz (the noiseless value would be 41.7 Hz) and the {plot:isi} distribution is narrow, CV ≈ 0.21.',
      expect: { metric: 'cv_isi', below: 0.3 },
    },
  ],
  questions: [
    {
      question: 'Why can a neuron whose mean input is below threshold ($\\mu < \\theta$) fire at all? Try μ = 15 mV with σ = 5 mV and with σ = 1 mV.',
      answer: 'Fluctuations carry V over θ. At μ = 15, σ = 5 the rate is ≈ 9.5 Hz with a CV near 0.8 (irregular, Poisson-like); with σ = 1 mV crossings become rare and the rate drops towards 0.',
    },
    {
      question: 'A simulation that checks $V \\geq \\theta$ only once per time step misses crossings between steps. Which way does that bias the rate, and how does the engine avoid it?',
      answer: 'It underestimates the rate (by ≈ 6.6% at μ = 15, σ = 5, dt = 0.1 ms; the error scales as √dt). The engine checks for a crossing between steps with a Brownian-bridge probability, which is why its rate matches the Siegert value.',
    },
    {
      question: 'Switch the {param:model|neuron model} to the EIF. Where does the spike now start?',
      answer: 'Near the soft threshold V_T, where the exponential term takes over and drives V to the cutoff on its own: the spike onset is no longer a hard wall, so the rate depends much less on the time step.',
    },
  ],
  notes: [
    { p: 'Source 004 writes the diffusion term as $(\\sigma^2/\\tau)\\,\\partial_V^2 P$, so its σ is Brunel’s divided by √2, and its drift term has a sign slip: with $\\tau \\dot V = (E - V) + \\psi(V) + I$ the drift is $\\partial_V[(V - E - \\psi)P/\\tau]$. This app uses Brunel’s convention throughout.' },
  ],
};
