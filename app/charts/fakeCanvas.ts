/**
 * Test support (Node has no canvas): a fake HTMLCanvasElement whose 2D context records
 * putImageData and fillText calls and ignores everything else, plus a minimal ImageData.
 */
export interface FakeCanvas {
  canvas: HTMLCanvasElement;
  /** The last image put, with its device-pixel offset. */
  put: { image: ImageData; x: number; y: number } | null;
  texts: string[];
}

class FakeImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
  }
}

/** Installs a global ImageData if the environment lacks one. */
export function ensureImageData(): void {
  const g = globalThis as { ImageData?: unknown };
  if (!g.ImageData) g.ImageData = FakeImageData;
}

export function fakeCanvas(): FakeCanvas {
  ensureImageData();
  const rec: FakeCanvas = { canvas: null as unknown as HTMLCanvasElement, put: null, texts: [] };
  const ctx = new Proxy(
    {
      putImageData: (image: ImageData, x: number, y: number) => (rec.put = { image, x, y }),
      fillText: (t: string) => rec.texts.push(t),
      measureText: (t: string) => ({ width: t.length * 7 }),
    } as Record<string | symbol, unknown>,
    {
      get: (target, key) => (key in target ? target[key] : () => undefined),
      set: (target, key, value) => ((target[key] = value), true),
    },
  );
  rec.canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as HTMLCanvasElement;
  return rec;
}

/** RGBA of device pixel (x, y) of an ImageData. */
export function pixelAt(image: ImageData, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}
