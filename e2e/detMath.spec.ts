/**
 * Issue 14 point 2: the same link gives the same fingerprint in Node (the CLI) and in the browser,
 * also for models whose state depends on exp/log/sin/… at run time (core/detMath.ts; V8 in Node 20
 * and in Chromium differ in the last bit of Math.exp, log, sin, cos, pow). The links are opened
 * at a fixed step (?at=N) and the fingerprints compared with the headless CLI's.
 */
import { expect, test } from './fixtures';
import LZString from 'lz-string';
import { simCli } from './helpers';
import { openAt } from './runControl';

const link = (e: string, p: Record<string, number>) => '/#c=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 2, e, s: 7, p }));

test('fokker-planck (white-noise LIF, WebAssembly kernel with detMath exp/log): browser fingerprint = CLI fingerprint', async ({ page }) => {
  const fp = await openAt(page, link('fokker-planck', { n_neurons: 500 }), 2003);
  await expect(page.getByTestId('experiment')).toHaveValue('fokker-planck');
  const cli = simCli(page.url(), 2003);
  expect(cli.steps).toBe(2003);
  expect(cli.spikes).toBeGreaterThan(0);
  expect(fp).toBe(cli.fingerprint);
});

test('superspike-target (exp-filtered traces, sin/cos target picture): browser fingerprint = CLI fingerprint', async ({ page }) => {
  const fp = await openAt(page, link('superspike-target', { n_inputs: 60, n_hidden: 16, n_out: 10 }), 1002);
  await expect(page.getByTestId('experiment')).toHaveValue('superspike-target');
  const cli = simCli(page.url(), 1002);
  expect(cli.steps).toBe(1002);
  expect(fp).toBe(cli.fingerprint);
});

test('eprop-pattern (sine-sum target, exp decays, e-prop learning): browser fingerprint = CLI fingerprint', async ({ page }) => {
  const fp = await openAt(page, link('eprop-pattern', {}), 1202);
  await expect(page.getByTestId('experiment')).toHaveValue('eprop-pattern');
  const cli = simCli(page.url(), 1202);
  expect(cli.steps).toBe(1202);
  expect(fp).toBe(cli.fingerprint);
});
