// The browser tests' harness: seeds a demo database, starts the real server with the built SPA,
// launches Debian's chromium through playwright-core, and gives the specs (specs/*.mjs) what they
// share. On failure, a screenshot goes to tests/e2e/artifacts/ and the page's text is printed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const artifacts = join(here, 'artifacts');
const bin = process.env.LANTOA_BIN;
const staticDir = resolve(repoRoot, process.env.STATIC_DIR ?? 'frontend/dist');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'lantoa-e2e-'));
const databaseUrl = process.env.E2E_DATABASE_URL ?? `sqlite://${join(work, 'lantoa.db')}`;

export const PASSWORD = 'LanToa@2026';
export const ADMIN_NAME = 'Võ Minh Quản';
export const DEPARTMENT = 'Sở Tư pháp tỉnh Đồng Tháp';
export const TGPL = 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp';
// Unique per run, so the test also passes against a database that earlier runs used.
export const runId = Date.now().toString(36).toUpperCase();
// Generous: CI machines have two cores and may be busy compiling.
export const TIMEOUT = 30_000;

let server;
let serverLog = '';
export let baseUrl;
let browser;

function serverEnv() {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LANTOA_DATA_DIR: join(work, 'data'),
    LANTOA_LOG_FORMAT: 'json',
  };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(url, deadline) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready within 30 s');
}

/** Starts the server on `port` with its clock `clockOffsetDays` ahead of the machine's. */
async function startServer(port, clockOffsetDays) {
  server = spawn(bin, ['serve', '--bind', `127.0.0.1:${port}`, '--static-dir', staticDir], {
    env: { ...serverEnv(), LANTOA_CLOCK_OFFSET_DAYS: String(clockOffsetDays) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    serverLog = (serverLog + chunk).slice(-20_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  await waitUntilReady(baseUrl, Date.now() + 30_000);
}

/**
 * Restarts the server on the same address and database with its clock `clockOffsetDays` ahead of
 * the machine's (0: back to the machine's time), as an operator would for a rehearsal copy. Tokens
 * issued before stay signed by the same secret; sessions opened later sign in again.
 */
export async function restartServer({ clockOffsetDays }) {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  stopServer();
  await startServer(Number(new URL(baseUrl).port), clockOffsetDays);
}

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
}
process.on('exit', stopServer);

before(async () => {
  assert.ok(bin, 'Set LANTOA_BIN to the path of the lantoa server binary.');
  assert.ok(
    existsSync(join(staticDir, 'index.html')),
    `No built SPA in ${staticDir}: run npm --prefix frontend run build.`,
  );
  assert.ok(existsSync(chromiumPath), `No chromium at ${chromiumPath} (set CHROMIUM).`);

  const seed = spawnSync(bin, ['seed-demo'], { env: serverEnv(), encoding: 'utf8' });
  assert.equal(seed.status, 0, `seed-demo failed:\n${seed.stdout}\n${seed.stderr}`);

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  await startServer(port, 0);

  // playwright gives every launch a fresh temporary profile (user-data dir) and deletes it on close.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The browser's first page pays for process start-up (fonts, code caches): keep that out of the scenarios.
  const warmUp = await browser.newPage();
  await warmUp.goto(baseUrl, { timeout: 90_000 });
  await warmUp.locator('[data-testid="login-card"]').waitFor({ timeout: 90_000 });
  await warmUp.close();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    stopServer();
  }
  rmSync(work, { recursive: true, force: true });
});

/** Runs a scenario in its own browser context; on failure keeps a screenshot and prints the page. */
export async function scenario(name, body, { viewport = { width: 1366, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleLines = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
  try {
    await body(page);
    assert.deepEqual(pageErrors, [], 'the page threw errors');
    assert.deepEqual(cspViolations(consoleLines), [], 'the Content-Security-Policy blocked something');
  } catch (error) {
    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, `${name}.png`);
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const text = await page.evaluate(() => document.body.innerText).catch(() => '(page unavailable)');
    const slow = await page
      .evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.duration > 1000)
          .map((entry) => `${Math.round(entry.duration)} ms ${entry.name}`),
      )
      .catch(() => []);
    console.error(`\n--- ${name} failed at ${page.url()}\n--- screenshot: ${shot}\n--- page text:\n${text}`);
    console.error(`--- browser console:\n${consoleLines.join('\n')}\n--- slow requests:\n${slow.join('\n')}`);
    console.error(`--- server log (tail):\n${serverLog.slice(-4_000)}`);
    throw error;
  } finally {
    await context.close();
  }
}

/** Chromium reports what the Content-Security-Policy blocks on the console. */
const cspViolations = (lines) => lines.filter((line) => line.includes('Content Security Policy'));

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

export async function login(page, username, password) {
  await page.goto(`${baseUrl}/`);
  await byTestId(page, 'login-card').waitFor();
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
}

/** Opens an Ant Design select and picks the option showing `label` (typing `search` first, if given). */
/**
 * Picks `label` in an Ant Design select (typing `search` first when given), once its dropdown has
 * finished sliding in, and checks that the select shows it: a click during the slide can land on
 * another option or on nothing when the machine is busy, so it is tried again.
 */
export async function choose(page, testId, label, search) {
  const shows = () =>
    page.evaluate(
      ([id, text]) => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        const select = element?.closest('.ant-select') ?? element;
        return Boolean(select?.innerText.includes(text));
      },
      [testId, String(label)],
    );
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await byTestId(page, testId).click();
    if (search) await page.keyboard.type(search);
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: label,
      })
      .first();
    await option.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.ant-select-dropdown[class*="-enter"], .ant-select-dropdown[class*="-appear"]'),
    );
    await option.click();
    if (await shows()) return;
    await page.waitForTimeout(300);
    if (await shows()) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`${testId}: could not choose ${label}`);
}

/**
 * Answers the open confirmation dialog once it has finished zooming in: a click during the zoom
 * can land beside the moving button, on the mask, which a confirmation ignores.
 */
export async function answerDialog(page, testId) {
  const button = byTestId(page, testId);
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
  await button.click();
}

export async function expectTitle(page, title) {
  await assert.doesNotReject(page.waitForFunction((t) => document.title === t, `${title} – Lan Tỏa`));
}

/** Today's calendar day in Vietnam, whatever the machine's time zone: { year, month, day }. */
export function todayInVietnam() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const get = (type) => Number(parts.find((part) => part.type === type).value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Picks a day in an Ant Design date picker by typing it (dd/mm/yyyy); Tab leaves the picker (Enter would submit the form). */
export async function pickDate(page, testId, ddmmyyyy) {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Tab');
  assert.equal(await input.inputValue(), ddmmyyyy);
}

/** Calls the API as `username` (signed in with the demo password): the parsed answer. */
export async function apiAs(username) {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(signIn.status, 200, `${username} signs in`);
  const { accessToken } = await signIn.json();
  return async (method, path, body, version) => {
    const headers = { authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} as ${username}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** A calendar day `days` after today in Vietnam, as the API's YYYY-MM-DD. */
export function isoDay(days = 0) {
  const today = todayInVietnam();
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return day.toISOString().slice(0, 10);
}

/** Calls the API as `username` (for setting up what a scenario then reads in the browser). */
export async function apiWithEtagAs(username) {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(signIn.status, 200, `${username} signs in to the API`);
  const { accessToken } = await signIn.json();
  return async (method, path, body, headers = {}) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return { body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
  };
}
