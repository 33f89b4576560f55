/** Saving files from the page: a Blob or text handed to the browser as a download. */

/** Starts a download of `blob` named `name` (the object URL is released afterwards). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** The canvas as a PNG Blob. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'));
}

/** "balanced-ei_step12000": a file-name stem naming the experiment and the instant. */
export function fileStem(experiment: string, step: number, what: string): string {
  return `${experiment}_${what}_step${step}`.replace(/[^A-Za-z0-9_.-]+/g, '-');
}
