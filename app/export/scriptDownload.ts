/**
 * Shared by the script exports of the Share / export dialog (Brian2, PyNN): downloads the script
 * the worker wrote, or closes the dialog and shows why there is none in the message banner.
 */
import { useStore } from '../store';
import { downloadText } from './download';

export type ScriptResult = { ok: true; filename: string; script: string } | { ok: false; reason: string };

export function downloadScriptOrReason(simulator: string, r: ScriptResult): void {
  if (r.ok) {
    downloadText(r.filename, r.script, 'text/x-python');
    return;
  }
  const s = useStore.getState();
  s.setOverlay(null);
  s.pushMessage(`No ${simulator} export for ${s.info?.config.experiment ?? 'this experiment'}: ${r.reason}`, 'info');
}
