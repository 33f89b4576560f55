/**
 * One parameter: a slider and a number box generated from its schema entry. Live parameters
 * act while the network runs; the others rebuild it (on release, not on every slider tick).
 * Typed values outside the schema's range are refused with a message beside the box.
 */
import { useEffect, useState } from 'react';
import type { ParamSpec } from '../../workers/simApi';
import { formatValue } from './format';

interface Props {
  spec: ParamSpec;
  value: number;
  disabled: boolean;
  onCommit(value: number): void;
}

export function ParamControl({ spec, value, disabled, onCommit }: Props) {
  const [draft, setDraft] = useState<number>(value);
  const [text, setText] = useState<string>(formatValue(value, spec.step));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setText(formatValue(value, spec.step));
  }, [value, spec.step]);

  const commitText = () => {
    const x = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(x)) return setError('Enter a number');
    if (x < spec.min || x > spec.max) return setError(`Allowed: ${spec.min} to ${spec.max} ${spec.unit}`.trim());
    if (spec.integer && !Number.isInteger(x)) return setError('Whole numbers only');
    setError(null);
    if (x !== value) onCommit(x);
  };
  const onSlide = (x: number) => {
    setDraft(x);
    setText(formatValue(x, spec.step));
    setError(null);
    if (spec.live) onCommit(x);
  };
  const commitSlide = () => {
    if (!spec.live && draft !== value) onCommit(draft);
  };
  const id = `param-${spec.key}`;

  if (spec.options) {
    return (
      <div className="param">
        <label htmlFor={id} title={spec.help}>
          {spec.label}
          {!spec.live && <span className="rebuild" title="Changing this rebuilds the network from t = 0"> ⟳</span>}
        </label>
        <select id={id} data-testid={id} className="choice" value={String(value)} disabled={disabled} onChange={(e) => onCommit(Number(e.target.value))}>
          {spec.options.map((label, k) => (
            <option key={label} value={String(k)}>
              {label}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <div className={`param${error ? ' invalid' : ''}`}>
      <label htmlFor={id} title={spec.help}>
        {spec.label}
        {spec.unit && <span className="unit"> ({spec.unit})</span>}
        {!spec.live && <span className="rebuild" title="Changing this rebuilds the network from t = 0"> ⟳</span>}
      </label>
      <div className="param-row">
        <input
          id={id}
          data-testid={id}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={draft}
          disabled={disabled}
          onChange={(e) => onSlide(Number(e.target.value))}
          onPointerUp={commitSlide}
          onKeyUp={commitSlide}
          onBlur={commitSlide}
        />
        <input
          className="num"
          data-testid={`${id}-value`}
          aria-label={`${spec.label} value`}
          inputMode="decimal"
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => e.key === 'Enter' && commitText()}
        />
      </div>
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}
