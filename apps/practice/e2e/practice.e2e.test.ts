import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, signIn, startProduct, type RunningProduct } from '@kwadrant/e2e';

// The built product (API + this dashboard) on a fresh demo database, driven by Debian's Chromium.
let product: RunningProduct;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  base = `${product.url}/practice/`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe('practice dashboard in a real browser', () => {
  it('signs in and answers "how are we doing" on the overview', async () => {
    await signIn(page, base, 'praktijk@kwadrant.demo');
    await page.getByRole('heading', { name: 'Hoe staan we ervoor?' }).waitFor();
    // Tiles show a verdict in words, not colour alone.
    await page
      .getByText(/beter|vergelijkbaar|slechter/)
      .first()
      .waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/HbA1c/);
    expect(text).toMatch(/%/);
    await screenshot(page, 'practice-overview');
  });

  it('opens a KPI with its trend and funnel', async () => {
    await page.goto(`${base}kpi/DM-02`);
    // Both charts drawn: ECharts renders SVG paths inside each labelled chart area.
    const charts = page.locator('.k-chart__canvas[role=img]');
    await charts.nth(1).locator('svg path').first().waitFor({ state: 'attached' });
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    // Drawn, not just mounted: axes, the band and the points make many paths in each chart.
    expect(await charts.nth(0).locator('svg path').count()).toBeGreaterThan(10);
    expect(await charts.nth(1).locator('svg path').count()).toBeGreaterThan(10);
    const labels = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.join(' ')).toMatch(/trend|trechter|funnel/i);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/DM-02|HbA1c/);
    expect(text).not.toMatch(/Laden…/);
    await screenshot(page, 'practice-kpi');
  });

  it('uses the what-if on an agreement', async () => {
    await page.goto(`${base}agreements`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'practice-agreements');
    await page
      .getByRole('link', { name: /Resultaatafspraak/ })
      .first()
      .click();
    const field = page.getByLabel(/Uitkomst DM-02/);
    await field.waitFor();
    await field.fill('75');
    // The number field commits its value when it loses focus, as it would for a keyboard user.
    await field.press('Tab');
    await screenshot(page, 'practice-what-if-filled');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByText(/Als DM-02 .*bereikt, ontvangt/).waitFor();
    await screenshot(page, 'practice-what-if');
  });

  it('reports an error in an uploaded CSV before anything is stored', async () => {
    await page.goto(`${base}data`);
    const me = (await (await page.request.get(`${product.url}/api/auth/me`)).json()) as {
      organisation: { code: string };
    };
    const csv = `agb;kpi;periode;teller;noemer\n${me.organisation.code};DM-01;2026-Q3;150;160\n${me.organisation.code};DM-02;2026-Q3;12,5x;100\n`;
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'waarden.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page
      .getByText(/geen getal/)
      .first()
      .waitFor();
    await screenshot(page, 'practice-data-error');
  });

  it("cannot reach another practice's named data", async () => {
    const me = (await (await page.request.get(`${product.url}/api/auth/me`)).json()) as {
      organisation: { id: string };
    };
    const other = me.organisation.id === 'pra-00002' ? 'pra-00003' : 'pra-00002';
    const overview = await page.request.get(
      `${product.url}/api/organisations/${other}/overview?period=2026-Q3`,
    );
    expect(overview.status()).toBe(404);
    const funnel = (await (
      await page.request.get(`${product.url}/api/kpis/DM-02/funnel?period=2026-Q3`)
    ).json()) as {
      points: { organisationId: string | null; label: string; own: boolean }[];
    };
    const others = funnel.points.filter((p) => !p.own);
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((p) => p.organisationId === null && /^Praktijk \d+$/.test(p.label))).toBe(true);
    // The screen shows the same: no other practice's name on the KPI page.
    await page.goto(`${base}kpi/DM-02`);
    await page.locator('.k-chart__canvas[role=img] svg path').first().waitFor({ state: 'attached' });
    expect(await page.locator('main').innerText()).not.toMatch(new RegExp(other));
  });
});
