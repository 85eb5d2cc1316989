import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ADMIN_NAME,
  DEPARTMENT,
  PASSWORD,
  TGPL,
  answerDialog,
  apiAs,
  apiWithEtagAs,
  baseUrl,
  byTestId,
  choose,
  expectTitle,
  isoDay,
  login,
  pickDate,
  runId,
  scenario,
  todayInVietnam,
} from '../harness.mjs';

test('an administrator manages units: create under the Department, edit, deactivate', async () => {
  await scenario('units', async (page) => {
    await login(page, 'admin', 'mat-khau-sai-123');
    const alert = byTestId(page, 'problem-alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Tên đăng nhập hoặc mật khẩu không đúng/);
    assert.match(await byTestId(page, 'problem-request-id').innerText(), /\S+/);
    assert.equal(new URL(page.url()).search, '', 'nothing may leak into the address bar');

    await byTestId(page, 'login-password').fill(PASSWORD);
    await byTestId(page, 'login-submit').click();
    await byTestId(page, 'home-greeting').waitFor();
    assert.equal(await byTestId(page, 'header-user-name').innerText(), ADMIN_NAME);

    await byTestId(page, 'nav-don-vi').click();
    await expectTitle(page, 'Đơn vị');
    await byTestId(page, `unit-tree-node-STP`).waitFor();

    const code = `E2E-${runId}`.slice(0, 20);
    const name = `Phòng Kiểm thử ${runId}`;
    await byTestId(page, 'unit-create').click();
    await byTestId(page, 'unit-form-code').fill(code.toLowerCase());
    await byTestId(page, 'unit-form-shortName').fill(`Phòng KT ${runId}`);
    await byTestId(page, 'unit-form-name').fill(name);
    await page.getByLabel('Đơn vị thuộc Sở').check();
    await choose(page, 'unit-form-parent', DEPARTMENT);
    await byTestId(page, 'unit-form-submit').click();
    await page.getByText(`Đã tạo đơn vị ${name}.`).waitFor();

    await byTestId(page, 'unit-search').fill(code);
    const row = byTestId(page, `unit-row-${code}`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(name));
    assert.match(await row.innerText(), /Đơn vị thuộc Sở/);
    const node = byTestId(page, `unit-tree-node-${code}`);
    assert.match(await node.innerText(), new RegExp(name));

    const renamed = `${name} (đã đổi tên)`;
    await byTestId(page, `unit-edit-${code}`).click();
    // A click during the dialog's zoom can land beside the moving button.
    await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
    await byTestId(page, 'unit-form-name').fill(renamed);
    await byTestId(page, 'unit-form-submit').click();
    await page.getByText(`Đã lưu đơn vị ${renamed}.`).waitFor();
    await row.getByText(renamed).waitFor();
    await node.getByText(renamed).waitFor();

    await byTestId(page, `unit-deactivate-${code}`).click();
    await answerDialog(page, 'confirm-ok');
    await page.getByText('Đã ngừng hoạt động đơn vị.').waitFor();
    await row.locator('[data-testid="inactive-tag"]').waitFor();
    await byTestId(page, `unit-activate-${code}`).waitFor();
    // The tree shows active units unless asked for all.
    await node.waitFor({ state: 'detached' });
    await byTestId(page, 'unit-tree-include-inactive').click();
    await node.locator('[data-testid="inactive-tag"]').waitFor();
  });
});

test('a new user must change the temporary password at first sign-in', async () => {
  const username = `e2e.${runId.toLowerCase()}`;
  const fullName = 'Nguyễn Thị Kiểm Thử';
  const newPassword = `Hoa-sen-${Date.now()}`;
  let temporaryPassword;

  await scenario('first-sign-in', async (page) => {
    await login(page, 'admin', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await byTestId(page, 'nav-nguoi-dung').click();
    await expectTitle(page, 'Người dùng');

    await byTestId(page, 'user-create').click();
    await byTestId(page, 'user-form-username').fill(username);
    await byTestId(page, 'user-form-fullName').fill(fullName);
    await byTestId(page, 'user-form-position').fill('Trợ giúp viên pháp lý');
    await choose(page, 'user-form-role', 'Cán bộ đơn vị');
    // Typed without diacritics, as people do.
    await choose(page, 'user-form-unit', TGPL, 'tro giup');
    await byTestId(page, 'user-form-submit').click();

    await byTestId(page, 'handover-username').waitFor();
    assert.equal(await byTestId(page, 'handover-username').innerText(), username);
    temporaryPassword = (await byTestId(page, 'handover-password').innerText()).trim();
    assert.ok(temporaryPassword.length >= 10, 'a temporary password is shown');
    await byTestId(page, 'secret-close').click();
    await byTestId(page, 'user-search').fill('kiem thu');
    await byTestId(page, `user-row-${username}`).getByText('Chờ đổi mật khẩu').waitFor();

    await byTestId(page, 'logout-button').click();
    await byTestId(page, 'login-card').waitFor();

    await login(page, username, temporaryPassword);
    await byTestId(page, 'forced-password-card').waitFor();
    await expectTitle(page, 'Đổi mật khẩu');
    assert.equal(new URL(page.url()).pathname, '/doi-mat-khau');
    // Every other page leads back here until the password is changed.
    await page.goto(`${baseUrl}/don-vi`);
    await byTestId(page, 'forced-password-card').waitFor();

    await byTestId(page, 'password-current').fill(temporaryPassword);
    await byTestId(page, 'password-new').fill(newPassword);
    await byTestId(page, 'password-confirm').fill(newPassword);
    await byTestId(page, 'password-submit').click();

    await byTestId(page, 'home-greeting').waitFor();
    await page.getByText('Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await byTestId(page, 'header-user-name').innerText(), fullName);
    assert.equal(await byTestId(page, 'header-user-role').innerText(), 'Cán bộ đơn vị');
    assert.match(await byTestId(page, 'header-user-unit').innerText(), /Trung tâm TGPL/);
    assert.equal(await byTestId(page, 'home-role').innerText(), 'Cán bộ đơn vị');
    assert.equal(await byTestId(page, 'home-unit').innerText(), TGPL);
    // A unit staff member sees only the shared sections.
    assert.equal(await byTestId(page, 'nav-nguoi-dung').count(), 0);

    // A reload keeps the session: a silent refresh with the cookie renews the access token.
    await page.reload();
    await byTestId(page, 'home-greeting').waitFor();
    assert.equal(await byTestId(page, 'header-user-name').innerText(), fullName);

    // The refresh token is an HttpOnly, Secure, SameSite=Strict cookie on the auth path, which
    // Chromium keeps over plain http on 127.0.0.1; no script can read it, and storage holds no token.
    const refreshCookie = (await page.context().cookies()).find((c) => c.name === 'lantoa_refresh');
    assert.ok(refreshCookie, 'the browser keeps the refresh cookie');
    assert.deepEqual(
      [refreshCookie.httpOnly, refreshCookie.secure, refreshCookie.sameSite, refreshCookie.path],
      [true, true, 'Strict', '/api/v1/auth'],
    );
    assert.equal(await page.evaluate(() => document.cookie), '');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    assert.ok(!stored.includes(refreshCookie.value), 'no refresh token in web storage');

    // Signing out revokes the session and drops the cookie: a reload stays signed out.
    const loggedOut = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/logout');
    await byTestId(page, 'logout-button').click();
    await byTestId(page, 'login-card').waitFor();
    assert.equal((await loggedOut).status(), 204);
    assert.equal((await page.context().cookies()).some((c) => c.name === 'lantoa_refresh'), false);
    await page.reload();
    await byTestId(page, 'login-card').waitFor();
  });
});


/** Signs in as `username` and opens the exemplar's page. */
async function openExemplarAs(page, username, id, name) {
  await login(page, username, PASSWORD);
  await byTestId(page, 'home-greeting').waitFor();
  await page.goto(`${baseUrl}/diem-hinh/${id}`);
  await expectTitle(page, name);
}


/** The number a home-page count or bar shows, once it has loaded. */
async function homeCount(page, testId) {
  await page.waitForFunction(
    (selector) => /\d/.test(document.querySelector(selector)?.textContent ?? ''),
    `[data-testid="${testId}"]`,
  );
  return Number((await byTestId(page, testId).innerText()).replace(/\D/g, ''));
}

test('the demo year: the leadership and a unit head find a Department at work', async () => {
  await scenario('demo-year-leader', async (page) => {
    await login(page, 'lanhdao', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    assert.ok((await homeCount(page, 'home-task-proposals_to_decide-count')) > 0, 'stage moves wait for approval');
    assert.ok((await homeCount(page, 'dashboard-stage-year-nurturing-count')) > 0, 'the Department nurtures exemplars');
    assert.ok((await homeCount(page, 'dashboard-stage-year-replicated-count')) > 0, 'and replicates some');

    await byTestId(page, 'nav-diem-hinh').click();
    await expectTitle(page, 'Điển hình tiên tiến');
    await page.locator('[data-testid^="exemplar-link-"]').first().waitFor();
    assert.ok((await page.locator('[data-testid^="exemplar-link-"]').count()) >= 10, 'the list is full');

    // Searched without diacritics, as people type.
    await byTestId(page, 'exemplar-search').fill('hong nhung');
    const found = page.locator('[data-testid^="exemplar-link-"]', { hasText: 'Nguyễn Thị Hồng Nhung' });
    await found.first().waitFor();
    await found.first().click();
    await expectTitle(page, 'Nguyễn Thị Hồng Nhung');
    assert.equal(await byTestId(page, 'exemplar-stage').innerText(), 'Nhân rộng');
    assert.equal(await byTestId(page, 'exemplar-record-status').innerText(), 'Đã xác nhận');
    await byTestId(page, 'exemplar-conclusion').getByText('Đạt').waitFor();
    const timeline = byTestId(page, 'exemplar-timeline');
    for (const action of ['created', 'plan_saved', 'submitted', 'confirmed', 'summary_saved', 'replication_added']) {
      assert.ok((await timeline.locator(`[data-testid="timeline-${action}"]`).count()) >= 1, `timeline has ${action}`);
    }
  });

  await scenario('demo-year-unit-head', async (page) => {
    await login(page, 'pbgdpl.truong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    assert.equal(await byTestId(page, 'home-unit').innerText(), 'Phòng Phổ biến, giáo dục pháp luật');
    await byTestId(page, 'home-introduction').waitFor();
    await byTestId(page, 'nav-diem-hinh').click();
    await expectTitle(page, 'Điển hình tiên tiến');
    await page.locator('[data-testid^="exemplar-link-"]').first().waitFor();
    assert.ok((await page.locator('[data-testid^="exemplar-link-"]').count()) >= 5, 'the unit has its exemplars');
  });
});

test('an exemplar goes from the unit to the Office: recorded, planned, submitted, proposed, moved, evaluated, introduced', async () => {
  const name = `Nguyễn Thị Điển Hình ${runId}`;
  const title = `Gương sáng trợ giúp pháp lý ${runId}`;
  const today = todayInVietnam();
  const month = `${today.year}-${String(today.month).padStart(2, '0')}`;
  const discoveredText = `14/02/${today.year - 1}`;
  let id;

  // The unit's staff records the exemplar they discovered.
  await scenario('exemplar-staff', async (page) => {
    await login(page, 'tgpl.canbo', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await byTestId(page, 'nav-diem-hinh').click();
    await expectTitle(page, 'Điển hình tiên tiến');
    await byTestId(page, 'exemplar-create').click();
    await expectTitle(page, 'Thêm điển hình');

    await byTestId(page, 'exemplar-form-name').fill(name);
    await byTestId(page, 'exemplar-form-position').fill('Trợ giúp viên pháp lý');
    // A unit's staff records for their own unit only.
    assert.equal(await byTestId(page, 'exemplar-form-unit-fixed').inputValue(), TGPL);
    await choose(page, 'exemplar-form-category', 'Điển hình tiên tiến');
    await page
      .locator('[data-testid="exemplar-form-field"] input, input[data-testid="exemplar-form-field"]')
      .first()
      .fill('Trợ giúp pháp lý');
    await byTestId(page, 'exemplar-form-achievements').fill(
      'Thực hiện 124 vụ việc trợ giúp pháp lý cho người dân vùng sâu trong năm, không có khiếu nại.',
    );
    await choose(page, 'exemplar-form-movements', 'Bình dân học vụ số', 'binh dan');
    await page.keyboard.press('Escape');
    await byTestId(page, 'initiative-add').click();
    await byTestId(page, 'initiative-title-0').fill('Số hóa hồ sơ trợ giúp pháp lý');
    await pickDate(page, 'exemplar-form-discoveredOn', discoveredText);
    await byTestId(page, 'exemplar-form-submit').click();

    await page.getByText(`Đã ghi nhận điển hình ${name}.`).waitFor();
    await expectTitle(page, name);
    id = Number(new URL(page.url()).pathname.split('/').pop());
    assert.ok(id > 0, 'the new exemplar has its own page');
    assert.equal(await byTestId(page, 'exemplar-stage').innerText(), 'Phát hiện');
    assert.equal(await byTestId(page, 'exemplar-record-status').innerText(), 'Bản nháp');
    assert.match(await byTestId(page, 'exemplar-unit').innerText(), /Trung tâm Trợ giúp pháp lý/);
    assert.match(await byTestId(page, 'exemplar-movements').innerText(), /Bình dân học vụ số/);
    // The stage bar dates the discovery, not the day it was recorded.
    assert.match(await byTestId(page, 'stage-steps').innerText(), new RegExp(discoveredText));
    // Staff cannot submit: that is the unit head's call. Editing stays at hand, deleting in the menu.
    assert.equal(await byTestId(page, 'exemplar-action-submit').count(), 0);
    await byTestId(page, 'exemplar-action-edit').waitFor();
    await byTestId(page, 'exemplar-actions-more').click();
    await byTestId(page, 'exemplar-action-delete').waitFor();
  });

  // The unit head submits the record; proposing "Bồi dưỡng" waits for the nurturing plan, which
  // the page leads to; then the head proposes the move.
  await scenario('exemplar-head', async (page) => {
    await openExemplarAs(page, 'tgpl.truong', id, name);
    // One primary step, the one the draft waits for.
    assert.equal(await page.locator('.ant-btn-primary[data-testid^="exemplar-action-"]').count(), 1);
    await byTestId(page, 'exemplar-action-submit').click();
    await answerDialog(page, 'confirm-ok');
    await page.getByText('Đã gửi hồ sơ cho Văn phòng Sở.').waitFor();
    await byTestId(page, 'exemplar-record-status').getByText('Đã gửi').waitFor();

    const propose = byTestId(page, 'exemplar-action-propose_stage-nurturing');
    await propose.waitFor();
    assert.equal(await propose.isDisabled(), true, 'no proposal without a nurturing plan');
    const blocked = byTestId(page, 'next-step-blocked');
    assert.match(await blocked.innerText(), /Cần lập kế hoạch bồi dưỡng/);
    await byTestId(page, 'next-step-fix').click();
    assert.equal(new URL(page.url()).searchParams.get('tab'), 'boi-duong');

    const planSaves = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith(`/exemplars/${id}/nurturing-plan`)) {
        planSaves.push(request.url());
      }
    });
    await byTestId(page, 'plan-edit').click();
    await byTestId(page, 'plan-strengths').fill('Tận tâm, am hiểu pháp luật, gần gũi người dân.');
    await byTestId(page, 'plan-shortcomings').fill('Chưa chia sẻ kinh nghiệm rộng rãi trong đơn vị.');
    await byTestId(page, 'plan-measures').fill('Cử tham gia tập huấn; giao hướng dẫn đồng nghiệp mới.');
    await byTestId(page, 'milestone-add').click();
    await byTestId(page, 'milestone-title-0').fill('Chia sẻ kinh nghiệm tại hội nghị đơn vị');
    const due = new Date(Date.UTC(today.year, today.month, 15));
    const dueText = `15/${String(due.getUTCMonth() + 1).padStart(2, '0')}/${due.getUTCFullYear()}`;
    // Enter in a date field takes the day and does not save the form.
    const dueInput = page
      .locator('[data-testid="milestone-due-0"] input, input[data-testid="milestone-due-0"]')
      .first();
    await dueInput.click();
    await dueInput.fill(dueText);
    await dueInput.press('Enter');
    await page.waitForTimeout(1_000);
    assert.deepEqual(planSaves, [], 'Enter in the date field saved nothing');
    assert.equal(await dueInput.inputValue(), dueText);
    await byTestId(page, 'plan-save').click();
    await page.getByText('Đã lưu kế hoạch bồi dưỡng.').waitFor();
    assert.equal(planSaves.length, 1);
    await byTestId(page, 'plan-view').getByText('Chia sẻ kinh nghiệm tại hội nghị đơn vị').waitFor();
    await byTestId(page, 'plan-milestones').getByText(dueText).waitFor();

    // With the plan, the proposal is the step to take.
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="exemplar-action-propose_stage-nurturing"]')?.disabled,
    );
    assert.equal(await blocked.count(), 0);
    await propose.click();
    await byTestId(page, 'stage-move-summary').getByText('Bồi dưỡng').waitFor();
    await byTestId(page, 'stage-move-note').fill('Đã có kế hoạch bồi dưỡng cụ thể.');
    await byTestId(page, 'stage-move-submit').click();
    await page.getByText('Đã gửi đề xuất chuyển sang giai đoạn Bồi dưỡng.').waitFor();
    assert.match(await byTestId(page, 'exemplar-proposal').innerText(), /Bồi dưỡng/);
    // Nothing waits for the head now; withdrawing is in the menu.
    assert.equal(await page.locator('.ant-btn-primary[data-testid^="exemplar-action-"]').count(), 0);
    await byTestId(page, 'exemplar-actions-more').click();
    await byTestId(page, 'exemplar-action-withdraw_stage').waitFor();
  });

  // The Office confirms the proposal, then evaluates against the four general standards.
  await scenario('exemplar-office', async (page) => {
    await openExemplarAs(page, 'vanphong', id, name);
    // The Office's one primary step is deciding on the proposal; the rest is grouped.
    assert.equal(await page.locator('.ant-btn-primary[data-testid^="exemplar-action-"]').count(), 1);
    await byTestId(page, 'exemplar-actions-more').click();
    await byTestId(page, 'exemplar-action-reject_stage').waitFor();
    await byTestId(page, 'exemplar-action-confirm').waitFor();
    await page.keyboard.press('Escape');
    await byTestId(page, 'exemplar-action-confirm_stage-nurturing').click();
    await byTestId(page, 'decision-note').fill('Đồng ý chuyển sang bồi dưỡng.');
    await byTestId(page, 'decision-submit').click();
    await page.getByText('Đã duyệt đề xuất; điển hình đã chuyển giai đoạn.').waitFor();
    await byTestId(page, 'exemplar-stage').getByText('Bồi dưỡng').waitFor();
    assert.equal(await byTestId(page, 'exemplar-record-status').innerText(), 'Đã xác nhận');
    assert.equal(await byTestId(page, 'exemplar-proposal').count(), 0);

    await byTestId(page, 'tab-danh-gia').click();
    await byTestId(page, 'evaluation-start').click();
    await byTestId(page, 'evaluation-start-kind').getByText('Văn phòng Sở thẩm định').waitFor();
    await byTestId(page, 'evaluation-start-submit').click();
    await expectTitle(page, 'Phiếu đánh giá');
    assert.match(new URL(page.url()).pathname, /^\/danh-gia\/\d+$/);
    assert.equal(await page.locator('[data-testid^="criterion-"][data-testid$="-met"]').count(), 4);
    assert.match(await byTestId(page, 'criterion-1').innerText(), /Hoàn thành xuất sắc nhiệm vụ được giao/);
    // Finalising too early points at every unanswered criterion.
    await byTestId(page, 'evaluation-finalise').click();
    await page.getByText('Còn 4 tiêu chí chưa đánh giá.').waitFor();
    assert.equal(await page.getByText('Chưa đánh giá tiêu chí này.').count(), 4);
    for (let index = 0; index < 4; index += 1) {
      await byTestId(page, `criterion-${index}-met`).getByText('Đạt', { exact: true }).click();
    }
    await byTestId(page, 'evaluation-comment').fill('Đáp ứng đầy đủ bốn tiêu chuẩn chung.');
    await byTestId(page, 'evaluation-save').click();
    await page.getByText('Đã lưu nháp. Điểm hiện tại: 100%.').waitFor();
    assert.equal(await byTestId(page, 'evaluation-score').innerText(), '100');
    assert.equal(await byTestId(page, 'evaluation-conclusion').innerText(), 'Đạt');

    await byTestId(page, 'evaluation-finalise').click();
    await answerDialog(page, 'confirm-ok');
    await byTestId(page, 'evaluation-final').waitFor();
    assert.equal(await byTestId(page, 'evaluation-status').innerText(), 'Đã hoàn tất');
    await byTestId(page, 'evaluation-amend').waitFor();
    // The final evaluation reads as a document: the answers as text, no leftover field errors.
    assert.equal(await page.getByText('Chưa đánh giá tiêu chí này.').count(), 0);
    assert.equal(await page.locator('.ant-form-item-explain-error').count(), 0);
    assert.equal(await byTestId(page, 'criterion-0-answer').innerText(), 'Đạt');
    assert.equal(
      await byTestId(page, 'evaluation-comment-text').innerText(),
      'Đáp ứng đầy đủ bốn tiêu chuẩn chung.',
    );

    // Every step is on the exemplar's timeline, with the conclusion.
    await page.getByRole('link', { name: 'Hồ sơ điển hình' }).click();
    await expectTitle(page, name);
    await byTestId(page, 'exemplar-conclusion').getByText('Đạt').waitFor();
    const timeline = byTestId(page, 'exemplar-timeline');
    for (const action of ['created', 'plan_saved', 'submitted', 'proposed', 'moved', 'evaluated']) {
      assert.equal(
        await timeline.locator(`[data-testid="timeline-${action}"]`).count(),
        1,
        `timeline has ${action}`,
      );
    }
    assert.match(
      await timeline.locator('[data-testid="timeline-moved"]').innerText(),
      /Phát hiện → Bồi dưỡng/,
    );
    assert.match(
      await timeline.locator('[data-testid="timeline-moved"]').innerText(),
      /Đồng ý chuyển sang bồi dưỡng/,
    );
    assert.match(
      await timeline.locator('[data-testid="timeline-evaluated"]').innerText(),
      /Văn phòng Sở thẩm định: Đạt \(100%\)/,
    );
    assert.match(
      await timeline.locator('[data-testid="timeline-created"]').innerText(),
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
  });

  // The unit head introduces the exemplar for this month; the grid shows whether it was on time.
  await scenario('introduction-head', async (page) => {
    await login(page, 'tgpl.truong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await byTestId(page, 'nav-gioi-thieu').click();
    await expectTitle(page, 'Giới thiệu hằng tháng');
    // The due day shows once the settings (or the grid) have loaded; "…" until then.
    await page.waitForFunction(() =>
      /^\d+$/.test(document.querySelector('[data-testid="due-day"]')?.textContent ?? ''),
    );
    const dueDay = Number(await byTestId(page, 'due-day').innerText());
    assert.ok(dueDay >= 1 && dueDay <= 28, 'the due day is shown');

    await byTestId(page, 'intro-create').click();
    await choose(page, 'intro-form-exemplars', name, runId);
    await page.keyboard.press('Escape');
    await byTestId(page, 'intro-form-title').fill(title);
    await byTestId(page, 'intro-form-writeUp').fill(
      `${name} đã thực hiện hàng trăm vụ việc trợ giúp pháp lý cho người dân vùng sâu, vùng xa.`,
    );
    // Sending is final: "Lưu và gửi" asks first, and cancelling keeps what was typed, unsent.
    await byTestId(page, 'intro-form-send').click();
    await answerDialog(page, 'confirm-cancel');
    await byTestId(page, 'confirm-cancel').waitFor({ state: 'detached' });
    assert.equal(await byTestId(page, 'intro-form-title').inputValue(), title);
    await byTestId(page, 'intro-form-save').click();
    await page.getByText('Đã lưu bài giới thiệu nháp.').waitFor();

    const row = page.locator('[data-testid^="intro-row-"]', { hasText: title });
    await row.waitFor();
    await row.locator('[data-testid^="intro-submit-"]').click();
    await answerDialog(page, 'confirm-ok');
    const onTime = today.day <= dueDay;
    await page
      .getByText(onTime ? 'Đã gửi bài giới thiệu (đúng hạn).' : 'Đã gửi bài giới thiệu (trễ hạn).')
      .waitFor();
    await row.getByText(onTime ? 'Đã gửi – đúng hạn' : 'Đã gửi – trễ hạn').waitFor();

    const cell = byTestId(page, `grid-cell-TGPL-${month}`);
    const expected = onTime ? 'on_time' : 'late';
    await page.waitForFunction(
      ([selector, status]) => document.querySelector(selector)?.getAttribute('data-status') === status,
      [`[data-testid="grid-cell-TGPL-${month}"]`, expected],
    );
    assert.match(await cell.getAttribute('aria-label'), new RegExp(onTime ? 'Đúng hạn' : 'Trễ hạn'));
    assert.equal(await byTestId(page, 'grid-legend').isVisible(), true);
  });
});



/**
 * Signs in, lands on the home page, reads the task's count, follows it, and expects the list
 * behind it to hold exactly that many exemplars. Returns the list page's address.
 */
/**
 * Follows a dashboard figure to the exemplar list behind it. The figure counts as the reports do
 * (drafts left out), and the link filters the list the same way: it lists exactly as many.
 */
async function followFigure(page, countTestId, expectedPath) {
  const link = byTestId(page, countTestId);
  await link.waitFor();
  const count = Number((await link.innerText()).replace(/\D/g, ''));
  assert.ok(count >= 1, `${countTestId} counts what the test prepared (got ${count})`);
  await link.click();
  await expectTitle(page, 'Điển hình tiên tiến');
  const url = new URL(page.url());
  assert.equal(`${url.pathname}${url.search}`, expectedPath);
  const total = page.locator('.ant-pagination-total-text');
  await total.waitFor();
  const listed = Number((await total.innerText()).replace(/\D/g, ''));
  assert.equal(listed, count, 'the list holds what the figure counts');
  return count;
}

async function followCount(page, countTestId, expectedPath) {
  const link = byTestId(page, countTestId);
  await link.waitFor();
  const count = Number((await link.innerText()).replace(/\D/g, ''));
  assert.ok(count >= 1, `${countTestId} counts what the test prepared (got ${count})`);
  await link.click();
  await expectTitle(page, 'Điển hình tiên tiến');
  const url = new URL(page.url());
  assert.equal(`${url.pathname}${url.search}`, expectedPath);
  await page.locator('.ant-pagination-total-text', { hasText: `${count} điển hình` }).waitFor();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid^="exemplar-row-"]').length === n,
    Math.min(count, 20),
  );
  return count;
}

test('every role lands on a home page that says what to do, and each count opens the list behind it', async () => {
  const today = todayInVietnam();
  const staff = await apiAs('tgpl.canbo');
  const head = await apiAs('tgpl.truong');
  const office = await apiAs('vanphong');
  const units = await office('GET', '/units?pageSize=100');
  const tgpl = units.items.find((unit) => unit.code === 'TGPL');
  const record = (label) =>
    staff('POST', '/exemplars', {
      name: `${label} ${runId}`,
      subjectKind: 'individual',
      category: 'advanced',
      fieldOfWork: 'Trợ giúp pháp lý',
      achievements: 'Hoàn thành xuất sắc nhiệm vụ trợ giúp pháp lý trong năm.',
      discoveredOn: isoDay(0),
      unitId: tgpl.id,
    });
  const current = async (api, id) => api('GET', `/exemplars/${id}`);
  const submit = async (id) =>
    head('POST', `/exemplars/${id}/submit`, undefined, (await current(head, id)).version);

  // Returned to the unit: submitted, then sent back by the Office.
  const returned = await record('Hồ sơ trả lại');
  await submit(returned.id);
  await office(
    'POST',
    `/exemplars/${returned.id}/return`,
    { note: 'Bổ sung minh chứng.' },
    (await current(office, returned.id)).version,
  );
  // Waiting for the Office, with a plan whose milestones are due soon and overdue, and a proposal.
  const planned = await record('Hồ sơ có kế hoạch');
  await head('PUT', `/exemplars/${planned.id}/nurturing-plan`, {
    strengths: 'Tận tâm với người dân.',
    shortcomings: 'Chưa chia sẻ kinh nghiệm.',
    measures: 'Tham gia tập huấn.',
    milestones: [
      { title: 'Báo cáo kinh nghiệm', dueOn: isoDay(5), status: 'planned' },
      { title: 'Tập huấn đồng nghiệp', dueOn: isoDay(-5), status: 'planned' },
    ],
  });
  await submit(planned.id);
  await head(
    'POST',
    `/exemplars/${planned.id}/stage-proposal`,
    { toStage: 'nurturing', note: 'Đã có kế hoạch.' },
    (await current(head, planned.id)).version,
  );
  // Confirmed: what the leadership sees.
  const confirmed = await record('Hồ sơ đã xác nhận');
  await submit(confirmed.id);
  const confirmedVersion = (await current(office, confirmed.id)).version;
  await office('POST', `/exemplars/${confirmed.id}/confirm`, {}, confirmedVersion);

  await scenario('home-staff', async (page) => {
    await login(page, 'tgpl.canbo', PASSWORD);
    await byTestId(page, 'home-tasks').waitFor();
    assert.match(await byTestId(page, 'home-task-returned').innerText(), /Hồ sơ bị trả lại/);
    await byTestId(page, 'home-task-drafts').waitFor();
    assert.equal(await byTestId(page, 'home-task-milestones_due_soon').count(), 0);
    assert.match(await byTestId(page, 'home-introduction-due').innerText(), /^\d{2}\/\d{2}\/\d{4}$/);
    await byTestId(page, 'home-own-introduction').waitFor();
    // The unit's own dashboard: no figures by unit, no unit to pick.
    await byTestId(page, 'dashboard-figures').waitFor();
    assert.equal(await byTestId(page, 'dashboard-by-unit').count(), 0, 'no Department picture for unit staff');
    await followCount(page, 'home-task-returned-count', '/diem-hinh?returned=true');
    // The list shows the filter it was opened with.
    const returnedFilter = page
      .locator('input[data-testid="exemplar-filter-returned"], [data-testid="exemplar-filter-returned"] input')
      .first();
    assert.equal(await returnedFilter.isChecked(), true);
    await byTestId(page, `exemplar-row-${returned.id}`).waitFor();
  });

  await scenario('home-head', async (page) => {
    await login(page, 'tgpl.truong', PASSWORD);
    await byTestId(page, 'home-tasks').waitFor();
    await byTestId(page, 'home-task-returned').waitFor();
    await byTestId(page, 'home-task-drafts').waitFor();
    await followCount(page, 'home-task-milestones_due_soon-count', '/diem-hinh?milestones=due_soon');
    assert.match(await byTestId(page, 'exemplar-filter-milestones').innerText(), /sắp đến hạn/);
    await byTestId(page, `exemplar-row-${planned.id}`).waitFor();
  });

  await scenario('home-office', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-tasks').waitFor();
    for (const kind of ['to_confirm', 'proposals_to_decide', 'milestones_overdue', 'introductions_missing']) {
      await byTestId(page, `home-task-${kind}`).waitFor();
    }
    await byTestId(page, 'dashboard-figures').waitFor();
    assert.equal(
      await byTestId(page, 'home-task-introductions_missing-count').getAttribute('href'),
      '/gioi-thieu',
    );
    await followCount(page, 'home-task-milestones_overdue-count', '/diem-hinh?milestones=overdue');
    await byTestId(page, `exemplar-row-${planned.id}`).waitFor();
    await page.goBack();
    await followCount(page, 'home-task-to_confirm-count', '/diem-hinh?recordStatus=submitted');
    assert.match(await byTestId(page, 'exemplar-filter-record').innerText(), /Đã gửi/);
  });

  await scenario('home-leader', async (page) => {
    await login(page, 'lanhdao', PASSWORD);
    await byTestId(page, 'dashboard-figures').waitFor();
    assert.match(await byTestId(page, 'dashboard-title').innerText(), new RegExp(`năm ${today.year}`));
    // The Department's picture, not counts of users and units.
    assert.equal(await page.getByText('Người dùng đang hoạt động').count(), 0);
    assert.equal(await page.getByText('Đơn vị đang hoạt động').count(), 0);
    const figures = ['dashboard-stage-year', 'dashboard-by-unit', 'dashboard-evaluations', 'dashboard-introductions-tally'];
    for (const id of [...figures, 'home-replications']) {
      await byTestId(page, id).waitFor();
    }
    await byTestId(page, 'home-task-proposals_to_decide').waitFor();
    await followFigure(page, 'dashboard-unit-TGPL-count', `/diem-hinh?year=${today.year}&excludeDrafts=true&unitId=${tgpl.id}`);
    await byTestId(page, `exemplar-row-${confirmed.id}`).waitFor();
    await page.goBack();
    await followFigure(page, 'dashboard-stage-year-discovered-count', `/diem-hinh?year=${today.year}&excludeDrafts=true&stage=discovered`);
  });
});

