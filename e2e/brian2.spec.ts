/** Share / export → "Export as Brian2 script": downloads the script, or shows why there is none. */
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';

test('Export as Brian2 script downloads <experiment>-brian2.py with the current parameters', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('experiment')).toHaveValue('balanced-ei');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('action-brian2').click()]);
  expect(download.suggestedFilename()).toBe('balanced-ei-brian2.py');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('#!/usr/bin/env python3\n# balanced-ei: Balanced E/I network (CUBA). Brian2 script exported from Plasticity Playground.\n')).toBe(true);
  expect(text).toContain('from brian2 import');
  expect(text).toContain('v_th = -50 * mV');
});

test('an experiment Brian2 cannot express shows the reason instead of a file', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('experiment').locator('option[value="stdp-window"]')).toHaveCount(1);
  await page.getByTestId('experiment').selectOption('stdp-window');
  await expect(page.getByTestId('experiment')).toHaveValue('stdp-window');
  await page.getByTestId('share').click();
  await page.getByTestId('action-brian2').click();
  await expect(page.getByTestId('share-dialog')).toHaveCount(0);
  await expect(page.getByTestId('messages')).toContainText('No Brian2 export for stdp-window: A computed experiment');
});
