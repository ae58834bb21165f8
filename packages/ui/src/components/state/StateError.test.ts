import { describe, expect, it } from 'vitest';
import { mountUi, visibleText } from '../../test/mount';
import { ApiProblem } from '../../http/problem';
import StateError from './StateError.vue';
import StateView from './StateView.vue';

describe('states', () => {
  it('shows the API problem in the user language, with its field errors and a retry', async () => {
    const problem = new ApiProblem(400, {
      detail: 'Invalid.',
      detailNl: 'Ongeldig verzoek.',
      errors: [{ path: 'period', message: 'bad quarter', messageNl: 'onjuist kwartaal' }],
    });
    const w = mountUi(StateError, { props: { error: problem } });
    expect(w.attributes('role')).toBe('alert');
    expect(visibleText(w.text())).toContain('Ongeldig verzoek.');
    expect(visibleText(w.text())).toContain('onjuist kwartaal');
    await w.get('button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
    const en = mountUi(StateError, { props: { error: problem }, locale: 'en' });
    expect(visibleText(en.text())).toContain('Invalid.');
  });

  it('falls back to a generic message', () => {
    const w = mountUi(StateError, { props: { error: new Error('x') } });
    expect(visibleText(w.text())).toContain('Er ging iets mis.');
  });

  it('shows loading, then empty, then the content', async () => {
    const w = mountUi(StateView, {
      props: { loading: true, empty: false },
      slots: { default: '<p class="content">Inhoud</p>' },
    });
    expect(w.get('[role=status]').text()).toContain('Laden…');
    await w.setProps({ loading: false, empty: true, emptyMessage: 'Geen afspraken.' });
    expect(w.text()).toContain('Geen afspraken.');
    await w.setProps({ empty: false });
    expect(w.get('.content').text()).toBe('Inhoud');
  });
});
