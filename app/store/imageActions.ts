/**
 * Own images: decode the files locally, register them with the worker, and switch the
 * experiment's input to them (a rebuild). Links opened elsewhere cannot carry the images:
 * boot falls back to the experiment's default input and says so.
 */
import type { ExperimentInfo, RunConfig } from '../../workers/simApi';
import { sim } from '../engine/client';
import { decodeImageFiles, lastLocalImages, rememberLocalImages } from '../engine/localImages';
import { guarded, openConfig } from './actions';
import { useStore } from './index';
import { onWorkerRestart } from './recovery';

const st = () => useStore.getState();

export async function trainOnOwnImages(files: File[]): Promise<number> {
  const info = st().info;
  const exp = st().experiments.find((e) => e.id === info?.config.experiment);
  if (!info || !exp?.localImages) return 0;
  const { images, problems } = await decodeImageFiles(files);
  for (const p of problems) st().pushMessage(p, 'warning');
  if (!images) return 0;
  const ok = await guarded('Loading your images', () => sim().provideLocalImages(images));
  if (!ok) return 0;
  rememberLocalImages(images);
  const { key, option } = exp.localImages;
  await openConfig({ ...info.config, params: { ...info.params, [key]: option }, events: [] }, st().playing || st().autoplay);
  return ok.count;
}

/**
 * A configuration that trains on local images this page does not have: the same run with the
 * experiment's default input, and a message. Other configurations pass unchanged.
 */
export function withoutMissingImages(config: RunConfig, experiments: ExperimentInfo[], usedCount: number): RunConfig {
  const exp = experiments.find((e) => e.id === config.experiment);
  const li = exp?.localImages;
  if (!li || config.params[li.key] !== li.option || lastLocalImages()) return config;
  const spec = exp.params.find((p) => p.key === li.key);
  const fallback = spec?.default ?? 0;
  const n = usedCount > 0 ? `${usedCount} image${usedCount === 1 ? '' : 's'}` : 'images';
  st().pushMessage(`This run was trained on ${n} from its author's computer, which a link cannot carry; showing “${spec?.options?.[fallback] ?? fallback}” instead. Drop your own images to train on them.`, 'info');
  return { ...config, params: { ...config.params, [li.key]: fallback }, events: config.events.filter((e) => e.key !== li.key) };
}

// A restarted worker gets the images again before the run is rebuilt.
onWorkerRestart(async () => {
  const images = lastLocalImages();
  if (images) await sim().provideLocalImages(images);
});
