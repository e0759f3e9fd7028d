/**
 * The web console end to end: the built `wardwatch serve` over the sample capture's database, Debian's chromium
 * through playwright-core. An analyst logs in, filters the inventory, opens a device and sees its evidence, triages
 * findings (one, then several at once); a viewer is not offered triage or register edits; a lost session returns to
 * the login page. Every page is screenshotted (and must not be blank), checked with axe-core (no serious or critical
 * violation) and must log no console error (a CSP refusal is one).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requires } from '../test-support/tools.js';
import { consoleDir } from './console-static.js';
import {
  CHROMIUM, distinctColours, launchConsoleBrowser, seriousAxeViolations, type Browser, type ConsoleServer, type ConsoleUser,
  startConsoleServer,
} from './test-support/console-browser.js';

const built = consoleDir();
const gate = requires({ tools: [CHROMIUM], files: built === null ? ['dist/web/index.html (npm run build)'] : [] });
/** A screenshot of a page with content has hundreds of colours (text anti-aliasing alone); a blank one has one or two. */
const MIN_COLOURS = 20;
/** One row per finding (an opened finding adds a detail row below its own). */
const FINDING_ROWS = '.findings-table > tbody > tr:not(.detail-row)';

describe.skipIf(gate.skip)(gate.title('web console in chromium'), () => {
  let server: ConsoleServer;
  let browser: Browser;
  let shots: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchConsoleBrowser();
    // WARDWATCH_CONSOLE_SHOTS=dir keeps the screenshots there to look at; otherwise they go to a temp dir and away.
    shots = process.env.WARDWATCH_CONSOLE_SHOTS ?? mkdtempSync(path.join(tmpdir(), 'ww-console-shots-'));
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    if (process.env.WARDWATCH_CONSOLE_SHOTS === undefined) rmSync(shots, { recursive: true, force: true });
  });

  /** Screenshot (non-blank), axe, no console errors so far. */
  async function checkPage(name: string): Promise<void> {
    const { page } = browser;
    await page.waitForLoadState('networkidle');
    const png = await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
    expect(await distinctColours(browser.context, png), `${name} screenshot looks blank`).toBeGreaterThan(MIN_COLOURS);
    expect(await seriousAxeViolations(page), `${name}: axe`).toEqual([]);
    expect(browser.errors, `${name}: console errors`).toEqual([]);
  }

  async function logIn(user: ConsoleUser): Promise<void> {
    const { page } = browser;
    await page.getByLabel('User name').fill(user.name);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Back on the page asked for before login (?next=), whichever it was.
    await page.getByRole('button', { name: 'Log out' }).waitFor();
  }

  /** From the overview: whoever is logged in logs out, then `user` logs in (each test can run alone). */
  async function logInAfresh(user: ConsoleUser): Promise<void> {
    const { page } = browser;
    await page.goto(`${server.base}/`);
    await page.getByRole('button', { name: 'Log out' }).or(page.getByLabel('User name')).first().waitFor();
    if (await page.getByRole('button', { name: 'Log out' }).count() > 0) await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('User name').waitFor();
    await logIn(user);
  }

  it('an analyst logs in, filters the inventory, reads a device, triages findings', async () => {
    const { page } = browser;
    await page.goto(`${server.base}/inventory?category=imaging`);
    await page.getByRole('heading', { name: 'wardwatch' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkPage('login');

    // A wrong password is refused with a plain answer.
    await page.getByLabel('User name').fill(server.users.analyst.name);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    browser.errors.splice(0); // the refused login's 401 is the answer under test

    // After login the page asked for comes back (?next=), already filtered.
    await page.getByLabel('Password').fill(server.users.analyst.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Inventory' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^\d+ of \d+ devices$/);
    const imaging = await page.locator('tbody tr[role=row]').count();
    expect(imaging).toBeGreaterThan(0);
    for (const cell of await page.locator('tbody tr[role=row] td:nth-child(8)').allTextContents()) expect(cell).toBe('Imaging');

    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await expect.poll(() => page.locator('.figure-value').first().textContent()).toMatch(/^[1-9]/);
    await checkPage('overview');

    // Free-text search, then a column filter: the count follows.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory', exact: true }).click();
    await page.getByRole('combobox', { name: 'Filter Category / zone' }).selectOption('');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^(\d+) of \1 devices$/);
    await page.getByPlaceholder(/Search name/).fill('pacs');
    await expect.poll(() => page.locator('tbody tr[role=row]').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^1 of \d+ devices$/);
    await checkPage('inventory');

    // Keyboard: focus the grid, Enter opens the active device.
    await page.getByRole('grid', { name: 'Devices' }).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Attributes and evidence' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/devices\//);
    const evidence = page.locator('.evidence-list code');
    expect(await evidence.count()).toBeGreaterThan(0);
    expect((await evidence.allTextContents()).join(' ')).toMatch(/dicom\.|hl7\.|dhcp\./);
    expect(await page.locator('.evidence-list meter').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('details.finding').count()).toBeGreaterThan(0);
    await checkPage('device');

    // Triage one finding: acknowledged, it stays in the default list with its new status.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings', exact: true }).click();
    await page.getByRole('heading', { name: 'Findings' }).waitFor();
    await expect.poll(() => page.locator(FINDING_ROWS).count()).toBeGreaterThan(2);
    await page.locator('.findings-table button.link').first().click();
    await page.getByRole('form', { name: 'Triage this finding' }).getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'now Acknowledged' }).count()).toBe(1);
    await expect.poll(() => page.locator('.findings-table .status-acknowledged').count()).toBeGreaterThan(0);
    await checkPage('findings');

    // Bulk: two selected, marked mitigated, leave the list of what needs a person.
    const open = await page.locator(FINDING_ROWS).count();
    await page.getByRole('checkbox', { name: /^Select (?!every)/ }).nth(0).check();
    await page.getByRole('checkbox', { name: /^Select (?!every)/ }).nth(1).check();
    await page.getByRole('heading', { name: '2 selected' }).waitFor();
    const bulk = page.getByRole('form', { name: /^Triage the \d+ selected$/ });
    await bulk.getByRole('button', { name: 'Mark mitigated' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '2 findings now Mitigated' }).count()).toBe(1);
    await expect.poll(() => page.locator(FINDING_ROWS).count()).toBe(open - 2);

    // Accept a risk: the reason, owner and expiry reach the server.
    await page.getByRole('checkbox', { name: /^Select (?!every)/ }).nth(0).check();
    await bulk.getByLabel(/^Reason/).fill('compensating VLAN ACL until the vendor patch');
    await bulk.getByRole('button', { name: 'Accept risk…' }).click();
    await bulk.getByRole('button', { name: 'Accept risk', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '1 finding now Risk accepted' }).count()).toBe(1);
    await page.getByLabel('Status').selectOption('risk-accepted');
    await page.locator('.findings-table button.link').first().click();
    await expect.poll(() => page.locator('.facts').first().textContent()).toContain('compensating VLAN ACL');

    for (const [link, heading] of [['Network map', 'Network map'], ['Segmentation policy', 'Segmentation policy']] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await checkPage(link.toLowerCase().replace(/ /g, '-'));
    }
  });

  it('a viewer is not offered triage or register edits', async () => {
    const { page } = browser;
    await logInAfresh(server.users.viewer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings', exact: true }).click();
    await page.locator('.findings-table button.link').first().click();
    await page.locator('.finding-detail').first().waitFor();
    expect(await page.getByRole('button', { name: /Acknowledge|Mark mitigated|Accept risk|Reopen/ }).count()).toBe(0);
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory', exact: true }).click();
    await page.getByRole('grid', { name: 'Devices' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Attributes and evidence' }).waitFor();
    expect(await page.getByText('Edit register fields').count()).toBe(0);
    await checkPage('viewer-device');
    // No user administration: not in the navigation, and the page itself is not there for a viewer.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${server.base}/admin`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByRole('button', { name: 'Add user' }).count()).toBe(0);
  });

  it('an admin adds a user and changes a role', async () => {
    const { page } = browser;
    await logInAfresh(server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
    await page.getByLabel('User name').fill('nina');
    await page.getByLabel('Password').fill('a-long-Enough-passphrase-for-the-new-analyst-7');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.locator('.admin .notice').textContent()).toBe('User nina added.');
    await page.getByRole('combobox', { name: 'Role of nina' }).selectOption('analyst');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'nina is now analyst' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('combobox', { name: 'Role of nina' }).inputValue()).toBe('analyst');
    await checkPage('admin-users');
  });

  it('a session the server no longer knows returns to the login page with a word on why', async () => {
    const { page, context } = browser;
    await context.route('**/api/findings?*', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"log in","code":"unauthorized"}' }));
    await context.route('**/api/findings', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"error":"log in","code":"unauthorized"}' }));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings', exact: true }).click();
    await page.getByText('Your session has ended').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
