/** Mean with a 95% confidence interval (Student t, n − 1 degrees of freedom) for the study tables. */

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export interface MeanCi {
  n: number;
  mean: number;
  /** Half-width of the 95% interval (NaN for n < 2). */
  half: number;
}

export function meanCi(xs: readonly number[]): MeanCi {
  const v = xs.filter(Number.isFinite);
  const n = v.length;
  const mean = n ? v.reduce((a, b) => a + b, 0) / n : NaN;
  if (n < 2) return { n, mean, half: NaN };
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { n, mean, half: (T975[Math.min(n - 1, T975.length) - 1] * sd) / Math.sqrt(n) };
}

/** "0.512 ± 0.034" (digits after the point). */
export function fmtCi(c: MeanCi, digits = 3): string {
  return Number.isFinite(c.half) ? `${c.mean.toFixed(digits)} ± ${c.half.toFixed(digits)}` : c.mean.toFixed(digits);
}

/** A Markdown table. */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
