/**
 * User actions: module-level functions that talk to the worker and update the store
 * (zustand "no store actions" pattern). Every worker error becomes a readable message.
 */
import type { RunConfig, RunInfo, ViewConfig } from '../../workers/simApi';
import { sim } from '../engine/client';
import { captureReference, clearReference } from '../engine/compare';
import { live } from '../engine/frameBus';
import { pull, resetLiveData } from '../engine/frameLoop';
import { writeHash } from '../url/urlSync';
import { advanceToLinkStep } from './advanceActions';
import { withoutMissingImages } from './imageActions';
import { useStore } from './index';

const st = () => useStore.getState();

export function adopt(info: RunInfo): void {
  live.info = info;
  st().setInfo(info);
  st().setValues(info.params);
  st().setViewState(info.view);
  writeHash(info.fragment);
}

export async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    st().pushMessage(`${what} failed: ${(e as Error).message}`, 'error');
    return undefined;
  }
}

/** Builds a run from a config and starts it (or leaves it paused). */
export async function openConfig(config: RunConfig, autoplay = true): Promise<void> {
  st().setBusy(true);
  // Each experiment opens at its own speed (fast enough to show its effect within a minute),
  // unless the user has chosen a speed, which then stays.
  if (config.experiment !== st().info?.config.experiment && !speedChosen) st().setSpeedValue(defaultSpeed(config.experiment));
  await guarded('Building the network', async () => {
    const info = await sim().configure(config);
    adopt(info);
    resetLiveData();
    await sim().setSpeed(st().speed);
    if (autoplay && info.mode === 'simulated') await sim().play();
    await pull();
  });
  st().setBusy(false);
}

/** Runs the user chose (experiment picker, seed); boot() yields to a choice made while it loads. */
let userChoices = 0;

/** First load: read the link in the address bar (if any), report its problems, start the run. */
export async function boot(hash: string, restored = false): Promise<void> {
  const choicesAtStart = userChoices;
  await guarded('Starting', async () => {
    st().setExperiments(await sim().listExperiments());
    const decoded = await sim().decodeLink(hash);
    // The picker is usable as soon as the list arrives: if someone already chose, keep their run.
    if (userChoices !== choicesAtStart) return;
    const { view, messages } = decoded;
    const config = withoutMissingImages(decoded.config, st().experiments, view.localImages);
    for (const m of messages) st().pushMessage(m, 'warning');
    if (restored && messages.length === 0) st().pushMessage('Continued with your last configuration (stored in this browser); choose an experiment or open a link to start elsewhere.', 'info');
    await openConfig(config, st().autoplay);
    await applyView(view);
  });
  // A link with ?at=N opens paused at step N (only the page's first run: the address bar keeps the query).
  if (userChoices === choicesAtStart) await advanceToLinkStep(st().openAt);
}

/**
 * A link pasted into the address bar of the open tab (only the fragment changed, so the page did
 * not reload): open its run, unless it is the run already shown.
 */
export async function openPastedLink(hash: string): Promise<void> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment || fragment === st().info?.fragment) return;
  userChoices++;
  await guarded('Opening the link', async () => {
    const decoded = await sim().decodeLink(hash);
    for (const m of decoded.messages) st().pushMessage(m, 'warning');
    clearReference();
    st().setLesson(null);
    st().setGalleryOpen(false);
    await openConfig(withoutMissingImages(decoded.config, st().experiments, decoded.view.localImages), st().autoplay);
    await applyView(decoded.view);
  });
}

/** Every parameter of the current experiment back to its default: live ones as recorded changes, the rest by a rebuild. */
export async function restoreDefaults(): Promise<void> {
  const info = st().info;
  const exp = st().experiments.find((e) => e.id === info?.config.experiment);
  if (!info || !exp) return;
  const changed = exp.params.filter((p) => info.params[p.key] !== p.default);
  if (changed.length === 0) return;
  if (changed.every((p) => p.live)) {
    await setLiveParams(Object.fromEntries(changed.map((p) => [p.key, p.default])), 'defaults restored', 'defaults');
  } else {
    if (st().compare) captureReference(live.plots, 'defaults restored', 'defaults', performance.now());
    const params = Object.fromEntries(exp.params.map((p) => [p.key, p.default]));
    await openConfig({ ...info.config, params, events: [] }, st().playing);
  }
}

