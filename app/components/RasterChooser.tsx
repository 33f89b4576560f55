/** Choose which neurons the raster shows: all, an evenly spaced sample, or an id range (kept in the link). */
import { useEffect, useState } from 'react';
import type { RasterSelection } from '../../workers/simApi';
import { useStore } from '../store';
import { updateView } from '../store/viewActions';

export function RasterChooser() {
  const sel = useStore((s) => s.view.raster);
  const neurons = useStore((s) => s.info?.neurons ?? 0);
  const [n, setN] = useState('100');
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState(String(neurons));
  useEffect(() => {
    if (sel.mode === 'sample') setN(String(sel.n));
    if (sel.mode === 'range') {
      setFrom(String(sel.from));
      setTo(String(sel.to));
    } else setTo(String(neurons));
  }, [sel, neurons]);

  const commit = (mode: RasterSelection['mode']) => {
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
        <input aria-label="Sample size" data-testid="raster-sample" className="num" value={n} onChange={(e) => setN(e.target.value)} onBlur={() => commit('sample')} onKeyDown={onKey('sample')} />
      )}
      {sel.mode === 'range' && (
        <>
          <input aria-label="First neuron" data-testid="raster-from" className="num" value={from} onChange={(e) => setFrom(e.target.value)} onBlur={() => commit('range')} onKeyDown={onKey('range')} />
          –
          <input aria-label="Last neuron (exclusive)" data-testid="raster-to" className="num" value={to} onChange={(e) => setTo(e.target.value)} onBlur={() => commit('range')} onKeyDown={onKey('range')} />
        </>
      )}
    </span>
  );
}
