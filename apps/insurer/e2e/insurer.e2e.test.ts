import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { settle, type Agreement, type SettlementInputs } from '@kwadrant/domain/agreements';
import { formatMoney } from '@kwadrant/ui';
import { launchBrowser, screenshot, signIn, startProduct, type RunningProduct } from '@kwadrant/e2e';

// The built product (API + this dashboard) on a fresh demo database, driven by Debian's Chromium.
let product: RunningProduct;
let browser: Browser;
let page: Page;
let base: string;
/** The agreement the analyst builds in this suite. */
let agreementId = '';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  base = `${product.url}/insurer/`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** Opens a PrimeVue Select by its accessible name and picks an option by its text. */
async function choose(p: Page, name: string | RegExp, option: string | RegExp) {
  await p.getByRole('combobox', { name }).click();
  await p.getByRole('option', { name: option }).first().click();
}

describe('insurer dashboard in a real browser', () => {
  it('signs in as an analyst and shows the portfolio with money, attainment and alerts', async () => {
    await signIn(page, base, 'verzekeraar@kwadrant.demo');
    await page.getByRole('heading', { name: 'Portefeuille', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Afspraken' }).waitFor();
    const text = plain(await page.locator('main').innerText());
    expect(text).toMatch(/Gecontracteerd per kwartaal/);
    expect(text).toMatch(/€ \d{1,3}(\.\d{3})*,\d{2}/);
    expect(text).toMatch(/Hoofdverzekeraar/);
    expect(text).toMatch(/Medefinancier/);
    // Alerts say in words which statistical test raised them.
    expect(text).toMatch(/Onder doel|Verslechtert|Geen signalen/);
    await screenshot(page, 'insurer-portfolio');
  });

  it('builds an agreement with two titles and three clauses, shows a validation error and fixes it', async () => {
    await page.getByRole('link', { name: 'Nieuwe afspraak' }).first().click();
    await page.getByRole('heading', { name: 'Nieuwe resultaatafspraak' }).waitFor();
    await choose(page, 'Wederpartij', /Huisartsen Groningen I \(/);
    await page.getByLabel('Naam').fill('E2E resultaatafspraak Groningen I 2026');
    await page.getByLabel('Eerste kwartaal').fill('2026-Q1');
    await page.getByLabel('Laatste kwartaal').fill('2026-Q3');
    await page.getByRole('button', { name: /Voeg OI-1A/ }).click();
    await page.getByRole('button', { name: /Voeg OI-1B/ }).click();
    await page.getByLabel('Tarief OI-1A').fill('2,50');
    await page.getByLabel('Tarief OI-1B').fill('1,75');
    for (const code of ['DM-01', 'DM-02', 'CO-01']) {
      await choose(page, 'Kies een KPI', new RegExp(`^${code} `));
      await page.getByRole('button', { name: 'KPI toevoegen' }).click();
    }
    // Congruent purchasing: a third insurer co-finances 10 % (the other insurer of this suite does not).
    await choose(page, 'Kies een verzekeraar', /Heuvelland/);
    await page.getByRole('button', { name: 'Medefinancier toevoegen' }).click();
    await page.getByLabel(/Aandeel Heuvelland/).fill('10');
    await page.getByLabel('Gewicht DM-01').fill('40');
    await page.getByLabel('Gewicht DM-02').fill('30');
    await page.getByLabel('Gewicht CO-01').fill('20');
    // The domain's validation, live: the weights add up to 90 %.
    const validation = page.locator('#validation-heading');
    await page
      .getByText(/De gewichten van de resultaatafspraken tellen op tot 0,9/)
      .first()
      .waitFor();
    expect(plain(await validation.innerText())).toMatch(/Nog op te lossen/);
    await screenshot(page, 'insurer-builder-error');
    await page.getByLabel('Gewicht CO-01').fill('30');
    await page.getByText('De afspraak is geldig').waitFor();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/insurer\/agreements\/agr-/);
    agreementId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(agreementId).toMatch(/^agr-col-002-001-/);
    await page.getByText('Versie 1').waitFor();
    await screenshot(page, 'insurer-builder-saved');
  });

  it('detects a concurrent edit by a second analyst (409) instead of merging it', async () => {
    // The second analyst saves version 2 through the API while this page still edits version 1.
    const me = (await (await page.request.get(`${product.url}/api/auth/me`)).json()) as { csrfToken: string };
    const current = (await (
      await page.request.get(`${product.url}/api/agreements/${agreementId}`)
    ).json()) as {
      document: Agreement;
      name: string;
    };
    const { id: _id, version: _v, status: _s, ...doc } = current.document;
    const other = await page.request.put(`${product.url}/api/agreements/${agreementId}`, {
      headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      data: { ...doc, atRiskShare: 0.12, expectedVersion: 1 },
    });
    expect(other.status()).toBe(200);
    await page.getByLabel('Tarief OI-1A').fill('2,60');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Iemand anders heeft deze afspraak intussen gewijzigd.').waitFor();
    await page.getByText('atRiskShare').first().waitFor();
    await screenshot(page, 'insurer-conflict');
    // Nothing was merged: the server still has the other analyst's version 2 with the old tariff.
    const after = (await (await page.request.get(`${product.url}/api/agreements/${agreementId}`)).json()) as {
      version: number;
      document: Agreement;
    };
    expect(after.version).toBe(2);
    expect(after.document.lines[0]!.tariffCents).toBe(250);
    await page.getByRole('button', { name: /Versie 2 laden/ }).click();
    await page.getByText('Versie 2').waitFor();
  });

  it('proposes and agrees it, with every step a new version in the history', async () => {
    await page.getByRole('button', { name: 'Voorstellen' }).click();
    await page.getByText('Versie 3').waitFor();
    await page.getByRole('button', { name: 'Overeenkomen' }).click();
    await page.getByText('Versie 4').waitFor();
    expect(plain(await page.locator('.agreement__meta').innerText())).toMatch(/Overeengekomen/);
    // An agreed agreement is fixed: no save button any more.
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Verschillen tonen' }).click();
    await page
      .getByText(/Verschillen v3 → v4/)
      .first()
      .waitFor();
    await screenshot(page, 'insurer-agreed');
  });

  it('settles a period, freezes it, opens the explanation; the amounts are those of the domain', async () => {
    await page.getByRole('button', { name: 'Afrekenen' }).click();
    await page.getByRole('heading', { name: 'Afrekening', level: 1 }).waitFor();
    await page.getByText('Definitief maken (bevriezen)').click();
    await page.getByRole('button', { name: 'Afrekenen', exact: true }).click();
    await page.getByText(/Versie 1 van de afrekening is vastgelegd/).waitFor();
    await page.getByRole('heading', { name: 'Stap voor stap' }).waitFor();
    await page.locator('.steps__step').first().waitFor();
    expect(await page.locator('.steps__step').count()).toBeGreaterThan(4);
    const shown = plain(await page.getByTestId('settlement-total').innerText());

    // The same settlement recomputed by the domain's settle from the recorded inputs and agreement version.
    const settlementId = Number(new URL(page.url()).searchParams.get('s'));
    const detail = (await (
      await page.request.get(`${product.url}/api/settlements/${settlementId}`)
    ).json()) as {
      agreementVersion: number;
      frozen: boolean;
      inputs: SettlementInputs;
      result: { total: number };
    };
    expect(detail.frozen).toBe(true);
    const version = (await (
      await page.request.get(
        `${product.url}/api/agreements/${agreementId}/versions/${detail.agreementVersion}`,
      )
    ).json()) as { document: Agreement };
    const domain = settle(version.document, detail.inputs);
    expect(domain.total).toBe(detail.result.total);
    expect(shown).toBe(plain(formatMoney(domain.total, 'nl')));
    const main = plain(await page.locator('main').innerText());
    for (const line of domain.lines) expect(main).toContain(plain(formatMoney(line.amountCents, 'nl')));
    for (const clause of domain.clauses)
      expect(main).toContain(plain(formatMoney(clause.contributionCents, 'nl')));
    for (const party of domain.coInsurers)
      expect(main).toContain(plain(formatMoney(party.amountCents, 'nl')));
    await screenshot(page, 'insurer-settlement');
  });

  it('runs an impact analysis', async () => {
    await page.getByRole('link', { name: 'Impactanalyse' }).click();
    await page.getByRole('heading', { name: 'Impactanalyse', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    const total = page.getByTestId('impact-total');
    await total.waitFor();
    expect(plain(await total.innerText())).toMatch(/^€ \d/);
    await page.locator('.k-chart__canvas[role=img] svg path').first().waitFor({ state: 'attached' });
    const text = plain(await page.locator('main').innerText());
    expect(text).toMatch(/\d+ erboven/);
    expect(text).toMatch(/\d+ eronder/);
    expect(text).toMatch(/Gevoeligheid voor resultaten/);
    await screenshot(page, 'insurer-impact');
    // Compare with a second scenario: the regional agreement of Utrecht.
    await page.getByText('Vergelijk met een tweede scenario').click();
    await choose(page, 'Afspraak scenario B', /Regio Utrecht 2025/);
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByTestId('impact-vs-scenario').waitFor();
    expect(plain(await page.getByTestId('impact-vs-scenario').innerText())).toMatch(
      /B tegen A: \d+ gaan erop vooruit, \d+ achteruit/,
    );
    await page.getByRole('table', { name: /Verschil B − A/ }).waitFor();
    await screenshot(page, 'insurer-impact-compare');
  });

  it('shows cost containment with the overdispersion-adjusted funnel', async () => {
    await page.getByRole('link', { name: 'Kostenbeheersing' }).click();
    await page.getByRole('heading', { name: 'Kostenbeheersing', level: 1 }).waitFor();
    await page.locator('.k-chart__canvas[role=img] svg path').first().waitFor({ state: 'attached' });
    const text = plain(await page.locator('main').innerText());
    expect(text).toMatch(/overdispersie/);
    expect(text).toMatch(/Gedeelde besparing/);
    await screenshot(page, 'insurer-costs');
  });

  it("does not let another insurer open this insurer's agreement", async () => {
    expect(agreementId).not.toBe('');
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    try {
      await signIn(other, base, 'verzekeraar2@kwadrant.demo');
      await other.getByRole('heading', { name: 'Portefeuille', level: 1 }).waitFor();
      const response = await other.request.get(`${product.url}/api/agreements/${agreementId}`);
      expect(response.status()).toBe(404);
      await other.goto(`${base}agreements/${agreementId}`);
      await other
        .getByText(/mag inzien/)
        .first()
        .waitFor();
      expect(await other.locator('main').innerText()).not.toMatch(/E2E resultaatafspraak/);
      const list = (await (await other.request.get(`${product.url}/api/agreements?limit=500`)).json()) as {
        items: { id: string }[];
      };
      expect(list.items.some((a) => a.id === agreementId)).toBe(false);
      await screenshot(other, 'insurer-foreign-agreement');
    } finally {
      await other.close();
    }
  });
});
