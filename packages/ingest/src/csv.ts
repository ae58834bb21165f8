/**
 * The CSV layer shared by every tabular format: decode the bytes, find the header line and its
 * delimiter, and stream rows (in batches, for speed) with their line number in the file. It reports
 * problems of structure (empty file, wrong delimiter, unclosed quotes, a cut-off file); the formats
 * above it judge the values.
 */
import { CsvError, parse, type Parser } from 'csv-parse';
import {
  decodeBytes,
  type ByteSource,
  type DecodeState,
  type DetectedEncoding,
  type EncodingOption,
} from './decode';
import { FILE, issue, type FormatName, type IngestIssue } from './issues';

export type Delimiter = ',' | ';';

export interface CsvRow {
  /** Line number in the file where the row starts (the header is line 1). */
  line: number;
  /** The fields, padded with '' to the header's length; extra empty trailing fields are dropped. */
  fields: string[];
  /** How many fields the line really had (after dropping empty trailing extras). */
  present: number;
  /** True for the file's last row, when the file ended cleanly after it. */
  last: boolean;
}

export type CsvEvent =
  | { kind: 'start'; header: string[]; headerLine: number; delimiter: Delimiter }
  | { kind: 'rows'; rows: CsvRow[] }
  /** `rowLost` marks a problem that cost a row (it counts as read and rejected). */
  | { kind: 'issue'; issue: IngestIssue; rowLost: boolean }
  /** The last event: the encoding the file was read as (decided at its first non-ASCII byte). */
  | { kind: 'end'; encoding: DetectedEncoding };

export interface CsvOptions {
  encoding?: EncodingOption | undefined;
  /** The format's name, for the empty-file message. */
  format: FormatName;
}

/** A header line longer than this without a line break is taken as it is. */
const SNIFF_LIMIT = 1 << 20;
/** Larger records mean an unclosed quote swallowing the file; stop before it fills memory. */
export const MAX_RECORD_SIZE = 1 << 20;

/** Lines in a raw record: \n, \r\n and a lone \r each end one. */
function lineBreaks(raw: string): number {
  // The common cases first: one line ending in \n, or in \r (csv-parse cuts \r\n's \n from `raw`).
  const last = raw.length - 1;
  const lf = raw.indexOf('\n');
  if (lf === last) {
    const cr = raw.indexOf('\r');
    if (cr < 0 || cr === last - 1) return 1;
  } else if (lf < 0 && raw.indexOf('\r') === last) return 1;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Counts candidate delimiters outside double quotes. */
function countDelimiters(line: string): Record<',' | ';' | '\t' | '|', number> {
  const counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t' || ch === '|')) counts[ch]++;
  }
  return counts;
}

const DELIMITER_NAMES: Record<string, { nl: string; en: string }> = {
  '\t': { nl: 'tabs', en: 'tabs' },
  '|': { nl: 'verticale strepen (|)', en: 'vertical bars (|)' },
};

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

interface ParsedRecord {
  record: string[];
  raw: string;
}

/** Turns parsed records into rows with line numbers, holding the latest back to learn if it is the last. */
class RowCollector {
  header: string[] | null = null;
  batch: CsvRow[] = [];
  count = 0;
  private carry: CsvRow | null = null;
  private nextLine: number;

  constructor(
    private readonly parser: Parser,
    private readonly headerLine: number,
  ) {
    this.nextLine = headerLine;
  }

  take(): void {
    let item: ParsedRecord | null;
    while ((item = this.parser.read() as ParsedRecord | null) !== null) {
      const start = this.nextLine;
      this.nextLine += lineBreaks(item.raw);
      const fields = item.record;
      if (this.header === null) {
        const header = fields.map((f) => f.trim());
        while (header.length > 1 && header[header.length - 1] === '') header.pop();
        this.header = header;
        continue;
      }
      if (isBlank(fields)) continue;
      const width = this.header.length;
      if (fields.length > width && isBlank(fields.slice(width))) fields.length = width;
      const present = fields.length;
      while (fields.length < width) fields.push('');
      if (this.carry !== null) this.batch.push(this.carry);
      this.carry = { line: start, fields, present, last: false };
      this.count++;
    }
  }

  private started = false;

  start(delimiter: Delimiter): CsvEvent | null {
    if (this.started || this.header === null) return null;
    this.started = true;
    return { kind: 'start', header: this.header, headerLine: this.headerLine, delimiter };
  }

  flushCarry(last: boolean): void {
    if (this.carry === null) return;
    this.carry.last = last;
    this.batch.push(this.carry);
    this.carry = null;
  }

  drain(): CsvRow[] {
    const rows = this.batch;
    this.batch = [];
    return rows;
  }

  /** The parser's error as an issue: an unclosed quote at the end means a cut-off file. */
  failure(atEnd: boolean): CsvEvent | null {
    const err = this.parser.errored;
    if (!err) return null;
    if (!(err instanceof CsvError)) throw err;
    const where = { row: this.nextLine, column: null, value: null };
    const lines = typeof err.lines === 'number' ? err.lines : this.nextLine;
    return {
      kind: 'issue',
      issue:
        atEnd && err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? issue('truncated-file', where, {
              quoteFrom: this.nextLine,
              quoteTo: Math.max(this.nextLine, lines),
            })
          : issue('unclosed-quote', where, { maxBytes: MAX_RECORD_SIZE }),
      rowLost: true,
    };
  }
}

