import type { Browser, Page } from 'playwright-core';

export declare const DEMO_PASSWORD: string;
export declare const SCREENSHOTS: string;
export interface RunningProduct {
  url: string;
  output(): string;
  stop(): Promise<void>;
}
/** Starts the product on a fresh seeded database; resolves when /ready answers. */
export declare function startProduct(options?: { timeoutMs?: number }): Promise<RunningProduct>;
export declare function chromiumPath(): string;
/** Launches headless Chromium with the flags this machine's closed network needs. */
export declare function launchBrowser(): Promise<Browser>;
/** Saves a full-page screenshot under .artifacts/screenshots. */
export declare function screenshot(page: Page, name: string): Promise<string>;
/** Signs in through the dashboard's own form. */
export declare function signIn(page: Page, url: string, email: string): Promise<void>;
