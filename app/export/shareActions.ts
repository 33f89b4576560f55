/**
 * The actions of the Share / export dialog, as a list: each entry is a button. Other features
 * add their own entry with registerShareAction() (e.g. a script export), so the dialog never
 * needs to know about them.
 */
import { downloadText, fileStem } from './download';
import { useStore } from '../store';
import { configFileText } from '../store/viewActions';

export interface ShareAction {
  id: string;
  label: string;
  /** One sentence under the button. */
  help: string;
  run(): void | Promise<void>;
}

/** Links longer than this are cut by many chat, mail and course systems (the engine's SHAREABLE_LINK_CHARS). */
export const SHAREABLE_LINK_CHARS = 2000;

const actions: ShareAction[] = [
  {
    id: 'download-config',
    label: 'Download configuration (JSON)',
    help: 'Experiment, seed, parameters, every recorded change and the view settings; import it here to reproduce the run.',
    run: async () => {
      const text = await configFileText();
      const s = useStore.getState();
      if (text) downloadText(`${fileStem(s.info?.config.experiment ?? 'run', s.step, 'config')}.json`, text, 'application/json');
    },
  },
];

export function registerShareAction(a: ShareAction): void {
  if (!actions.some((x) => x.id === a.id)) actions.push(a);
}

export function shareActions(): readonly ShareAction[] {
  return actions;
}
