import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TGPL, apiAs, byTestId, choose, login, scenario, todayInVietnam } from '../harness.mjs';

/** Signs in and waits for the home page's dashboard to show its figures. */
async function signIn(page, username) {
  await login(page, username, 'LanToa@2026');
  await byTestId(page, 'home-greeting').waitFor();
  await byTestId(page, 'dashboard-figures').waitFor();
}

/** The number a figure shows (Vietnamese digit grouping dropped). */
async function numberIn(page, testId) {
  return Number((await byTestId(page, testId).innerText()).replace(/\D/g, ''));
}

/** The count a list's badge stands for. */
async function countOf(page, testId) {
  return Number(await byTestId(page, testId).getAttribute('data-count'));
}

/** Waits until a chart has drawn: the chart library (its own chunk) loaded and rendered an svg. */
async function chartDrawn(page, dimension) {
  await page.locator(`[data-testid="dashboard-chart-${dimension}-chart"] svg.recharts-surface`).first().waitFor();
}

/** What a chart's table of figures adds up to, per column (the last column: exemplars discovered). */
async function chartTableTotal(page, dimension) {
  const card = byTestId(page, `dashboard-chart-${dimension}`);
  await card.locator('summary').click();
  const cells = await card.locator('tbody tr td:last-child').allInnerTexts();
  return cells.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0);
}

const sum = (counts) => counts.reduce((total, count) => total + count.count, 0);

test('the Office’s home page is the dashboard: the report’s figures, the heatmap, the charts, the obligations', async () => {
  const { year } = todayInVietnam();
  const office = await apiAs('vanphong');
  const report = await office('GET', `/report-figures?from=${year}-01-01&to=${year}-12-31`);
  const plan = await office('GET', '/dashboard');
  assert.equal(plan.year, year, 'the dashboard shows this year by default');
  assert.ok(report.exemplars.discovered > 0, 'the demo year has exemplars');
  // The timeline's months of the year add up to the report's figures of the year.
  const months = plan.timeline.filter((month) => month.month.startsWith(`${year}-`));
  for (const [list, of] of [
    ['byStage', (month) => month.byStage],
    ['byCategory', (month) => month.byCategory],
  ]) {
    for (const figure of report.exemplars[list]) {
      const charted = months.reduce(
        (total, month) => total + (of(month).find((count) => count.key === figure.key)?.count ?? 0),
        0,
      );
      assert.equal(charted, figure.count, `${list} ${figure.key}`);
    }
  }
  const tgpl = plan.introductions.rows.find((row) => row.unit.code === 'TGPL').unit;

  await scenario('dashboard-office', async (page) => {
    await signIn(page, 'vanphong');
    assert.match(await byTestId(page, 'dashboard-title').innerText(), new RegExp(`năm ${year}`));
    assert.match(await byTestId(page, 'dashboard-scope').innerText(), /Toàn Sở/);
    await byTestId(page, 'home-tasks').waitFor();

    // The figures are the report's.
    assert.equal(await numberIn(page, 'dashboard-discovered-year-value'), report.exemplars.discovered);
    assert.equal(await numberIn(page, 'dashboard-discovered-plan'), plan.planFigures.exemplars.discovered);
    assert.equal(await numberIn(page, 'dashboard-introductions-tally-onTime'), report.introductions.onTime);
    assert.equal(await numberIn(page, 'dashboard-introductions-tally-late'), report.introductions.late);
    assert.equal(await numberIn(page, 'dashboard-introductions-tally-missing'), report.introductions.missing);
    assert.equal(await numberIn(page, 'dashboard-evaluations-year-value'), report.evaluations.total);

    // The heatmap: every unit a row, every cell a status with its due date for screen readers.
    const heatmap = byTestId(page, 'dashboard-heatmap');
    assert.equal(await heatmap.locator('[data-testid^="heatmap-row-"]').count(), plan.introductions.rows.length);
    const january = byTestId(page, `heatmap-cell-TGPL-${year}-01`);
    assert.match(await january.getAttribute('aria-label'), new RegExp(`tháng 01/${year}: .+\\. Hạn: \\d{2}/01/${year}\\.`));
    for (const status of ['on_time', 'late', 'missing']) {
      await byTestId(page, `heatmap-legend-${status}`).waitFor();
    }
    const row = plan.introductions.rows.find((r) => r.unit.code === 'TGPL');
    assert.equal(await numberIn(page, 'heatmap-missing-TGPL'), row.missing);

    // The charts, drawn by the chart library loaded on its own; their tables add up to the report.
    for (const dimension of ['category', 'stage']) await chartDrawn(page, dimension);
    const chunks = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop()),
    );
    assert.ok(chunks.some((name) => /^StackedBars-.*\.js$/.test(name)), 'the chart chunk was loaded');
    assert.equal(await chartTableTotal(page, 'stage'), report.exemplars.discovered);
    assert.equal(await chartTableTotal(page, 'category'), sum(report.exemplars.byCategory));
    // Over the plan's years.
    await byTestId(page, 'dashboard-chart-span').getByText(`Theo năm ${plan.firstYear}–${plan.lastYear}`).click();
    await chartDrawn(page, 'stage');
    assert.equal(
      await byTestId(page, 'dashboard-chart-stage').locator('tbody tr').count(),
      plan.lastYear - plan.firstYear + 1,
    );

    // The obligations: as many overdue as the API says, each linked to its page.
    assert.equal(await countOf(page, 'dashboard-overdue-total'), plan.obligations.overdueTotal);
    if (plan.obligations.overdue.length > 0) {
      const first = plan.obligations.overdue[0];
      const link = byTestId(page, `dashboard-obligation-link-${first.key}`);
      assert.equal(await link.getAttribute('href'), first.link);
      assert.match(await byTestId(page, `dashboard-obligation-${first.key}`).innerText(), /Hạn \d{2}\/\d{2}\/\d{4}/);
    }

    // One unit: its figures, its row.
    await choose(page, 'dashboard-unit', TGPL, 'Trợ giúp');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('unitId'));
    assert.equal(new URL(page.url()).searchParams.get('unitId'), String(tgpl.id));
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid^="heatmap-row-"]').length === 1,
    );
    await byTestId(page, 'heatmap-row-TGPL').waitFor();
    const unitReport = await office(
      'GET',
      `/report-figures?from=${year}-01-01&to=${year}-12-31&unitId=${tgpl.id}`,
    );
    await page.waitForFunction(
      (name) => document.querySelector('[data-testid="dashboard-scope"]')?.textContent?.includes(name),
      TGPL,
    );
    assert.equal(await numberIn(page, 'dashboard-discovered-year-value'), unitReport.exemplars.discovered);

    // Another year of the plan.
    const other = year < plan.lastYear ? year + 1 : year - 1;
    await byTestId(page, 'dashboard-year').getByText(String(other), { exact: true }).click();
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === String(y), other);
    await page.waitForFunction(
      (y) => document.querySelector('[data-testid="dashboard-heatmap"]')?.textContent?.includes(`năm ${y}`),
      other,
    );
    assert.match(await byTestId(page, 'dashboard-title').innerText(), new RegExp(`năm ${other}`));
  });

  await scenario('dashboard-leader', async (page) => {
    await signIn(page, 'lanhdao');
    await byTestId(page, 'dashboard-heatmap').waitFor();
    await chartDrawn(page, 'stage');
    assert.equal(await numberIn(page, 'dashboard-discovered-year-value'), report.exemplars.discovered);
  });
});

