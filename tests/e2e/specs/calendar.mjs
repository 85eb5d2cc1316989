import assert from 'node:assert/strict';
import { test } from 'node:test';

import { apiAs, baseUrl, byTestId, expectTitle, login, runId, scenario } from '../harness.mjs';

/** Signs in as a demo user and waits for the home page. */
async function signIn(page, username) {
  await login(page, username, 'LanToa@2026');
  await byTestId(page, 'home-greeting').waitFor();
}

/** Waits until a status tag says `status` (the server's value, kept in `data-status`). */
async function expectStatus(page, testId, status) {
  await page.locator(`[data-testid="${testId}"][data-status="${status}"]`).waitFor();
}

test('a unit head follows the reminder, reports; the Office returns it, the unit resubmits, the Office accepts', async () => {
  const asHead = await apiAs('tgpl.truong');
  const owed = await asHead('GET', '/obligations?kind=annual_report&period=2026');
  assert.equal(owed.items.length, 1, 'the demo unit owes one annual report for 2026');
  const obligation = owed.items[0];
  assert.equal(obligation.status, 'missing', 'the demo unit has not reported by 20/10');
  const key = obligation.key;
  let reportUrl;

  await scenario('calendar-unit-submits', async (page) => {
    await signIn(page, 'tgpl.truong');
    const bell = byTestId(page, 'bell');
    assert.ok(Number(await bell.getAttribute('data-unread')) > 0, 'the unit head has unread reminders');
    await bell.click();
    const reminder = page
      .locator('[data-testid^="bell-item-"]', {
        hasText: 'Báo cáo định kỳ năm 2026',
      })
      .first();
    await reminder.click();
    await expectTitle(page, 'Lịch báo cáo');
    assert.equal(new URL(page.url()).searchParams.get('key'), key, 'the reminder links to the obligation');

    const row = byTestId(page, `obligation-row-${key}`);
    await row.waitFor();
    await expectStatus(page, `obligation-status-${key}`, 'missing');
    assert.match(await byTestId(page, `obligation-due-${key}`).innerText(), /20\/10\/2026/);

    await byTestId(page, `obligation-submit-${key}`).click();
    await byTestId(page, 'submit-report-title').fill(
      `Báo cáo định kỳ năm 2026 của Trung tâm TGPL (${runId})`,
    );
    await byTestId(page, 'submit-report-note').fill('Kèm theo danh sách điển hình đã giới thiệu trong năm.');
    await byTestId(page, 'submit-report-ok').click();
    await page.getByText('Đã gửi báo cáo (trễ hạn).').waitFor();
    await expectStatus(page, `obligation-status-${key}`, 'done_late');
    await byTestId(page, `obligation-submit-${key}`).waitFor({
      state: 'detached',
    });

    await byTestId(page, `obligation-report-link-${key}`).click();
    await expectStatus(page, 'report-status', 'submitted');
    reportUrl = page.url();
    // The unit head sent it: only the Office decides now.
    assert.equal(await page.locator('[data-testid^="report-action-"]').count(), 0);
  });

  await scenario('calendar-office-returns', async (page) => {
    await signIn(page, 'vanphong');
    await page.goto(`${baseUrl}/lich-bao-cao?key=${encodeURIComponent(key)}`);
    await byTestId(page, `obligation-report-link-${key}`).click();
    await expectStatus(page, 'report-status', 'submitted');
    assert.equal(page.url(), reportUrl);
    await byTestId(page, 'report-action-return').click();
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Nêu lý do trả lại để đơn vị bổ sung').waitFor();
    await byTestId(page, 'report-step-note').fill(
      'Đề nghị bổ sung số liệu điển hình được nhân rộng (mục II.3).',
    );
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã trả lại báo cáo.').waitFor();
    await expectStatus(page, 'report-status', 'returned');
    assert.match(await byTestId(page, 'report-decision-note').innerText(), /nhân rộng/);
  });

  await scenario('calendar-unit-resubmits', async (page) => {
    await signIn(page, 'tgpl.truong');
    await page.goto(`${baseUrl}/lich-bao-cao?key=${encodeURIComponent(key)}`);
    await expectStatus(page, `obligation-status-${key}`, 'missing');
    await byTestId(page, `obligation-report-link-${key}`).click();
    await expectStatus(page, 'report-status', 'returned');
    assert.match(await byTestId(page, 'report-decision-note').innerText(), /nhân rộng/);
    await byTestId(page, 'report-action-resubmit').click();
    await byTestId(page, 'report-step-note').fill('Đã bổ sung số liệu nhân rộng tại mục II.3.');
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã gửi lại báo cáo.').waitFor();
    await expectStatus(page, 'report-status', 'submitted');
  });

  await scenario('calendar-office-accepts', async (page) => {
    await signIn(page, 'vanphong');
    await page.goto(reportUrl);
    await expectStatus(page, 'report-status', 'submitted');
    await byTestId(page, 'report-action-accept').click();
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã tiếp nhận báo cáo.').waitFor();
    await expectStatus(page, 'report-status', 'accepted');
    assert.equal(await page.locator('[data-testid^="report-action-"]').count(), 0);
  });

  const after = await asHead('GET', '/obligations?kind=annual_report&period=2026');
  assert.equal(after.items[0].status, 'done_late');
});

