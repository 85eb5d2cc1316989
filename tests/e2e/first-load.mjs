// First load of the sign-in page on a slow profile: a benchmark that prints numbers, not a test.
//
//   LANTOA_BIN=target/debug/lantoa node tests/e2e/first-load.mjs      # starts the server like run.mjs
//   node tests/e2e/first-load.mjs --url http://127.0.0.1:8080           # or measures a running one
//
// Options: --runs N (default 3, the median is reported), --path /dang-nhap (the page to load),
// --verbose (each run's requests and long tasks, in milliseconds from the navigation's start).
// Environment as run.mjs: LANTOA_BIN, E2E_DATABASE_URL, STATIC_DIR, CHROMIUM.
//
// Each run opens a fresh browser context (empty cache) with Chrome DevTools Protocol throttling:
// 1.6 Mbps down, 750 Kbps up, 150 ms round trip, CPU 4× slower. It prints the JavaScript fetched
// before the sign-in form is usable (bytes on the wire as the browser counted them, and each file's
// Brotli size at the quality actix-web's Compress middleware uses, 3, and at the best quality, 11),
// when the "Đăng nhập" button is rendered, enabled and wired to React, and a time to interactive in
// the manner of Lighthouse (the end of the last long task before 5 s without any).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const TARGET_JS_BYTES = 150 * 1024;
const TARGET_TTI_MS = 2000;
const PROFILE = {
  downloadKbps: 1600,
  uploadKbps: 750,
  latencyMs: 150,
  cpuSlowdown: 4,
};
/** actix-http's Brotli encoder quality (`new_brotli_compressor`: BROTLI_PARAM_QUALITY 3). */
const SERVER_BROTLI_QUALITY = 3;
const QUIET_WINDOW_MS = 5000;

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    path: { type: 'string', default: '/dang-nhap' },
    verbose: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number.parseInt(options.runs, 10) || 3);

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let work;

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

/** Starts the server on a fresh SQLite database, as run.mjs does; resolves to its base URL. */
async function startServer() {
  const bin = process.env.LANTOA_BIN;
  if (!bin) throw new Error('Set LANTOA_BIN to the lantoa binary, or pass --url of a running server.');
  const staticDir = resolve(repoRoot, process.env.STATIC_DIR ?? 'frontend/dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built SPA in ${staticDir}: run npm --prefix frontend run build.`);
  }
  work = mkdtempSync(join(tmpdir(), 'lantoa-first-load-'));
  const env = {
    ...process.env,
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? `sqlite://${join(work, 'lantoa.db')}`,
    LANTOA_DATA_DIR: join(work, 'data'),
    LANTOA_LOG_FORMAT: 'json',
  };
  const seed = spawnSync(bin, ['seed-demo', '--accounts-only'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed-demo failed:\n${seed.stdout}\n${seed.stderr}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  server = spawn(bin, ['serve', '--bind', `127.0.0.1:${port}`, '--static-dir', staticDir], {
    env,
    stdio: 'ignore',
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return url;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready within 30 s');
}

function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (work) rmSync(work, { recursive: true, force: true });
}
process.on('exit', stopServer);

// Records long tasks from the very start of the page (the observer sees them as they end).
const LONG_TASK_RECORDER = () => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing: the time to interactive is then the form's readiness.
  }
};

/** The sign-in button is on screen, enabled, and React has attached its handlers. */
const FORM_READY = () => {
  const button = document.querySelector('[data-testid="login-submit"]');
  const ready =
    button && !button.disabled && Object.keys(button).some((key) => key.startsWith('__reactProps'));
  return ready ? performance.now() : false;
};

async function measureOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASK_RECORDER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downloadKbps * 1000) / 8,
    uploadThroughput: (PROFILE.uploadKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });

  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response, timestamp }) => {
    requests.set(requestId, {
      url: response.url,
      type,
      encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'identity',
      received: timestamp,
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength, timestamp }) => {
    const request = requests.get(requestId);
    if (request) Object.assign(request, { bytes: encodedDataLength, finished: timestamp });
  });

  await page.goto(`${url}${options.path}`, { waitUntil: 'commit', timeout: 120_000 });
  const ready = await (await page.waitForFunction(FORM_READY, null, { polling: 'raf', timeout: 120_000 })).jsonValue();
  const scriptsAtReady = [...requests.values()].filter((r) => r.type === 'Script' && r.finished !== undefined);
  const readyUrls = new Set(scriptsAtReady.map((r) => r.url));

  // Waits for a quiet window after the form is ready, then takes the last long task before it.
  let longTasks = [];
  for (;;) {
    longTasks = await page.evaluate(() => window.__longTasks ?? []);
    const now = await page.evaluate(() => performance.now());
    const lastEnd = Math.max(ready, ...longTasks.map((t) => t.end));
    if (now - lastEnd >= QUIET_WINDOW_MS || now > ready + 30_000) break;
    await page.waitForTimeout(500);
  }
  const tti = Math.max(ready, ...longTasks.map((t) => t.end));
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { domContentLoaded: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventEnd ?? 0 };
  });
  const later = [...requests.values()].filter((r) => r.type === 'Script' && !readyUrls.has(r.url));
  if (options.verbose) {
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => `    ${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ms ${new URL(e.name).pathname}`),
    );
    const nav = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0));
    console.log(`  document received at ${nav} ms; requests:\n${resources.join('\n')}`);
    console.log(`  long tasks: ${longTasks.map((t) => `${Math.round(t.start)}–${Math.round(t.end)}`).join(', ') || 'none'}`);
  }
  await context.close();
  return { ready, tti, ...timing, scripts: scriptsAtReady, later, longTasks: longTasks.length };
}