test('a unit head’s home page shows the unit’s view: its figures, its row, what is due for it', async () => {
  const { year } = todayInVietnam();
  const head = await apiAs('tgpl.truong');
  const mine = await head('GET', '/dashboard');
  assert.equal(mine.unit.code, 'TGPL', 'a unit head gets their own unit');
  const report = await head('GET', `/report-figures?from=${year}-01-01&to=${year}-12-31`);
  for (const obligation of [...mine.obligations.overdue, ...mine.obligations.dueSoon]) {
    assert.equal(obligation.unit?.code, 'TGPL', `${obligation.key} is the unit's`);
  }

  await scenario('dashboard-unit-head', async (page) => {
    await signIn(page, 'tgpl.truong');
    assert.match(await byTestId(page, 'dashboard-scope').innerText(), new RegExp(mine.unit.name));
    assert.equal(await byTestId(page, 'dashboard-unit').count(), 0, 'no unit to pick');
    await byTestId(page, 'home-introduction').waitFor();
    await byTestId(page, 'home-tasks').waitFor();
    assert.equal(await numberIn(page, 'dashboard-discovered-year-value'), report.exemplars.discovered);
    assert.equal(await page.locator('[data-testid^="heatmap-row-"]').count(), 1);
    await byTestId(page, 'heatmap-row-TGPL').waitFor();
    assert.equal(await byTestId(page, 'dashboard-by-unit').count(), 0);
    assert.equal(await countOf(page, 'dashboard-overdue-total'), mine.obligations.overdueTotal);
    assert.equal(await countOf(page, 'dashboard-due-soon-total'), mine.obligations.dueSoonTotal);
    await chartDrawn(page, 'category');
  });
});
