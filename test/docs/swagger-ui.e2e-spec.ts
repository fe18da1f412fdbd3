/**
 * Swagger UI at /docs in a real headless Chromium: the page renders under the server's
 * Content-Security-Policy, "Try it out" reaches the API, and the bearer scheme in the Authorize
 * dialog is what turns GET /api/v1/me from 401 into 200.
 *
 * Uses Debian's /usr/bin/chromium through playwright-core (no downloaded browser); CI installs it
 * with .ci/install-browser.sh. Without it the test is skipped, not failed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { spec } from '../support/contract.js';
import { ADMIN, startServer, TestServer } from '../support/server.js';

const CHROMIUM = '/usr/bin/chromium';
/** The network here is closed: keep Chromium from calling home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TIMEOUT = 15_000;
/** A browser and a server start here: generous bounds, stated where they apply. */
const HOOK_TIMEOUT = 90_000;
const TEST_TIMEOUT = 60_000;

const hasChromium = existsSync(CHROMIUM);
// CI installs Chromium (.ci/run) and sets this, so there a missing browser fails instead of skipping.
if (!hasChromium && process.env.MARSHAL_REQUIRE_BROWSER === '1') {
  throw new Error(`${CHROMIUM} is missing but MARSHAL_REQUIRE_BROWSER=1: the Swagger UI test must run here`);
}
if (!hasChromium) console.warn(`Swagger UI browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);
const browserTest = hasChromium ? test : test.skip;

let t: TestServer | undefined;
let browser: Browser | undefined;
// Kept so that afterAll also cleans up a server or browser that came up after beforeAll gave up.
let serverStarting: Promise<TestServer> | undefined;
let browserLaunching: Promise<Browser> | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  serverStarting = startServer();
  // Playwright gives each launch a fresh temporary profile (its own --user-data-dir) and removes it on close.
  browserLaunching = chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
  [t, browser] = await Promise.all([serverStarting, browserLaunching]);
}, HOOK_TIMEOUT);

afterAll(async () => {
  const [launched, started] = await Promise.allSettled([browserLaunching, serverStarting]);
  if (launched.status === 'fulfilled' && launched.value) {
    await launched.value.close().catch((error: unknown) => console.error('closing Chromium failed', error));
  }
  if (started.status === 'fulfilled' && started.value) await started.value.close();
}, HOOK_TIMEOUT);

interface DocsPage {
  page: Page;
  context: BrowserContext;
  /** Console messages, page errors and failed requests, for the failure message. */
  diagnostics: string[];
  csp: string | undefined;
}

/** A fresh browser context (no persisted authorization) on /docs, once Swagger UI has rendered. */
async function openDocs(): Promise<DocsPage> {
  const context = await browser!.newContext();
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const diagnostics: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') diagnostics.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => diagnostics.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => diagnostics.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  const response = await page.goto(`${t!.baseUrl}/docs`, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
  const docs: DocsPage = { page, context, diagnostics, csp: response?.headers()['content-security-policy'] };
  await explain(docs, 'Swagger UI did not render', async () => {
    expect(response?.status()).toBe(200);
    // Tags start collapsed (the document is large): open Identity, as a reader would.
    await page.locator('#operations-tag-Identity').click();
    await page.locator('#operations-Identity-getMe').waitFor({ state: 'visible', timeout: TIMEOUT });
  });
  return docs;
}

/** Runs `step`; if it fails, rethrows with what the page reported (CSP refusals show up here). */
async function explain(docs: DocsPage, what: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const details = [
      `${what}: ${error instanceof Error ? error.message : String(error)}`,
      `Content-Security-Policy: ${docs.csp ?? '(none)'}`,
      'Page diagnostics:',
      ...(docs.diagnostics.length ? docs.diagnostics : ['(none)']),
    ];
    throw new Error(details.join('\n'), { cause: error });
  }
}

/** Authorizes the `bearer` scheme in the Authorize dialog, then closes the dialog. */
async function authorizeBearer(page: Page, token: string): Promise<void> {
  await page.locator('.scheme-container .auth-wrapper .btn.authorize').click();
  const modal = page.locator('.dialog-ux .modal-ux');
  await modal.waitFor({ state: 'visible' });
  const bearer = modal.locator('.auth-container').filter({ has: page.locator('h4 code', { hasText: /^bearer$/ }) });
  await bearer.locator('input#auth-bearer-value').fill(token);
  await bearer.locator('.auth-btn-wrapper .btn.modal-btn.authorize').click();
  // Once applied, the scheme shows a Logout button instead of the input.
  await bearer.locator('.auth-btn-wrapper .btn.modal-btn', { hasText: 'Logout' }).waitFor({ state: 'visible' });
  await modal.locator('.close-modal').click();
  await modal.waitFor({ state: 'detached' });
  await page.locator('.scheme-container .auth-wrapper .btn.authorize.locked').waitFor({ state: 'visible' });
}

interface LiveResponse {
  status: string;
  body: string;
  curl: string;
}

/** Expands GET /api/v1/me, turns on "Try it out" (unless already on) and executes it. */
async function executeGetMe(page: Page): Promise<LiveResponse> {
  const operation = page.locator('#operations-Identity-getMe');
  const body = operation.locator('.opblock-body');
  if (!(await body.isVisible())) await operation.locator('.opblock-summary-control').click();
  await body.waitFor({ state: 'visible' });
  // The docs enable tryItOutEnabled, so the section may already be in try-out mode ("Cancel").
  const tryItOut = operation.locator('.try-out__btn', { hasText: 'Try it out' });
  if (await tryItOut.isVisible()) await tryItOut.click();
  await operation.locator('.try-out__btn.cancel').waitFor({ state: 'visible' });
  await operation.locator('.execute-wrapper .btn.execute').click();

  const live = operation.locator('.live-responses-table');
  const status = live.locator('tbody tr.response .response-col_status');
  await status.waitFor({ state: 'visible', timeout: TIMEOUT });
  const responseBody = live.locator('.response-col_description .highlight-code').first();
  await responseBody.waitFor({ state: 'visible' });
  return {
    status: (await textOf(status)).trim(),
    body: await textOf(responseBody),
    curl: await textOf(operation.locator('.curl-command')),
  };
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent({ timeout: TIMEOUT })) ?? '';
}

browserTest(
  'without authorizing, Try it out on GET /api/v1/me shows 401',
  async () => {
    const docs = await openDocs();
    try {
      await explain(docs, 'not every tag is listed', async () => {
        const tags = new Set(
          Object.values(spec.paths).flatMap((item) =>
            Object.values(item as Record<string, { tags?: string[] }>).flatMap((op) => op.tags ?? []),
          ),
        );
        expect(await docs.page.locator('[id^="operations-tag-"]').count()).toBe(tags.size);
      });
      await explain(docs, 'executing GET /api/v1/me anonymously failed', async () => {
        const response = await executeGetMe(docs.page);
        expect(response.status).toBe('401');
        expect(response.body).toContain('UNAUTHENTICATED');
        expect(response.body).not.toContain(ADMIN.email);
        expect(response.curl).not.toMatch(/authorization:/i);
      });
    } finally {
      await docs.context.close();
    }
  },
  TEST_TIMEOUT,
);

browserTest(
  'after authorizing the bearer scheme, Try it out on GET /api/v1/me shows 200 and the owner',
  async () => {
    const { accessToken } = await t!.login();
    const docs = await openDocs();
    try {
      await explain(docs, 'authorizing and executing GET /api/v1/me failed', async () => {
        await authorizeBearer(docs.page, accessToken);
        const response = await executeGetMe(docs.page);
        expect(response.curl).toContain(`Authorization: Bearer ${accessToken}`);
        expect(response.status).toBe('200');
        expect(response.body).toContain(ADMIN.email);
      });
    } finally {
      await docs.context.close();
    }
  },
  TEST_TIMEOUT,
);
