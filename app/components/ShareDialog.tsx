/**
 * Share / export: the link (with its length, and the file instead when the recorded timeline
 * makes it too long to share), links for embedding and projecting, the configuration file
 * (download and import), the registered export actions, and the classroom checklist of what
 * the shared link hides.
 */
import { useRef, useState } from 'react';
import { SHAREABLE_LINK_CHARS, shareActions } from '../export/shareActions';
import { useStore } from '../store';
import { copyLink, currentLink } from '../store/actions';
import { importConfigFile } from '../store/viewActions';
import { HideChecklist, useControlItems, usePanelItems } from './HideChecklist';
import { useDialogFocus } from './useDialogFocus';

/** Largest configuration file read (bytes); the decoder checks the text again. */
const MAX_FILE_BYTES = 1_000_000;

export function ShareDialog() {
  const open = useStore((s) => s.overlay === 'share');
  useStore((s) => s.info?.fragment); // re-render when the link changes
  const events = useStore((s) => s.info?.config.events.length ?? 0);

  const panels = usePanelItems();
  const controls = useControlItems();
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  useDialogFocus(dialogRef, open);
  if (!open) return null;
  const close = () => useStore.getState().setOverlay(null);
  const link = currentLink();
  const tooLong = link.length > SHAREABLE_LINK_CHARS;
  const withQuery = (q: string) => link.replace(/(\?[^#]*)?#/, `?${q}#`);

  const onFile = async (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) return setStatus(`The file is too large (${f.size.toLocaleString('en')} bytes; limit ${MAX_FILE_BYTES.toLocaleString('en')}).`);
    const ok = await importConfigFile(await f.text());
    setStatus(ok ? `Imported ${f.name}.` : `Could not import ${f.name} (see the message above).`);
    if (ok) close();
  };

  return (
    <div className="overlay" data-testid="share-dialog" onClick={close}>
      <div ref={dialogRef} className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="share-title" onClick={(e) => e.stopPropagation()}>
        <div className="dialog-head">
          <h2 id="share-title">Share and export</h2>
          <button type="button" onClick={close} data-testid="share-close" data-autofocus aria-label="Close (Esc)">
            ✕
          </button>
        </div>
        <section>
          <h3>Link to this run</h3>
          <input className="linkbox" readOnly value={link} data-testid="share-link" onFocus={(e) => e.target.select()} aria-label="Link" />
          <p className="hint" data-testid="link-length">
            {link.length.toLocaleString('en')} characters · {events} recorded change{events === 1 ? '' : 's'} replayed exactly when the link is opened
          </p>
          {tooLong && (
            <p className="message warning" data-testid="link-too-long">
              The recorded timeline makes this link {link.length.toLocaleString('en')} characters long; many chat, mail and course systems cut links above {SHAREABLE_LINK_CHARS.toLocaleString('en')}. Share the configuration file instead (below), or Reset to start a shorter timeline.
            </p>
          )}
          <div className="row">
            <button onClick={() => void copyLink()} data-testid="share-copy">
              Copy link
            </button>
            <a href={withQuery('embed=1')} target="_blank" rel="noreferrer" data-testid="embed-link">
              Embed view (only the shown panels)
            </a>
            <a href={withQuery('projector=1')} target="_blank" rel="noreferrer">
              Projector view
            </a>
            <AtLink withQuery={withQuery} />
          </div>
        </section>
        <section>
          <h3>Files</h3>
          <ul className="actions">
            {shareActions().map((a) => (
              <li key={a.id}>
                <button data-testid={`action-${a.id}`} onClick={() => void a.run()}>
                  {a.label}
                </button>{' '}
                <span className="hint">{a.help}</span>
              </li>
            ))}
            <li>
              <button data-testid="import-config" onClick={() => fileRef.current?.click()}>
                Import configuration…
              </button>{' '}
              <span className="hint">Opens a downloaded configuration file (checked like a link).</span>
              <input ref={fileRef} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => void onFile(e.target.files?.[0])} />
            </li>
          </ul>
          {status && <p role="status" className="hint">{status}</p>}
        </section>
        <section>
          <h3>Classroom: what the link shows</h3>
          <p className="hint">Untick panels and controls to hide them for whoever opens the link (they can still choose “show all”).</p>
          <div className="cols">
            <HideChecklist items={panels} testId="share-panels" />
            <HideChecklist items={controls} testId="share-controls" />
          </div>
        </section>
        <button onClick={close}>Close</button>
      </div>
    </div>
  );
}

/** The link with ?at=<current step> (opens paused there); its own component, so only it follows the step. */
function AtLink({ withQuery }: { withQuery: (q: string) => string }) {
  const simulated = useStore((s) => s.info?.mode === 'simulated');
  const step = useStore((s) => s.step);
  if (!simulated) return null;
  return (
    <a href={withQuery(`at=${step}`)} target="_blank" rel="noreferrer" data-testid="at-link" title="The same link with ?at=: it replays the run to this step and opens paused there">
      Link at this step ({step.toLocaleString('en')}, paused)
    </a>
  );
}
