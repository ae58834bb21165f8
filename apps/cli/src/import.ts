import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createDb, DEFAULT_DATA_DIR, type ImportMode } from '@kwadrant/db';
import { IMPORT_KINDS, runImport, type ImportKind, type ImportReport } from '@kwadrant/api/imports';
import { loadEnv } from './env';

const MODES: readonly ImportMode[] = ['commit', 'dry-run', 'commit-valid'];
const nl = new Intl.NumberFormat('nl-NL');

/** The value after a flag, or undefined. */
const option = (args: readonly string[], name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/** SHA-256 of a file, streamed. */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A progress bar on stderr: how much of the file has been read, and how many rows. */
function progress(total: number) {
  let read = 0;
  let rows = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const share = total > 0 ? Math.min(1, read / total) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    process.stderr.write(
      `\r  ${bar} ${(share * 100).toFixed(0).padStart(3)} %  ${nl.format(rows)} rijen / rows`,
    );
  };
  return {
    bytes: (n: number) => {
      read += n;
      draw();
    },
    rows: (n: number) => {
      rows = n;
      draw();
    },
    done: () => {
      draw(true);
      process.stderr.write('\n');
    },
  };
}

function summary(report: ImportReport, seconds: number): string {
  const lines = [
    `Status: ${report.status}${report.batchId === null ? '' : ` (batch ${report.batchId})`}`,
    `Rijen gelezen / rows read:      ${nl.format(report.rowsRead)}`,
    `Geïmporteerd / imported:        ${nl.format(report.imported)} (nieuw/new ${nl.format(report.inserted)}, correcties/corrections ${nl.format(report.corrected)}, ongewijzigd/unchanged ${nl.format(report.unchanged)})`,
    `Afgekeurd / rejected:           ${nl.format(report.rejected)}`,
    `Onbekende gemeenten / unmatched: ${report.unmatched.length === 0 ? '0' : report.unmatched.join(', ')}`,
    `Tijd / time: ${seconds.toFixed(1)} s (${nl.format(Math.round(report.rowsRead / Math.max(seconds, 0.001)))} rijen/s)`,
  ];
  for (const issue of report.issues.slice(0, 20)) {
    lines.push(
      `  ${issue.severity === 'error' ? 'FOUT' : 'let op'} rij ${issue.row ?? '-'}${issue.column ? `, ${issue.column}` : ''}: ${issue.message.nl} / ${issue.message.en}`,
    );
  }
  if (report.issues.length > 20)
    lines.push(`  … en ${report.issues.length - 20} meer / and ${report.issues.length - 20} more`);
  return lines.join('\n');
}

/**
 * `kwadrant import <kind> <file> [--mode commit|dry-run|commit-valid] [--year YYYY]`: imports a file as an
 * administrator would (every organisation in scope), streaming it, with a progress bar and a summary.
 */
export async function importCommand(args: readonly string[]): Promise<number> {
  const [kind, file] = args;
  const mode = (option(args, '--mode') ?? 'commit') as ImportMode;
  const year = option(args, '--year');
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind) || !file) {
    console.error(
      `Gebruik / usage: kwadrant import <${IMPORT_KINDS.join('|')}> <file> [--mode ${MODES.join('|')}] [--year YYYY]`,
    );
    return 2;
  }
  if (!MODES.includes(mode)) {
    console.error(`Onbekende modus / unknown mode "${mode}": use ${MODES.join(', ')}.`);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`Bestand niet gevonden / file not found: ${file}`);
    return 2;
  }
  const env = loadEnv();
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.KWADRANT_DATA_DIR ?? DEFAULT_DATA_DIR,
  });
  const bar = progress(statSync(file).size);
  const started = performance.now();
  try {
    const report = await runImport(handle.db, {
      kind: kind as ImportKind,
      fileName: basename(file),
      contentHash: await fileHash(file),
      open: () =>
        (async function* () {
          for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
            bar.bytes((chunk as Buffer).length);
            yield chunk as Buffer;
          }
        })(),
      mode,
      year: year === undefined ? undefined : Number(year),
      organisations: 'all',
      importedBy: null,
      organisationId: null,
      now: new Date(),
      onProgress: bar.rows,
    });
    bar.done();
    console.log(summary(report, (performance.now() - started) / 1000));
    return report.status === 'rejected' ? 1 : 0;
  } finally {
    await handle.close();
  }
}
