/** Title bar: experiment picker, seed, and the one-paragraph description of the experiment. */
import { useEffect, useState } from 'react';
import { useStore } from '../store';
import { changeExperiment, changeSeed } from '../store/actions';
import { OfflineStatus } from './OfflineStatus';

const MAX_SEED = 0xffffffff;

export function ExperimentHeader() {
  const experiments = useStore((s) => s.experiments);
  const info = useStore((s) => s.info);
  const busy = useStore((s) => s.busy);
  const pushMessage = useStore((s) => s.pushMessage);
  const seed = info?.config.seed ?? 1;
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);
  const exp = experiments.find((e) => e.id === info?.config.experiment);

  const commitSeed = () => {
    const t = seedText.trim();
    const n = Number(t);
    if (!/^\d+$/.test(t) || n > MAX_SEED) {
      pushMessage(`Seed must be a whole number from 0 to ${MAX_SEED}.`, 'warning');
      setSeedText(String(seed));
      return;
    }
    if (n !== seed) void changeSeed(n);
  };
  const newSeed = () => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    void changeSeed(buf[0]);
  };

  return (
    <header className="header">
      <div className="brand">
        <h1>Plasticity Playground</h1>
        <OfflineStatus />
      </div>
      <label>
        Experiment{' '}
        <select data-testid="experiment" value={exp?.id ?? ''} disabled={busy} onChange={(e) => void changeExperiment(e.target.value)}>
          {experiments.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Seed{' '}
        <input
          data-testid="seed"
          className="seed"
          inputMode="numeric"
          value={seedText}
          disabled={busy}
          onChange={(e) => setSeedText(e.target.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === 'Enter' && commitSeed()}
        />
      </label>
      <button onClick={newSeed} disabled={busy} title="Draw a new random seed (rebuilds the network)">
        New seed
      </button>
      {info && info.mode === 'simulated' && info.neurons > 0 && (
        <span className="muted" data-testid="network-size">
          {info.neurons.toLocaleString('en')} neuron{info.neurons === 1 ? '' : 's'} · {info.synapses.toLocaleString('en')} synapse{info.synapses === 1 ? '' : 's'} · dt = {info.dt_ms} ms
        </span>
      )}
      {exp && <p className="summary">{exp.summary}</p>}
    </header>
  );
}
