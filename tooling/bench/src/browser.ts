/*
 * Front-end figures: initial JavaScript per dashboard (gzip, from the built index.html), first chart
 * after sign-in in headless Chromium against the national server, and the funnel plot's render time
 * with 4,900 practices (the dashboards' own option builder, in a page built by Vite).
 */
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { build, preview } from 'vite';
import { launchBrowser } from '@kwadrant/e2e';
import { figure, type Figure } from './measure';

const DASHBOARDS = ['practice', 'region', 'insurer'] as const;

/** gzip bytes of the JavaScript a dashboard's index.html loads before anything else. */
export function initialJavaScript(root: string, name: string): number | null {
  const dist = join(root, 'apps', name, 'dist');
  if (!existsSync(join(dist, 'index.html'))) return null;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(`/${name}/`, ''));
  return [...new Set(files)].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
}

export function bundleFigures(root: string): Figure[] {
  const out: Figure[] = [];
  for (const name of DASHBOARDS) {
    const bytes = initialJavaScript(root, name);
    if (bytes === null) continue;
    out.push(
      figure(
        { id: `bundle-${name}`, label: `initial JavaScript, ${name} dashboard (gzip)`, unit: 'KB', goal: 300, better: 'lower' },
        [bytes / 1024],
      ),
    );
  }
  return out;
}

/** Sign in through the practice dashboard's form and wait for the first chart of the overview. */
export async function firstChartFigure(url: string, runs: number): Promise<Figure> {
  const browser = await launchBrowser();
  const samples: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Signed in, the practice lands on the KPI page it asked for: its trend and funnel charts.
      await page.goto(`${url}/practice/sign-in?redirect=/kpi/DM-02`);
      await page.getByLabel(/e-?mail/i).fill('praktijk@kwadrant.demo');
      await page.getByLabel(/wachtwoord|password/i).fill('kwadrant-demo');
      const started = Date.now();
      await page.getByRole('button', { name: /aanmelden|inloggen|sign in/i }).click();
      await page.locator('.k-chart__canvas svg').first().waitFor({ state: 'visible', timeout: 60_000 });
      samples.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return figure(
    {
      id: 'first-chart',
      label: 'first chart visible after sign-in (Chromium)',
      unit: 'ms',
      goal: 1_500,
      better: 'lower',
      note: 'practice dashboard: click "Aanmelden" → first chart of the KPI page drawn (SVG in the DOM), national database',
    },
    samples,
  );
}

/** Builds the funnel harness page with Vite and times 4,900-point renders in Chromium. */
export async function funnelRenderFigure(runs: number): Promise<Figure> {
  const harness = fileURLToPath(new URL('../harness', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'kwadrant-funnel-'));
  try {
    await build({
      root: harness,
      base: './',
      logLevel: 'error',
      plugins: [vue()],
      build: { outDir, emptyOutDir: true, rollupOptions: { input: join(harness, 'funnel.html') } },
    });
    // Module scripts do not load from file://; Vite's preview server serves the build on loopback.
    const server = await preview({
      root: harness,
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.resolvedUrls!.local[0]}funnel.html`);
      await page.waitForFunction(() => typeof window.renderFunnel === 'function');
      await page.evaluate(() => window.renderFunnel(4_900)); // warm-up
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push(await page.evaluate(() => window.renderFunnel(4_900)));
      return figure(
        {
          id: 'funnel-render',
          label: 'funnel plot, 4,900 points, render (Chromium)',
          unit: 'ms',
          goal: 200,
          better: 'lower',
          note: 'setOption → ECharts "finished", SVG renderer, the dashboards\' buildFunnelOption',
        },
        samples,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