/**
 * Several live parameters in one change (all recorded at the same step, so the run never passes
 * through a state with only some of them changed): Restore defaults, a lesson step.
 */
export async function setLiveParams(patch: Record<string, number>, note: string, key: string): Promise<void> {
  if (st().compare) captureReference(live.plots, note, key, performance.now());
  st().setValues({ ...st().values, ...patch });
  const res = await guarded('Changing parameters', () => sim().setParams(patch));
  if (!res) return;
  for (const r of res.rejected) st().pushMessage(r, 'warning');
  adopt(res.info);
}

/** The speed an experiment opens at (its declared one, else real time). */
export function defaultSpeed(id: string | undefined): number {
  return st().experiments.find((e) => e.id === id)?.primary?.speed ?? 1000;
}

export async function play(): Promise<void> {
  if (st().info?.mode !== 'simulated') return; // computed experiments have nothing to run
  await guarded('Play', () => sim().play());
  await pull();
}

export async function pause(): Promise<void> {
  await guarded('Pause', () => sim().pause());
  await pull();
}

export async function togglePlay(): Promise<void> {
  return st().playing ? pause() : play();
}

export async function stepBy(n: number): Promise<void> {
  await guarded('Step', () => sim().step(n));
  await pull();
}

export async function reset(): Promise<void> {
  const wasPlaying = st().playing;
  st().setBusy(true);
  await guarded('Reset', async () => {
    await sim().pause();
    adopt(await sim().reset());
    resetLiveData();
    if (wasPlaying) await sim().play();
    await pull();
  });
  st().setBusy(false);
}

/** Live parameters change between steps; others rebuild the network from step 0. */
export async function setParam(key: string, value: number): Promise<void> {
  const info = st().info;
  const exp = st().experiments.find((e) => e.id === info?.config.experiment);
  const spec = exp?.params.find((p) => p.key === key);
  if (!info || !spec) return;
  if (st().compare) captureReference(live.plots, `${spec.label}: ${info.params[key]} → ${value}`, key, performance.now());
  if (spec.live) {
    st().setValue(key, value);
    const res = await guarded('Changing a parameter', () => sim().setParams({ [key]: value }));
    if (!res) return;
    for (const r of res.rejected) st().pushMessage(r, 'warning');
    adopt(res.info);
  } else {
    const params = { ...info.params, [key]: value };
    await openConfig({ ...info.config, params, events: [] }, st().playing);
  }
}

export async function changeExperiment(id: string): Promise<void> {
  const exp = st().experiments.find((e) => e.id === id);
  if (!exp) return;
  userChoices++;
  clearReference();
  st().setGalleryOpen(false); // the visitor has chosen: the start strip folds away
  const params = Object.fromEntries(exp.params.map((p) => [p.key, p.default]));
  await openConfig({ experiment: id, seed: st().info?.config.seed ?? 1, params, events: [] }, true);
}

export async function changeSeed(seed: number): Promise<void> {
  const info = st().info;
  if (!info) return;
  if (st().compare) captureReference(live.plots, `seed ${info.config.seed} → ${seed}`, 'seed', performance.now());
  await openConfig({ ...info.config, seed, params: { ...info.params }, events: [] }, st().playing);
}

/** The user picked a speed in the toolbar: it then applies to every experiment opened after. */
let speedChosen = false;

export async function setSpeed(speed: number, byUser = false): Promise<void> {
  if (byUser) speedChosen = true;
  st().setSpeedValue(speed);
  await guarded('Changing speed', () => sim().setSpeed(speed));
}

/** Stores view settings with the run (they travel in the link); notes local images a link cannot carry. */
export async function applyView(view: ViewConfig): Promise<void> {
  const info = await guarded('Changing the view', () => sim().setView({ ...view, localImages: 0 }));
  if (info) adopt(info);
}

/** Copies the current link to the clipboard and says so in the toolbar. */
export async function copyLink(): Promise<void> {
  try {
    await navigator.clipboard.writeText(currentLink());
    st().showToast('Link copied');
  } catch {
    st().showToast('Copy failed: select the address bar instead');
  }
  setTimeout(() => st().showToast(null), 2500);
}

/** The shareable link of the current run (reproduces it from step 0, including live changes). */
export function currentLink(): string {
  const info = st().info;
  const base = window.location.origin + window.location.pathname;
  return info ? `${base}#${info.fragment}` : base;
}