test('the monthly grid is fair to a new unit, explains its statuses, exports, and shows this month on a phone', async () => {
  const today = todayInVietnam();
  const month = (m) => `${today.year}-${String(m).padStart(2, '0')}`;
  const admin = await apiAs('admin');
  const units = await admin('GET', '/units?pageSize=100');
  const department = units.items.find((unit) => unit.kind === 'department');
  const code = `MOI-${runId}`.slice(0, 20);
  await admin('POST', '/units', {
    code,
    shortName: `Phòng mới ${runId}`,
    name: `Phòng Thành lập mới ${runId}`,
    kind: 'internal',
    parentId: department.id,
  });

  await scenario('grid-new-unit', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await byTestId(page, 'nav-gioi-thieu').click();
    await expectTitle(page, 'Giới thiệu hằng tháng');
    await byTestId(page, `grid-row-${code}`).waitFor();
    // Created today: it owes nothing before next month.
    const months = Array.from({ length: today.month }, (_, index) => month(index + 1));
    for (const m of months) {
      const cell = byTestId(page, `grid-cell-${code}-${m}`);
      assert.equal(await cell.getAttribute('data-status'), 'not_applicable', `${m} is not owed`);
      assert.match(await cell.getAttribute('aria-label'), /Chưa áp dụng/);
    }
    assert.equal(await byTestId(page, `grid-missing-${code}`).innerText(), '0');
    // Every status is explained.
    for (const status of ['on_time', 'late', 'missing', 'pending', 'upcoming', 'not_applicable']) {
      await byTestId(page, `grid-legend-${status}`).waitFor();
    }
    assert.match(await byTestId(page, 'grid-legend-not_applicable').innerText(), /Chưa áp dụng/);

    const download = page.waitForEvent('download');
    await byTestId(page, 'grid-export').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.xlsx$/);
    assert.ok((await file.path()) !== null, 'the workbook downloaded');
  });

  await scenario(
    'grid-phone',
    async (page) => {
      await login(page, 'tgpl.truong', PASSWORD);
      await byTestId(page, 'home-introduction').waitFor();
      await page.goto(`${baseUrl}/gioi-thieu`);
      const header = page.locator(`th[data-month="${month(today.month)}"]`);
      await header.waitFor();
      // The grid scrolls itself so that this month is on screen beside the unit column.
      await page.waitForFunction((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box && box.left >= 0 && box.right <= window.innerWidth;
      }, `th[data-month="${month(today.month)}"]`);
    },
    { viewport: { width: 390, height: 844 } },
  );
});