/**
 * Streams a CSV file: first a `start` event with the header, then `rows` batches and `issue`s.
 * Ends without `start` when the file is empty or not ';'/','-separated.
 */
export async function* readCsv(source: ByteSource, options: CsvOptions): AsyncGenerator<CsvEvent, void> {
  const state: DecodeState = { encoding: null, replacedInvalid: false };
  const text = decodeBytes(source, state, options.encoding ?? 'auto');
  let buffer = '';
  let done = false;
  const more = async (): Promise<void> => {
    const next = await text.next();
    if (next.done) done = true;
    else buffer += next.value;
  };

  let parser: Parser | null = null;
  try {
    // Find the header: skip blank lines and Excel's "sep=;" hint line.
    let offset = 0;
    let line = 1;
    let forced: string | null = null;
    let headerText: string;
    for (;;) {
      let end = lineEnd(buffer, offset);
      // A \r at the end of the buffer may be the first half of \r\n.
      while ((end < 0 || end === buffer.length - 1) && !done && buffer.length - offset < SNIFF_LIMIT) {
        await more();
        end = lineEnd(buffer, offset);
      }
      const lineText = end < 0 ? buffer.slice(offset) : buffer.slice(offset, end);
      const next = end < 0 ? buffer.length : end + (buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1);
      if (lineText.trim() === '') {
        if (end < 0) {
          yield {
            kind: 'issue',
            issue: issue('empty-file', FILE, { format: options.format }),
            rowLost: false,
          };
          yield { kind: 'end', encoding: state.encoding ?? 'utf-8' };
          return;
        }
        offset = next;
        line++;
        continue;
      }
      const hint: RegExpExecArray | null =
        forced === null ? /^\s*"?sep=(.)"?[;,]*\s*$/i.exec(lineText) : null;
      if (hint) {
        forced = hint[1]!;
        offset = next;
        line++;
        continue;
      }
      headerText = lineText;
      break;
    }

    let delimiter: Delimiter;
    const counts = countDelimiters(headerText);
    if (forced !== null && forced !== ',' && forced !== ';') {
      const found = DELIMITER_NAMES[forced] ?? { nl: `"${forced}"`, en: `"${forced}"` };
      const where = { row: line - 1, column: null, value: `sep=${forced}` };
      yield { kind: 'issue', issue: issue('wrong-delimiter', where, { found }), rowLost: false };
      yield { kind: 'end', encoding: state.encoding ?? 'utf-8' };
      return;
    }
    if (forced !== null) delimiter = forced;
    else if (counts[';'] + counts[','] > 0) delimiter = counts[';'] >= counts[','] ? ';' : ',';
    else if (counts['\t'] > 0 || counts['|'] > 0) {
      const found = DELIMITER_NAMES[counts['\t'] >= counts['|'] ? '\t' : '|']!;
      const where = { row: line, column: null, value: headerText.slice(0, 200) };
      yield { kind: 'issue', issue: issue('wrong-delimiter', where, { found }), rowLost: false };
      yield { kind: 'end', encoding: state.encoding ?? 'utf-8' };
      return;
    }
    // A single column: let the format report the columns it misses.
    else delimiter = ';';

    parser = parse({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      raw: true,
      max_record_size: MAX_RECORD_SIZE,
    });
    // The error is read from `parser.errored`; the listener only keeps it from being unhandled.
    parser.on('error', () => undefined);
    const rows = new RowCollector(parser, line);
    parser.write(buffer.slice(offset));
    buffer = '';
    rows.take();

    for (;;) {
      const begin = rows.start(delimiter);
      if (begin) yield begin;
      const broken = rows.failure(false);
      if (broken) {
        rows.flushCarry(false);
        if (rows.batch.length > 0) yield { kind: 'rows', rows: rows.drain() };
        yield broken;
        yield { kind: 'end', encoding: state.encoding ?? 'utf-8' };
        return;
      }
      if (rows.batch.length > 0) yield { kind: 'rows', rows: rows.drain() };
      if (done) break;
      await more();
      if (buffer.length > 0) {
        parser.write(buffer);
        buffer = '';
        rows.take();
      }
    }

    parser.end();
    rows.take();
    const begin = rows.start(delimiter);
    if (begin) yield begin;
    const broken = rows.failure(true);
    rows.flushCarry(broken === null);
    if (rows.batch.length > 0) yield { kind: 'rows', rows: rows.drain() };
    if (broken) yield broken;
    if (state.replacedInvalid) {
      yield { kind: 'issue', issue: issue('bad-encoding', FILE, {}), rowLost: false };
    }
    if (rows.count === 0 && broken === null && rows.header !== null) {
      yield { kind: 'issue', issue: issue('no-data-rows', FILE, {}), rowLost: false };
    }
    yield { kind: 'end', encoding: state.encoding ?? 'utf-8' };
  } finally {
    parser?.destroy();
    await text.return();
  }
}
