import { describe, expect, it } from 'vitest';
import { createKwadrantI18n, initialLocale, mergeMessages, messageKeys } from './i18n';
import { uiMessages } from './messages';

describe('i18n', () => {
  it('has every shared text in Dutch and English', () => {
    expect(messageKeys(uiMessages.en).sort()).toEqual(messageKeys(uiMessages.nl).sort());
  });

  it('starts in Dutch unless English was chosen before', () => {
    expect(initialLocale({ getItem: () => null })).toBe('nl');
    expect(initialLocale({ getItem: () => 'en' })).toBe('en');
    expect(initialLocale({ getItem: () => 'fr' })).toBe('nl');
    expect(initialLocale(undefined)).toBe('nl');
  });

  it('merges the app messages over the shared ones', () => {
    const merged = mergeMessages({ a: { b: 'x', c: 'y' } }, { a: { c: 'z' }, d: 'w' });
    expect(merged).toEqual({ a: { b: 'x', c: 'z' }, d: 'w' });
    const i18n = createKwadrantI18n(
      { nl: { app: { title: 'Praktijk' } }, en: { app: { title: 'Practice' } } },
      'nl',
    );
    expect(i18n.global.t('app.title')).toBe('Praktijk');
    expect(i18n.global.t('ui.state.loading')).toBe('Laden…');
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('ui.comparison.better', { benchmark: 'the target' })).toBe('Better than the target');
  });
});
