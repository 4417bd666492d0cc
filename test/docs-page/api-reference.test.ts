import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type SpawnedRuntime, spawnLocalRuntime } from '#infra/local/spawn-runtime';

/** Flags for a browser in a container: no sandbox (no user namespaces there), and none of its own calls home. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let runtime: SpawnedRuntime;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  runtime = await spawnLocalRuntime({ port: 0, seed: false });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  page = await browser.newPage();
  page.on('request', (request) => void requested.push(request.url()));
  // A CSP violation is reported on the console as an error, so this catches those too.
  page.on('console', (message) => void (message.type() === 'error' && problems.push(`console: ${message.text()}`)));
  page.on('pageerror', (error) => void problems.push(`page error: ${error.message}`));
  await page.goto(`${runtime.endpoints.apiUrl}/docs`);
  await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const placeOrder = () => page.locator('.opblock-post', { has: page.locator('.opblock-summary-path', { hasText: /^\/orders$/ }) });

describe('GET /docs in a browser', () => {
  it('renders the operations of /openapi.json, POST /orders among them, and opens one to its schemas', async () => {
    await expect(page.locator('.opblock').count()).resolves.toBeGreaterThan(50);
    await expect(placeOrder().count()).resolves.toBe(1);

    await placeOrder().locator('.opblock-summary').click();

    await placeOrder().locator('.opblock-body .responses-table').first().waitFor();
  });

  it('shows each operation by its operationId, placeOrder for POST /orders', async () => {
    await expect(placeOrder().locator('.opblock-summary-operation-id').textContent()).resolves.toBe('placeOrder');
  });

  it('asked nothing of anyone but the API', () => {
    const origins = [...new Set(requested.map((url) => new URL(url).origin))];

    expect(origins).toEqual([runtime.endpoints.apiUrl]);
    expect(requested).toContain(`${runtime.endpoints.apiUrl}/openapi.json`);
  });

  it('met no script error and no refusal by its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
  });
});