/** An exemplar of the legal aid centre, recorded through the API by the Office. */
async function recordExemplar(api, name) {
  const units = await api('GET', `/units?q=TGPL&pageSize=5`);
  const tgpl = units.body.items.find((unit) => unit.code === 'TGPL');
  assert.ok(tgpl, 'the legal aid centre is among the units');
  const input = {
    subjectKind: 'individual',
    category: 'advanced',
    name,
    unitId: tgpl.id,
    position: 'Trợ giúp viên pháp lý',
    fieldOfWork: 'Trợ giúp pháp lý',
    achievements: 'Thực hiện 98 vụ việc trợ giúp pháp lý cho người dân vùng sâu, không có khiếu nại.',
    discoveredOn: '2026-03-05',
    discoveredBy: 'Văn phòng Sở',
    initiatives: [],
    movementIds: [],
  };
  const created = await api('POST', '/exemplars', input);
  return { input, created };
}

test('the audit log shows an exemplar change in Vietnamese, with the actor by name', async () => {
  const name = `Trần Thị Nhật Ký ${runId}`;
  const api = await apiWithEtagAs('vanphong');
  const { input, created } = await recordExemplar(api, name);
  const id = created.body.id;
  await api(
    'PUT',
    `/exemplars/${id}`,
    { ...input, discoveredBy: 'Phòng Phổ biến, giáo dục pháp luật', discoveredOn: '2026-04-20' },
    { 'If-Match': created.etag },
  );

  await scenario('audit-vietnamese', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await page.goto(`${baseUrl}/nhat-ky?entityType=exemplar&action=update`);
    await expectTitle(page, 'Nhật ký hệ thống');
    const row = page.locator('[data-testid="audit-table"] tr.ant-table-row', { hasText: name }).first();
    await row.waitFor();
    // The actor by full name (the log keeps the username, shown beside it).
    await row.getByText('Trần Thị Lan').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const changes = page.locator('[data-testid^="audit-changes-"]').first();
    await changes.waitFor();
    const text = await changes.innerText();
    assert.match(text, /Người phát hiện/);
    assert.match(text, /Văn phòng Sở/);
    assert.match(text, /Phòng Phổ biến, giáo dục pháp luật/);
    assert.match(text, /Ngày phát hiện/);
    assert.match(text, /05\/03\/2026/);
    assert.match(text, /20\/04\/2026/);
    for (const raw of ['discoveredBy', 'discoveredOn', '2026-04-20']) {
      assert.ok(!text.includes(raw), `no raw "${raw}" in the change`);
    }

    // The record's creation lists its fields by their labels, its values in words.
    await page.goto(`${baseUrl}/nhat-ky?entityType=exemplar&action=create`);
    const createdRow = page.locator('[data-testid="audit-table"] tr.ant-table-row', { hasText: name }).first();
    await createdRow.locator('.ant-table-row-expand-icon').click();
    const fields = byTestId(page, `audit-changes-${await auditEntryId(createdRow)}`);
    await fields.waitFor();
    const createdText = await fields.innerText();
    for (const label of ['Điển hình là', 'Phân loại', 'Giai đoạn', 'Tình trạng hồ sơ', 'Đơn vị', 'Thành tích']) {
      assert.match(createdText, new RegExp(label));
    }
    for (const value of ['Cá nhân', 'Điển hình tiên tiến', 'Phát hiện', 'Bản nháp', TGPL]) {
      assert.ok(createdText.includes(value), `the creation shows "${value}"`);
    }
    for (const raw of ['subjectKind', 'recordStatus', 'individual', 'draft', 'discovered', '{"']) {
      assert.ok(!createdText.includes(raw), `no raw "${raw}" in the creation`);
    }

    // Attachments are among the kinds of record to filter by.
    await page.goto(`${baseUrl}/nhat-ky?entityType=attachment`);
    await byTestId(page, 'audit-filter-entity').getByText('Tệp đính kèm').waitFor();
  });
});

