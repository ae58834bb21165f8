import { describe, expect, it } from 'vitest';
import { messageKeys, uiMessages } from '@kwadrant/ui';
import { messages } from './messages';

describe('messages', () => {
  it('has every text in Dutch and in English', () => {
    expect(messageKeys(messages.en).sort()).toEqual(messageKeys(messages.nl).sort());
  });

  it('does not redefine the shared components’ texts', () => {
    const shared = new Set(messageKeys(uiMessages.nl));
    expect(messageKeys(messages.nl).filter((k) => shared.has(k))).toEqual([]);
  });

  it('writes no literal @ or | that vue-i18n would read as syntax', () => {
    const leaves = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
    for (const text of [...leaves(messages.nl), ...leaves(messages.en)]) expect(text).not.toMatch(/[@|]/);
  });
});
