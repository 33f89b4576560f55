/**
 * Share / export → "Export as PyNN script" and "Download spikes (NWB)": the script carries the
 * run's seed and parameters; the NWB file, read with Debian's python3-h5py, holds exactly the
 * run's spikes (as many as the headless CLI counts for the same link and step) and its fingerprint.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { simCli } from './helpers';
import { openAt } from './runControl';

test('PyNN script and NWB spikes of the current run download from the Share / export dialog', async ({ page }) => {
  const fingerprint = await openAt(page, '/', 2000);
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');

  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  const [script] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-pynn').click()]);
  expect(script.suggestedFilename()).toBe('balanced-ei-pynn.py');
  const text = readFileSync((await script.path())!, 'utf8');
  expect(text.startsWith('#!/usr/bin/env python3\n# balanced-ei: Balanced E/I network (CUBA). PyNN 0.10 script exported from Plasticity Playground.\n')).toBe(true);
  const seed = Number(/app seed (\d+);/.exec(text)?.[1]);
  expect(Number.isInteger(seed)).toBe(true);
  expect(text).toContain(`parser.add_argument('--seed', type=int, default=${seed},`);
  expect(text).toContain('v_th = -50  # mV');
  expect(text).toContain('sim.IF_curr_exp(');
  expect(text).toContain('NumpyRNG(seed=args.seed, parallel_safe=True)');

  const [nwb] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-nwb').click()]);
  expect(nwb.suggestedFilename()).toBe(`balanced-ei-seed${seed}-step2000.nwb`);
  const file = (await nwb.path())!;
  expect(readFileSync(file).length).toBeGreaterThan(1000);
  const read = execFileSync('/usr/bin/python3', ['-c', [
    'import h5py, json, sys',
    "f = h5py.File(sys.argv[1], 'r')",
    "notes = json.loads(f['general/notes'][()])",
    "print(json.dumps({'spikes': int(f['units/spike_times'].shape[0]), 'units': int(f['units/id'].shape[0]), 'fingerprint': notes['fingerprint'], 'link': notes['link'], 'type': f.attrs['neurodata_type']}))",
  ].join('\n'), file], { encoding: 'utf8' });
  const d = JSON.parse(read);
  expect(d.type).toBe('NWBFile');
  expect(d.units).toBe(1000);
  expect(d.fingerprint).toBe(fingerprint.trim());
  const cli = simCli(d.link, 2000);
  expect(cli.fingerprint).toBe(d.fingerprint);
  expect(d.spikes).toBe(cli.spikes);
  expect(d.spikes).toBeGreaterThan(0);
});

test('an experiment PyNN cannot express shows the reason instead of a file', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('experiment').locator('option[value="stdp-window"]')).toHaveCount(1);
  await page.getByTestId('experiment').selectOption('stdp-window');
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-window');
  await page.getByTestId('share').click();
  await page.getByTestId('action-pynn').click();
  await expect(page.getByTestId('share-dialog')).toHaveCount(0);
  await expect(page.getByTestId('messages')).toContainText('No PyNN export for stdp-window: A computed experiment');
});
