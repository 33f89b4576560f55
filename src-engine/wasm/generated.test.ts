import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without type declarations (the install-time assembler)
import { build } from '../../scripts/build-wasm.mjs';

describe('WebAssembly kernels', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.wat'));
  it('there are kernels to check', () => expect(sources.length).toBeGreaterThan(0));
  for (const wat of sources) {
    const name = wat.slice(0, -4);
    it(`${name}.wasm.ts holds exactly what wabt assembles from ${wat} (run npm run wasm after editing)`, async () => {
      const src = readFileSync(new URL(wat, dir), 'utf8');
      const committed = readFileSync(new URL(`${name}.wasm.ts`, dir), 'utf8');
      expect(committed).toBe(await build(wat, src));
    });
  }
});