test('a unit raises a difficulty and the Office answers it', async () => {
  const subject = `Vướng mắc khi lập báo cáo năm (${runId})`;
  let difficultyUrl;

  await scenario('difficulty-unit-raises', async (page) => {
    await signIn(page, 'tgpl.truong');
    await byTestId(page, 'nav-kho-khan').click();
    await expectTitle(page, 'Khó khăn, vướng mắc');
    await byTestId(page, 'difficulty-create').click();
    await byTestId(page, 'difficulty-form-subject').fill(subject);
    await byTestId(page, 'difficulty-form-body').fill(
      'Đơn vị chưa rõ cách tính số điển hình được nhân rộng trong năm; đề nghị Văn phòng Sở hướng dẫn.',
    );
    await byTestId(page, 'difficulty-form-submit').click();
    await page.getByText('Đã gửi phản ánh tới Văn phòng Sở.').waitFor();
    await expectStatus(page, 'difficulty-status', 'open');
    assert.equal(await byTestId(page, 'difficulty-subject').innerText(), subject);
    difficultyUrl = page.url();
    assert.match(difficultyUrl, /\/kho-khan\/\d+$/);
    await byTestId(page, 'difficulty-action-answer').waitFor({
      state: 'detached',
    });
  });

  await scenario('difficulty-office-answers', async (page) => {
    await signIn(page, 'vanphong');
    await byTestId(page, 'nav-kho-khan').click();
    await page.getByRole('link', { name: subject }).click();
    await expectStatus(page, 'difficulty-status', 'open');
    assert.equal(page.url(), difficultyUrl);
    await byTestId(page, 'difficulty-action-answer').click();
    await byTestId(page, 'difficulty-step-note').fill(
      'Tính các điển hình có kết quả nhân rộng được ghi nhận trong năm.',
    );
    await byTestId(page, 'difficulty-step-ok').click();
    await expectStatus(page, 'difficulty-status', 'answered');
    assert.match(await byTestId(page, 'difficulty-answer').innerText(), /nhân rộng được ghi nhận/);
    assert.notEqual(await byTestId(page, 'difficulty-first-response').innerText(), '—');
  });

  await scenario('difficulty-unit-reads-answer', async (page) => {
    await signIn(page, 'tgpl.truong');
    await page.goto(difficultyUrl);
    await expectStatus(page, 'difficulty-status', 'answered');
    assert.match(await byTestId(page, 'difficulty-answer').innerText(), /nhân rộng được ghi nhận/);
    // Satisfied or not: the unit settles it or asks again.
    await byTestId(page, 'difficulty-action-reopen').waitFor();
    await byTestId(page, 'difficulty-action-close').click();
    await byTestId(page, 'difficulty-step-ok').click();
    await expectStatus(page, 'difficulty-status', 'closed');
    assert.equal(await page.locator('[data-testid^="difficulty-action-"]').count(), 0);
  });
});

test('the Office keeps the calendar settings and the holidays; the administrator sees the webhooks and their log', async () => {
  await scenario('calendar-settings', async (page) => {
    await signIn(page, 'vanphong');
    await byTestId(page, 'nav-cai-dat-lich').click();
    await expectTitle(page, 'Cài đặt lịch báo cáo');
    await byTestId(page, 'calendar-save').click();
    await page.getByText('Đã lưu cài đặt lịch báo cáo.').waitFor();
    await byTestId(page, 'holiday-add').click();
    const rows = await page.locator('[data-testid^="holiday-row-"]').count();
    const last = rows - 1;
    const input = page
      .locator(`[data-testid="holiday-date-${last}"] input, input[data-testid="holiday-date-${last}"]`)
      .first();
    await input.click();
    await input.fill('02/01/2030');
    await input.press('Tab');
    await byTestId(page, `holiday-name-${last}`).fill(`Nghỉ bù (${runId})`);
    await byTestId(page, 'holiday-save').click();
    await page.getByText('Đã lưu danh sách ngày nghỉ.').waitFor();
  });

  await scenario('webhooks-admin', async (page) => {
    await signIn(page, 'admin');
    await byTestId(page, 'nav-webhook').click();
    await expectTitle(page, 'Webhook');
    const row = page.locator('[data-testid^="webhook-row-"]', { hasText: 'Sở Nội vụ' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Đang tắt/);
    await row.locator('[data-testid^="webhook-log-"]').click();
    await byTestId(page, 'delivery-table').waitFor();
  });
});