/** The id of the audit entry a row shows (its expanded part is named after it). */
async function auditEntryId(row) {
  return row.getAttribute('data-row-key');
}

test('on a phone the exemplar filters fold behind "Bộ lọc" and the list starts on the first screen', async () => {
  const name = `Lê Văn Điện Thoại ${runId}`;
  await recordExemplar(await apiWithEtagAs('vanphong'), name);
  const viewport = { width: 390, height: 844 };

  await scenario(
    'exemplar-list-phone',
    async (page) => {
      await login(page, 'vanphong', PASSWORD);
      await byTestId(page, 'home-greeting').waitFor();
      await page.goto(`${baseUrl}/diem-hinh`);
      await expectTitle(page, 'Điển hình tiên tiến');
      const firstRow = page.locator('[data-testid^="exemplar-row-"]').first();
      await firstRow.waitFor();
      const box = await firstRow.boundingBox();
      // Near the top: the whole first row on the first screen, starting in its upper part.
      assert.ok(box, 'the first row is laid out');
      assert.ok(box.y + box.height <= viewport.height, `the first row ends at y=${box.y + box.height}`);
      assert.ok(box.y < viewport.height * 0.6, `the first row starts at y=${box.y}`);
      // The search stays in view; the filters wait behind the button.
      assert.equal(await byTestId(page, 'exemplar-search').isVisible(), true);
      assert.equal(await byTestId(page, 'exemplar-filter-category').count(), 0);
      assert.equal(await byTestId(page, 'filters-count').count(), 0, 'no count while no filter is set');
      const noHorizontalScroll = await page.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      );
      assert.ok(noHorizontalScroll, 'the page does not scroll sideways');

      // Filters set in the address bar are counted on the button.
      await page.goto(`${baseUrl}/diem-hinh?category=advanced&stage=discovered`);
      await page.locator('[data-testid^="exemplar-row-"]', { hasText: name }).first().waitFor();
      assert.match(await byTestId(page, 'filters-count').innerText(), /2/);
      await byTestId(page, 'filters-toggle').click();
      const category = byTestId(page, 'exemplar-filter-category');
      await category.waitFor();
      assert.match(await category.innerText(), /Điển hình tiên tiến/);
      await byTestId(page, 'filters-toggle').click();
      await category.waitFor({ state: 'detached' });
    },
    { viewport },
  );
});

