/** Image-grid exports keep what the screen shows: every tile, and each tile's caption. */
import { describe, expect, it } from 'vitest';
import type { ImageGridSpec } from '../../workers/simApi';
import { experimentPlotExport, imagesSvg } from './plotExports';
import { gridColumns } from '../charts/imageGrid';

const spec: ImageGridSpec = {
  kind: 'images', id: 'digits', title: 'Digit & its reconstruction', width: 2, height: 2, signed: false,
  images: [[0, 1, 1, 0], [0.5, 0.5, 0.5, 0.5]], captions: ['input x', 'reconstruction <G>'],
};

describe('image grid exports', () => {
  it('the SVG has one rect per pixel and each caption, escaped, under its tile', () => {
    const svg = imagesSvg(spec, 200);
    expect(svg.match(/<rect x=/g)?.length).toBe(8);
    expect(svg).toContain('>input x</text>');
    expect(svg).toContain('>reconstruction &lt;G></text>');
    expect(svg).toContain('<title>Digit &amp; its reconstruction</title>');
  });
  it('the CSV names each pixel row by its caption', () => {
    const csv = experimentPlotExport(spec).csv?.() ?? '';
    expect(csv).toContain('input x,0,0,0');
    expect(csv).toContain('reconstruction <G>,1,1,0.5');
  });
  it('captions take height: a wide, short canvas lays the tiles out in one row', () => {
    expect(gridColumns(3, 600, 200, 1, 18)).toBe(3);
    expect(gridColumns(4, 100, 400, 1, 0)).toBe(1);
  });
});
