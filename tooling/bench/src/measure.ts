/** Repeated measurement: a figure is the median of several runs, reported with min and max. */
export interface Figure {
  id: string;
  label: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The goal and which way is better. */
  goal: number;
  better: 'lower' | 'higher';
  note?: string;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function figure(
  spec: Omit<Figure, 'median' | 'min' | 'max' | 'runs'>,
  samples: readonly number[],
): Figure {
  return {
    ...spec,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
  };
}

export const met = (f: Figure) => (f.better === 'lower' ? f.median <= f.goal : f.median >= f.goal);

/** Runs `fn` `runs` times and returns the milliseconds of each run. */
export async function timed(runs: number, fn: (run: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await fn(run);
    out.push(performance.now() - started);
  }
  return out;
}

const number = (v: number) =>
  v >= 100 ? Math.round(v).toLocaleString('en') : v >= 10 ? v.toFixed(1) : v.toFixed(2);

/** The figures as a plain-text table, goal and verdict beside each. */
export function table(title: string, figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${number(f.median)} ${f.unit}`,
    `${number(f.min)} – ${number(f.max)}`,
    String(f.runs),
    `${f.better === 'lower' ? '≤' : '≥'} ${number(f.goal)} ${f.unit}`,
    met(f) ? 'met' : 'MISSED',
  ]);
  const head = ['figure', 'median', 'min – max', 'runs', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.label}: ${f.note}`);
  return [
    title,
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
  ].join('\n');
}
