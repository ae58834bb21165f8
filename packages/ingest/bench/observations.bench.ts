/**
 * Throughput of parse + validate for a simple observations file, outside the test run:
 *   npx tsx bench/observations.bench.ts [rows]
 * Generates the file in memory (no disk I/O in the measurement) and feeds it in 64 KiB chunks, as a
 * file or upload stream would.
 */
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { readObservations } from '../src/observations';

const rows = Number(process.argv[2] ?? 1_000_000);
const organisations = new Map<string, string>();
for (let i = 0; i < 5000; i++) organisations.set(`0101${String(i).padStart(4, '0')}`, `org-${i}`);
const proportions = DEFAULT_KPIS.filter((k) => k.kind === 'proportion').slice(0, 8);

function generate(): Uint8Array {
  const lines = ['agb;kpi;periode;teller;noemer'];
  for (let i = 0; i < rows; i++) {
    const org = `0101${String(i % 5000).padStart(4, '0')}`;
    const kpi = proportions[Math.floor(i / 5000) % proportions.length]!.code;
    const quarter = Math.floor(i / (5000 * proportions.length));
    const period = `${2000 + Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;
    const denominator = 40 + (i % 200);
    lines.push(`${org};${kpi};${period};${i % denominator};${denominator}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

function* chunks(bytes: Uint8Array, size = 65_536): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const bytes = generate();
const context = { kpis: proportions, organisations };
for (let run = 1; run <= 3; run++) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let records = 0;
  let issues = 0;
  for await (const item of readObservations(chunks(bytes), context)) {
    if (item.kind === 'record') records++;
    else issues++;
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU time (this process, all threads) is the fairer figure on a shared machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (s: number) => Math.round(rows / s).toLocaleString('en');
  process.stdout.write(
    `run ${run}: ${rows.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB): ` +
      `${seconds.toFixed(2)} s wall = ${rate(seconds)} rows/s; ${cpuSeconds.toFixed(2)} s CPU = ${rate(cpuSeconds)} rows/s; ` +
      `${records} records, ${issues} issues\n`,
  );
}
