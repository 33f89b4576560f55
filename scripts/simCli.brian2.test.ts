/** `npm run sim -- … --brian2 out.py`: argument parsing and the script for the configured run. */
import { describe, expect, it } from 'vitest';
import { encodeLink } from '../src-engine/config/link';
import { defaultRunConfig } from '../src-engine/config/runConfig';
import { brian2FromArgs, CliError, parseSimArgs } from './simCli';

describe('sim --brian2', () => {
  it('writes the configured parameters and seed into the script', () => {
    const a = parseSimArgs(['--experiment', 'balanced-ei', '--seed', '7', '--set', 'v_th_mV=-48', '--brian2', 'out.py']);
    expect(a.brian2).toBe('out.py');
    const s = brian2FromArgs(a);
    expect(s).toContain('from brian2 import *');
    expect(s).toContain('v_th = -48 * mV');
    expect(s).toContain("parser.add_argument('--seed', type=int, default=7");
  });

  it("a link's recorded changes are exported as their final values, with a warning", () => {
    const cfg = defaultRunConfig('stdp-bimodal');
    cfg.events = [{ step: 100, key: 'input_rate_hz', value: 20 }, { step: 500, key: 'input_rate_hz', value: 25 }];
    const warnings: string[] = [];
    const s = brian2FromArgs(parseSimArgs(['--url', encodeLink(cfg, 'http://localhost:5173/'), '--brian2', 'x.py']), (m) => warnings.push(m));
    expect(s).toContain('input_rate = 25 * Hz');
    expect(warnings.join(' ')).toMatch(/2 recorded change/);
  });

  it('an experiment Brian2 cannot express is an error with the reason; bad values are errors', () => {
    expect(() => brian2FromArgs(parseSimArgs(['--experiment', 'stdp-window', '--brian2', 'x.py']))).toThrow(/no Brian2 export for stdp-window: A computed experiment/);
    expect(() => brian2FromArgs(parseSimArgs(['--experiment', 'balanced-ei', '--set', 'v_th_mV=99', '--brian2', 'x.py']))).toThrow(CliError);
    expect(() => parseSimArgs(['--experiment', 'balanced-ei', '--brian2'])).toThrow(/--brian2 needs a value/);
  });
});
