/**
 * "Your own images": drop or pick a few pictures for the network to train on. They are decoded
 * in this page (never uploaded), shrunk to 28×28 grey levels and sequenced like MNIST digits.
 */
import { useState } from 'react';
import { MAX_FILE_BYTES, MAX_IMAGES } from '../engine/localImages';
import { useStore } from '../store';
import { trainOnOwnImages } from '../store/imageActions';

export function ImageDrop() {
  const exp = useStore((s) => s.experiments.find((e) => e.id === s.info?.config.experiment));
  const used = useStore((s) => s.info?.view.localImages ?? 0);
  const busy = useStore((s) => s.busy);
  const [over, setOver] = useState(false);
  const [status, setStatus] = useState('');
  if (!exp?.localImages) return null;
  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setStatus('Decoding…');
    const n = await trainOnOwnImages(Array.from(list));
    setStatus(n > 0 ? `Training on ${n} of your image${n === 1 ? '' : 's'}.` : 'No usable image (see the messages above).');
  };
  return (
    <section
      className={`image-drop${over ? ' over' : ''}`}
      data-testid="image-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer.files);
      }}
    >
      <h2>Your own images</h2>
      <p className="hint">
        Drop up to {MAX_IMAGES} pictures here (PNG, JPEG, GIF, WebP or BMP, ≤ {MAX_FILE_BYTES / 1024 / 1024} MB each), or{' '}
        <label className="file-pick">
          choose files
          <input type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/bmp" multiple hidden disabled={busy} data-testid="image-files" onChange={(e) => void take(e.target.files)} />
        </label>
        . They stay on this computer; a shared link only says that your images were used.
      </p>
      {(status || used > 0) && (
        <p className="hint" role="note" data-testid="image-status">
          {status || `Training on ${used} of your images.`}
        </p>
      )}
    </section>
  );
}
