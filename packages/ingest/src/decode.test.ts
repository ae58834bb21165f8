import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunks, cp1252, utf8 } from '../test/helpers';
import { DECISION_WINDOW, decodeBytes, type DecodeState, type EncodingOption } from './decode';

async function decode(bytes: Uint8Array, size = 65_536, option: EncodingOption = 'auto') {
  const state: DecodeState = { encoding: null, replacedInvalid: false };
  let text = '';
  for await (const part of decodeBytes(chunks(bytes, size), state, option)) text += part;
  return { text, ...state };
}

const TEXT = 'gemeente;naam\nGM1900;Súdwest-Fryslân – € 12\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]);
    expect(await decode(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom', replacedInvalid: false });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', async () => {
    expect(await decode(utf8(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads bytes that are not valid UTF-8 as windows-1252 (€ and – are not latin-1)', async () => {
    expect(await decode(cp1252(TEXT))).toMatchObject({ text: TEXT, encoding: 'windows-1252' });
  });

  it('decides at the first non-ASCII byte, however late it comes', async () => {
    const late = 'a;b\n'.repeat(50_000) + 'é;ë\n';
    expect(await decode(cp1252(late), 4096)).toMatchObject({ text: late, encoding: 'windows-1252' });
    expect(await decode(utf8(late), 4096)).toMatchObject({ text: late, encoding: 'utf-8' });
  });

  it('reads pure ASCII as UTF-8', async () => {
    expect(await decode(utf8('a;b\n1;2\n'))).toMatchObject({ encoding: 'utf-8' });
    expect(await decode(new Uint8Array(0))).toMatchObject({ text: '', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'a\tb'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await decode(le)).toMatchObject({ text: 'a\tb', encoding: 'utf-16le' });
  });

  it('decides on the 64 KiB from the first non-ASCII byte, the same for any chunking', async () => {
    // Invalid UTF-8 inside the window: the file is windows-1252.
    const near = new Uint8Array([...utf8('é;'), 0xe9, ...utf8(';x')]);
    for (const size of [1, 3, 65_536]) {
      expect(await decode(near, size)).toMatchObject({ text: 'Ã©;é;x', encoding: 'windows-1252' });
    }
    // Invalid UTF-8 after a window of valid UTF-8: UTF-8, with U+FFFD for the bad byte, reported.
    const padding = ' '.repeat(DECISION_WINDOW);
    const far = new Uint8Array([...utf8(`é;${padding}`), 0xff, ...utf8(';x')]);
    for (const size of [7, 4096, 1 << 20]) {
      expect(await decode(far, size)).toEqual({
        text: `é;${padding}\uFFFD;x`,
        encoding: 'utf-8',
        replacedInvalid: true,
      });
    }
  });

  it('honours a forced encoding', async () => {
    expect(await decode(utf8('Ã©'), 65_536, 'windows-1252')).toMatchObject({ encoding: 'windows-1252' });
    expect((await decode(cp1252('é'), 65_536, 'windows-1252')).text).toBe('é');
  });

  it('gives the same text for any chunking (multi-byte characters split across chunks)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 17 }),
        async (text, bom, size) => {
          const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]) : utf8(text);
          const whole = await decode(bytes);
          const pieces = await decode(bytes, size);
          expect(pieces.text).toBe(whole.text);
          expect(pieces.encoding).toBe(whole.encoding);
          // A text starting with U+FEFF would lose it to BOM detection; everything else round-trips.
          if (bom || !text.startsWith('\uFEFF')) expect(pieces.text).toBe(text);
        },
      ),
    );
  });
});
