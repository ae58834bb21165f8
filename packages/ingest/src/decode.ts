/**
 * Bytes → text, streaming, with the encoding detected from the bytes themselves: a byte-order mark
 * decides (UTF-8, UTF-16); otherwise the first 64 KiB from the first non-ASCII byte decide between
 * UTF-8 (when they are valid UTF-8) and windows-1252 (older Excel and Vektis exports; a superset of
 * latin-1 for text). Until the first non-ASCII byte both readings agree, so deciding late is exact.
 * Invalid UTF-8 beyond that window (a file mixing both) is replaced by U+FFFD and reported.
 */

/** What a file is read as. `utf-8-bom` is UTF-8 that started with a byte-order mark. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** `auto` detects; the others force a reading (a UTF-8 BOM is still skipped). */
export type EncodingOption = 'auto' | 'utf-8' | 'windows-1252';

/** Where the bytes come from: a Node stream, a web ReadableStream, an array of chunks… */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface DecodeState {
  encoding: DetectedEncoding | null;
  /** Set when invalid UTF-8 turned up after the file had been read as UTF-8 (replaced by U+FFFD). */
  replacedInvalid: boolean;
}

type TextDecoderInstance = InstanceType<typeof TextDecoder>;

/** Pure ASCII reads the same in every supported encoding. */
const ASCII = new TextDecoder('utf-8');

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a sequence cut off by the end of the chunk.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Bytes from the first non-ASCII byte on that decide the encoding. A fixed window (not "the current
 * chunk") makes the decision the same however the source is chunked.
 */
export const DECISION_WINDOW = 64 * 1024;

class Decoder {
  private decoder: TextDecoderInstance | null = null;
  private fatal = false;
  /** Bytes held from the first non-ASCII byte until the window is full or the file ends. */
  private pending: Uint8Array | null = null;

  constructor(
    private readonly state: DecodeState,
    private readonly option: EncodingOption,
  ) {}

  choose(encoding: DetectedEncoding): void {
    this.state.encoding = encoding;
    const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
    this.fatal = label === 'utf-8';
    // The BOM, if any, has been cut off already; a second one would be content.
    this.decoder = new TextDecoder(label, { fatal: this.fatal, ignoreBOM: true });
  }

  /** Cuts a byte-order mark off the first bytes of the file and chooses its encoding. */
  start(bytes: Uint8Array): Uint8Array {
    const [a, b, c] = bytes;
    if (a === 0xef && b === 0xbb && c === 0xbf && this.option !== 'windows-1252') {
      this.choose('utf-8-bom');
      return bytes.subarray(3);
    }
    // Excel's "Unicode text" export is UTF-16 little-endian with a BOM.
    if (a === 0xff && b === 0xfe) {
      this.choose('utf-16le');
      return bytes.subarray(2);
    }
    if (a === 0xfe && b === 0xff) {
      this.choose('utf-16be');
      return bytes.subarray(2);
    }
    if (this.option !== 'auto') this.choose(this.option);
    return bytes;
  }

  decode(bytes: Uint8Array): string {
    if (this.decoder !== null) return this.run(bytes);
    if (this.pending === null) {
      const at = firstNonAscii(bytes);
      // Pure ASCII so far: every reading gives the same text; keep deciding later.
      if (at < 0) return ASCII.decode(bytes);
      this.pending = bytes.slice(at);
      return ASCII.decode(bytes.subarray(0, at)) + this.decideWhenFull(false);
    }
    this.pending = concat(this.pending, bytes);
    return this.decideWhenFull(false);
  }

  /** Decides once the window is full (or the file has ended) and decodes what was held. */
  private decideWhenFull(ended: boolean): string {
    const held = this.pending!;
    if (!ended && held.length < DECISION_WINDOW) return '';
    this.pending = null;
    this.choose(isValidUtf8Prefix(held.subarray(0, DECISION_WINDOW)) ? 'utf-8' : 'windows-1252');
    return this.run(held);
  }

  private run(bytes: Uint8Array): string {
    const decoder = this.decoder!;
    if (!this.fatal) return decoder.decode(bytes, { stream: true });
    try {
      return decoder.decode(bytes, { stream: true });
    } catch {
      // Invalid UTF-8 after valid UTF-8: carry on with replacement characters rather than stop.
      this.state.replacedInvalid = true;
      this.fatal = false;
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      return this.decoder.decode(bytes, { stream: true });
    }
  }

  finish(): string {
    let text = '';
    if (this.pending !== null) text = this.decideWhenFull(true);
    if (this.decoder === null) {
      this.state.encoding ??= 'utf-8';
      return text;
    }
    try {
      return text + this.decoder.decode();
    } catch {
      // A multi-byte sequence cut off by the end of the file.
      this.state.replacedInvalid = true;
      return `${text}\uFFFD`;
    }
  }
}

/** Streams the text of `source`, recording the encoding it chose in `state`. */
export async function* decodeBytes(
  source: ByteSource,
  state: DecodeState,
  option: EncodingOption = 'auto',
): AsyncGenerator<string, void, undefined> {
  const decoder = new Decoder(state, option);
  // Bytes held back until there are enough to recognise a byte-order mark.
  let head: Uint8Array | null = new Uint8Array(0);
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    if (chunk.length === 0) continue;
    let bytes = chunk;
    if (head !== null) {
      head = concat(head, chunk);
      if (head.length < 3) continue;
      bytes = decoder.start(head);
      head = null;
    }
    const text = decoder.decode(bytes);
    if (text.length > 0) yield text;
  }
  if (head !== null && head.length > 0) {
    const text = decoder.decode(decoder.start(head));
    if (text.length > 0) yield text;
  }
  const tail = decoder.finish();
  if (tail.length > 0) yield tail;
}
