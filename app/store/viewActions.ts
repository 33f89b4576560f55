/**
 * View actions: hide or show controls and panels, choose raster neurons, import a configuration
 * file. View settings go to the worker, which keeps them in the link (so a shared link hides
 * the same things), and come back in RunInfo.
 */
import type { ViewConfig } from '../../workers/simApi';
import { sim } from '../engine/client';
import { adopt, applyView, guarded, openConfig } from './actions';
import { withoutMissingImages } from './imageActions';
import { useStore } from './index';

const st = () => useStore.getState();

export async function updateView(patch: Partial<ViewConfig>): Promise<void> {
  const before = st().view;
  const next = { ...before, ...patch };
  st().setViewState(next); // at once: checkboxes and panels follow the click, the link follows the worker
  const info = await guarded('Changing the view', () => sim().setView(next));
  if (info) adopt(info);
  else st().setViewState(before);
}

/** Hides (or shows again) one control or panel id. */
export async function setHidden(id: string, hide: boolean): Promise<void> {
  const cur = st().view.hidden.filter((h) => h !== id);
  await updateView({ hidden: hide ? [...cur, id] : cur });
}

/** Opens a configuration file's run (validated by the same schema as links); reports its problems. */
export async function importConfigFile(text: string): Promise<boolean> {
  const r = await guarded('Reading the file', () => sim().decodeConfigFile(text));
  if (!r) return false;
  for (const m of r.messages) st().pushMessage(m, 'warning');
  if (r.messages.some((m) => /nothing was imported|not a valid configuration|too large|malformed|Unsupported/.test(m))) return false;
  await openConfig(withoutMissingImages(r.config, st().experiments, r.view.localImages), st().autoplay);
  await applyView(r.view);
  return true;
}

/** Text of the current run's configuration file. */
export async function configFileText(): Promise<string | undefined> {
  return guarded('Writing the configuration', () => sim().configFile());
}
