import { readFileSync } from 'node:fs';
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
  page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
    locale: 'nl-NL',
    acceptDownloads: true,
  });
  base = `${product.url}/region/`;
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** The texts of one column of the grid (1-based), for the rows on screen. */
const columnTexts = (n: number) => page.locator(`.grid-table tbody tr td:nth-child(${n})`).allInnerTexts();

describe('region dashboard in a real browser', () => {
  it('signs in as the board and shows the colour grid with verdicts in words', async () => {
    await signIn(page, base, 'regio@kwadrant.demo');
    await page.getByRole('heading', { name: 'Praktijken vergelijken' }).waitFor();
    await page.locator('.grid-cell[data-comparison]').first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/vergeleken met/);
    // Every coloured cell also says its verdict (accessible name) and carries an icon.
    const label = await page.locator('.grid-cell[data-comparison]').first().getAttribute('aria-label');
    expect(label).toMatch(/beter|vergelijkbaar|slechter|niet vergeleken/);
    await screenshot(page, 'region-comparison');
  });

  it('sorts the grid by the number of KPIs worse than the region', async () => {
    const header = page.locator('.grid-table th', { hasText: 'Slechter' });
    await header.click();
    await header.click();
    const worse = (await columnTexts(3)).map(Number);
    expect(worse.length).toBeGreaterThan(10);
    expect(worse).toEqual([...worse].sort((a, b) => b - a));
    expect(worse[0]).toBeGreaterThan(worse.at(-1)!);
    await screenshot(page, 'region-comparison-sorted');
  });

  it('exports the grid with suppression applied', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV', exact: true }).first().click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/DM-01/);
    expect(lines.length).toBeGreaterThan(10);
    expect(csv).toMatch(/beter|slechter|vergelijkbaar/);
    // A hidden count is exported as words, never as a number.
    if (/niet getoond/.test(csv)) expect(csv).toMatch(/niet getoond \(kleine aantallen\)/);
  });

  it('opens a funnel from the grid and switches on the overdispersion adjustment', async () => {
    await page.locator('.grid-cell[data-comparison]').first().click();
    await page.getByRole('heading', { name: 'Trechterplot' }).waitFor();
    const funnel = page.locator('.k-chart__canvas[role=img]').first();
    await funnel.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await funnel.locator('svg path').count()).toBeGreaterThan(10);
    const summary = page.locator('.k-chart__summary').first();
    const before = await summary.innerText();
    await page.getByLabel('Gecorrigeerd voor overdispersie').check();
    await expect.poll(() => summary.innerText()).not.toBe(before);
    expect(await summary.innerText()).toMatch(/binnen de 95 %-grenzen/);
    await screenshot(page, 'region-funnel-adjusted');
  });

  it('opens a practice’s profile: spine chart and percentile positions', async () => {
    await page.getByRole('link', { name: 'Vergelijking', exact: true }).click();
    await page.locator('.grid-table__name').first().click();
    const spine = page.locator('.k-chart__canvas[role=img]').first();
    await spine.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await spine.getAttribute('aria-label')).toMatch(/Profiel van .* over alle KPI/);
    await page.getByRole('heading', { name: 'Positie per KPI' }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Percentiel in de regio/);
    await screenshot(page, 'region-practice-spine');
  });

  it('creates a peer group and uses it as the benchmark', async () => {
    await page.getByRole('link', { name: 'Vergelijkingsgroepen' }).click();
    await page.getByRole('heading', { name: 'Nieuwe vergelijkingsgroep' }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Kleine praktijken (e2e)');
    await page.locator('.p-multiselect').click();
    const options = page.locator('.p-multiselect-option');
    await options.nth(0).click();
    await options.nth(1).click();
    await options.nth(2).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Groep aanmaken' }).click();
    await page.getByText('Vergelijkingsgroep Kleine praktijken (e2e) is aangemaakt.').waitFor();
    await screenshot(page, 'region-peer-groups');
    await page.getByRole('button', { name: 'Gebruiken' }).first().click();
    await page.getByRole('heading', { name: 'Praktijken vergelijken' }).waitFor();
    await page
      .getByText(/vergeleken met Vergelijkingsgroep Kleine praktijken \(e2e\)/)
      .first()
      .waitFor();
    await page.locator('.grid-cell[data-comparison]').first().waitFor();
  });

  it('opens the map of the region and reads a tooltip', async () => {
    await page.getByRole('link', { name: 'Regiobeeld' }).click();
    await page.getByRole('heading', { name: 'Kaart van de regio' }).waitFor();
    const map = page
      .locator('section', { has: page.getByRole('heading', { name: 'Kaart van de regio' }) })
      .locator('.k-chart__canvas[role=img]');
    await map.locator('svg path').first().waitFor({ state: 'attached' });
    expect(await map.getAttribute('aria-label')).toMatch(/Aandeel 75-plus/);
    const tooltip = page
      .locator('.k-chart__canvas div', { hasText: '%' })
      .filter({ has: page.locator('strong') });
    const paths = await map.locator('svg path').all();
    for (const path of paths.slice(0, 40)) {
      const box = await path.boundingBox();
      if (!box || box.width < 8 || box.height < 8) continue;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      if (
        await tooltip
          .first()
          .isVisible()
          .catch(() => false)
      )
        break;
    }
    const text = await tooltip.first().innerText();
    expect(text).toMatch(/\d+,\d\s%/);
    await screenshot(page, 'region-map-tooltip');
  });

  it('edits a checklist item as the board', async () => {
    await page.getByRole('button', { name: 'Acute zorg bewerken' }).click();
    await page.getByLabel('Eigenaar').fill('Huisartsenpost Regio (e2e)');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Acute zorg is opgeslagen.').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Huisartsenpost Regio \(e2e\)/);
    await screenshot(page, 'region-picture');
  });

  it('shows the development model and the one-page report', async () => {
    await page.getByRole('link', { name: 'Ontwikkelmodel' }).click();
    await page.getByRole('heading', { name: 'Ontwikkelmodel O&I' }).waitFor();
    await page.locator('[data-quadrant=Q4]').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/inwoners/);
    await screenshot(page, 'region-development');
    await page.getByRole('link', { name: 'Rapport' }).click();
    await page.getByRole('heading', { name: /Regiorapport/ }).waitFor();
    await page.getByText('Basis op orde').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'region-report-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it("cannot see another region's practices by name", async () => {
    const other = await browser.newPage({ locale: 'nl-NL' });
    await signIn(other, base, 'regio2@kwadrant.demo');
    await other.getByRole('heading', { name: 'Praktijken vergelijken' }).waitFor();
    const me = (await (await other.request.get(`${product.url}/api/auth/me`)).json()) as {
      organisation: { id: string };
    };
    const foreignRegion = me.organisation.id;
    const foreignGrid = (await (
      await other.request.get(`${product.url}/api/regions/${foreignRegion}/comparison?period=2026-Q3`)
    ).json()) as { rows: { label: string; organisationId: string | null; kind: string }[] };
    await other.close();
    const ownMe = (await (await page.request.get(`${product.url}/api/auth/me`)).json()) as {
      organisation: { id: string };
    };
    expect(ownMe.organisation.id).not.toBe(foreignRegion);

    for (const path of [
      `/api/regions/${foreignRegion}/comparison?period=2026-Q3`,
      `/api/regions/${foreignRegion}/picture?period=2026-Q3`,
      `/api/regions/${foreignRegion}/peer-groups`,
      `/api/kpis/DM-01/funnel?period=2026-Q3&grouping=region&groupId=${foreignRegion}`,
    ]) {
      expect((await page.request.get(`${product.url}${path}`)).status(), path).toBe(404);
    }
    // Nor on screen: the own grid names none of the other region's practices.
    await page.goto(`${base}comparison`);
    await page.locator('.grid-cell[data-comparison]').first().waitFor();
    const ownText = await page.locator('main').innerText();
    const ownGrid = (await (
      await page.request.get(`${product.url}/api/regions/${ownMe.organisation.id}/comparison?period=2026-Q3`)
    ).json()) as { rows: { label: string }[] };
    const ownNames = new Set(ownGrid.rows.map((r) => r.label));
    const foreignNames = foreignGrid.rows
      .filter((r) => r.kind === 'practice' && !ownNames.has(r.label))
      .map((r) => r.label);
    expect(foreignNames.length).toBeGreaterThan(5);
    for (const name of foreignNames) expect(ownText).not.toContain(name);
  });
});