async function brotliSizes(url) {
  const body = Buffer.from(await (await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());
  const at = (quality) =>
    brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length;
  return { raw: body.length, server: at(SERVER_BROTLI_QUALITY), best: at(11) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(chromiumPath)) throw new Error(`No chromium at ${chromiumPath} (set CHROMIUM).`);
  const url = options.url?.replace(/\/$/, '') ?? (await startServer());
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // The browser's first page pays for process start-up: keep it out of the numbers.
    const warmUp = await browser.newPage();
    await warmUp.goto(`${url}${options.path}`);
    await warmUp.waitForFunction(FORM_READY, null, { timeout: 90_000 });
    await warmUp.close();

    const results = [];
    for (let run = 1; run <= runs; run += 1) {
      const result = await measureOnce(browser, url);
      const wire = result.scripts.reduce((sum, s) => sum + s.bytes, 0);
      console.log(
        `run ${run}: form ready ${ms(result.ready)}, TTI ${ms(result.tti)}, JS on the wire ${kb(wire)} ` +
          `in ${result.scripts.length} files, DOMContentLoaded ${ms(result.domContentLoaded)}, load ${ms(result.load)}`,
      );
      results.push({ ...result, wire });
    }

    const last = results.at(-1);
    console.log(`\nJavaScript fetched before the form was usable (${url}${options.path}):`);
    console.log('  file                                         encoding   on the wire   raw        br q3      br q11');
    const totals = { wire: 0, raw: 0, server: 0, best: 0 };
    for (const script of last.scripts) {
      const sizes = await brotliSizes(script.url);
      totals.wire += script.bytes;
      totals.raw += sizes.raw;
      totals.server += sizes.server;
      totals.best += sizes.best;
      const name = new URL(script.url).pathname.padEnd(44);
      console.log(
        `  ${name} ${script.encoding.padEnd(10)} ${kb(script.bytes).padStart(10)}   ${kb(sizes.raw).padStart(9)}  ` +
          `${kb(sizes.server).padStart(9)}  ${kb(sizes.best).padStart(9)}`,
      );
    }
    console.log(
      `  ${'total'.padEnd(44)} ${''.padEnd(10)} ${kb(totals.wire).padStart(10)}   ${kb(totals.raw).padStart(9)}  ` +
        `${kb(totals.server).padStart(9)}  ${kb(totals.best).padStart(9)}`,
    );
    if (last.later.length > 0) {
      const laterBytes = last.later.reduce((sum, s) => sum + (s.bytes ?? 0), 0);
      console.log(`  (then ${last.later.length} more files, ${kb(laterBytes)} on the wire, fetched after the form was usable)`);
    }

    const tti = median(results.map((r) => r.tti));
    const ready = median(results.map((r) => r.ready));
    const jsBrotli = totals.server;
    console.log(
      `\nProfile: ${PROFILE.downloadKbps / 1000} Mbps down, ${PROFILE.uploadKbps} Kbps up, ${PROFILE.latencyMs} ms RTT, ` +
        `CPU ${PROFILE.cpuSlowdown}× slower; median of ${runs} cold loads.`,
    );
    console.log(`JS (Brotli as the server sends it, q${SERVER_BROTLI_QUALITY}): ${kb(jsBrotli)} — target < ${kb(TARGET_JS_BYTES)}: ${jsBrotli < TARGET_JS_BYTES ? 'met' : 'NOT met'}`);
    console.log(`Form ready: ${ms(ready)}; time to interactive: ${ms(tti)} — target < ${ms(TARGET_TTI_MS)}: ${tti < TARGET_TTI_MS ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
  }
}

main().then(
  () => {
    stopServer();
    process.exit(0);
  },
  (error) => {
    console.error(error);
    stopServer();
    process.exit(1);
  },
);