test('a unit head opens the help from the header and from an empty list, and finds their tasks and the calendar', async () => {
  const { introductionDueDay } = await (await apiAs('tgpl.truong'))('GET', '/settings');

  await scenario('help-unit-head', async (page) => {
    await login(page, 'tgpl.truong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();

    // The header's help link is named and works from the keyboard.
    const headerHelp = byTestId(page, 'header-help');
    assert.equal(await headerHelp.getAttribute('aria-label'), 'Hướng dẫn sử dụng');
    assert.equal(await headerHelp.getAttribute('href'), '/huong-dan');
    await headerHelp.focus();
    await page.keyboard.press('Enter');
    await expectTitle(page, 'Hướng dẫn sử dụng');
    assert.equal(new URL(page.url()).pathname, '/huong-dan');

    // The unit head's own section comes first, with the due day the programme's settings give.
    const own = byTestId(page, 'help-own-role');
    assert.match(await own.innerText(), /Việc của bạn – Thủ trưởng đơn vị/);
    await own.locator('[data-testid="help-role-unit_head"]').waitFor();
    const introduce = byTestId(page, 'help-task-unit_head-introduce');
    await introduce.getByText(`trước hoặc trong ngày ${introductionDueDay}.`, { exact: false }).waitFor();
    const ownBox = await own.boundingBox();
    const stagesBox = await byTestId(page, 'help-stages').boundingBox();
    assert.ok(ownBox.y < stagesBox.y, 'the own section comes before the common ones');

    // The plan's calendar, the unit's deadlines marked as the reader's.
    const calendar = byTestId(page, 'help-calendar');
    const calendarText = await calendar.innerText();
    for (const when of [
      `Trước hoặc trong ngày ${introductionDueDay} hằng tháng`,
      'Ngày 20/10 hằng năm',
      'Ngày 30/10 hằng năm',
      'Trước ngày 20/05/2028',
      'Trước ngày 30/05/2028',
      'Trước ngày 20/07/2030',
      'Trước ngày 31/07/2030',
    ]) {
      assert.ok(calendarText.includes(when), `the calendar has "${when}"`);
    }
    await byTestId(page, 'help-deadline-mine-introduction').waitFor();
    await byTestId(page, 'help-deadline-mine-unit-report').waitFor();
    assert.equal(await byTestId(page, 'help-deadline-mine-office-report').count(), 0);
    assert.match(await byTestId(page, 'help-deadline-next-introduction').innerText(), /^\d{2}\/\d{2}\/\d{4}$/);

    // A task leads to the page where it is done.
    await byTestId(page, 'help-task-link-unit_head-introduce').click();
    await expectTitle(page, 'Giới thiệu hằng tháng');

    // A list with nothing in it links to the help page's section about that list.
    await byTestId(page, 'nav-diem-hinh').click();
    await expectTitle(page, 'Điển hình tiên tiến');
    await page.locator('[data-testid^="exemplar-row-"]').first().waitFor();
    await byTestId(page, 'exemplar-search').fill(`khong co dien hinh nao ${runId}`);
    const emptyHelp = page.locator('[data-testid="exemplar-table"] [data-testid="help-link"]');
    await emptyHelp.waitFor();
    assert.match(await emptyHelp.innerText(), /Xem hướng dẫn sử dụng/);
    await emptyHelp.click();
    await expectTitle(page, 'Hướng dẫn sử dụng');
    const url = new URL(page.url());
    assert.equal(`${url.pathname}${url.hash}`, '/huong-dan#trang-diem-hinh');
    // Scrolled to that section, below the sticky header, with the keyboard focus there.
    await page.waitForFunction(() => document.activeElement?.id === 'trang-diem-hinh');
    const section = await byTestId(page, 'help-page-trang-diem-hinh').boundingBox();
    const header = await page.locator('.app-header').boundingBox();
    assert.ok(section.y >= header.y + header.height, `the section starts below the header (y=${section.y})`);
    assert.ok(section.y < 900 / 2, `the section is near the top of the screen (y=${section.y})`);
  });
});

test('the bundled Swagger UI works under the Content-Security-Policy', async () => {
  await scenario('api-docs', async (page) => {
    const response = await page.goto(`${baseUrl}/api/docs/`);
    assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    // Every operation of the contract is listed; one opens with its parameters.
    await page.locator('.opblock').first().waitFor();
    assert.ok((await page.locator('.opblock').count()) > 50, 'the operations are listed');
    await page.locator('.opblock-summary', { hasText: '/api/v1/units/tree' }).first().click();
    await page.locator('.opblock-body').first().waitFor();
    await page.getByRole('button', { name: /Authorize/ }).click();
    await page.locator('.modal-ux').waitFor();
  });
});
