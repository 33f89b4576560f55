/**
 * Choose which neurons the raster shows: all, an evenly spaced sample, or an id range (kept in the link).
 * The boxes follow the selection in effect only while the user is not editing them: a reply from a
 * busy worker (e.g. to choosing "a range") must never overwrite what was typed since.
 */
import { useEffect, useRef, useState } from 'react';
import type { RasterSelection } from '../../workers/simApi';
import { useStore } from '../store';
import { updateView } from '../store/viewActions';

export function RasterChooser() {
  const sel = useStore((s) => s.view.raster);
  const neurons = useStore((s) => s.info?.neurons ?? 0);
  const [n, setN] = useState('100');
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState(String(neurons));
  /** Typed but not yet committed: the box keeps the user's text until Enter or blur. */
  const editing = useRef(false);
  const selN = sel.mode === 'sample' ? sel.n : -1;
  const selFrom = sel.mode === 'range' ? sel.from : -1;
  const selTo = sel.mode === 'range' ? sel.to : -1;
  useEffect(() => {
    if (editing.current) return;
    if (selN >= 0) setN(String(selN));
    if (selFrom >= 0) {
      setFrom(String(selFrom));
      setTo(String(selTo));
    } else setTo(String(neurons));
  }, [selN, selFrom, selTo, neurons]);
  const edit = (set: (t: string) => void) => (e: React.ChangeEvent<HTMLInputElement>) => {
    editing.current = true;
    set(e.target.value);
  };

  const commit = (mode: RasterSelection['mode']) => {
    editing.current = false;
    const int = (t: string) => Math.max(0, Math.min(neurons, Math.floor(Number(t)) || 0));
    const next: RasterSelection = mode === 'all' ? { mode } : mode === 'sample' ? { mode, n: Math.max(1, int(n)) } : { mode, from: int(from), to: Math.max(int(from) + 1, int(to)) };
    void updateView({ raster: next });
  };
  const onKey = (mode: RasterSelection['mode']) => (e: React.KeyboardEvent) => e.key === 'Enter' && commit(mode);

  return (
    <span className="chooser" data-testid="raster-chooser">
      <select aria-label="Neurons shown in the raster" data-testid="raster-mode" value={sel.mode} onChange={(e) => commit(e.target.value as RasterSelection['mode'])}>
        <option value="all">all neurons</option>
        <option value="sample">a sample</option>
        <option value="range">a range</option>
      </select>
      {sel.mode === 'sample' && (
        <input aria-label="Sample size" data-testid="raster-sample" className="num" value={n} onChange={edit(setN)} onBlur={() => commit('sample')} onKeyDown={onKey('sample')} />
      )}
      {sel.mode === 'range' && (
        <>
          <input aria-label="First neuron" data-testid="raster-from" className="num" value={from} onChange={edit(setFrom)} onBlur={() => commit('range')} onKeyDown={onKey('range')} />
          –
          <input aria-label="Last neuron (exclusive)" data-testid="raster-to" className="num" value={to} onChange={edit(setTo)} onBlur={() => commit('range')} onKeyDown={onKey('range')} />
        </>
      )}
    </span>
  );
}
