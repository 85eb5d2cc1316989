import assert from 'node:assert/strict';
import { test } from 'node:test';

import { downloadDecision } from '../commendation-setup.mjs';
import {
  PASSWORD,
  answerDialog,
  apiAs,
  baseUrl,
  byTestId,
  choose,
  expectTitle,
  login,
  pickDate,
  runId,
  scenario,
  todayInVietnam,
} from '../harness.mjs';

const GIAY_KHEN = 'Giấy khen của Giám đốc Sở Tư pháp';
// A file the server recognises as PDF by its content.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const dmy = ({ year, month, day }) =>
  `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

/** Opens the publication drawer of a decided nominee on its proposal's page, as the Office. */
async function openNomineePublication(page, proposal, nominee) {
  await login(page, 'vanphong', PASSWORD);
  await byTestId(page, 'home-greeting').waitFor();
  await page.goto(`${baseUrl}/khen-thuong/${proposal.id}`);
  await expectTitle(page, proposal.title);
  await byTestId(page, `nominee-publication-${nominee.id}`).click();
  await byTestId(page, 'commendation-publication').waitFor();
}

async function signOut(page) {
  await byTestId(page, 'logout-button').click();
  await byTestId(page, 'login-card').waitFor();
}

test('a unit head proposes an exemplar for a Giấy khen, the Office finds it eligible, the leader decides and the quyết định downloads', async () => {
  // An exemplar of the unit head's unit, picked in the form by name.
  const unitHead = await apiAs('tgpl.truong');
  const exemplars = await unitHead('GET', '/exemplars?pageSize=50');
  const exemplar = exemplars.items.find((item) => item.subjectKind === 'individual') ?? exemplars.items[0];
  assert.ok(exemplar, 'the demo unit has an exemplar');
  const title = `Đề nghị tặng Giấy khen đột xuất ${runId}`;

  await scenario('commendation-proposal', async (page) => {
    await login(page, 'tgpl.truong', PASSWORD);
    await byTestId(page, 'nav-khen-thuong').click();
    await expectTitle(page, 'Khen thưởng');
    await byTestId(page, 'proposal-queue-returned').waitFor();

    await byTestId(page, 'proposal-create').click();
    await expectTitle(page, 'Lập hồ sơ đề nghị khen thưởng');
    await choose(page, 'proposal-form-award', GIAY_KHEN, 'Giấy khen');
    await choose(page, 'proposal-form-type', 'Đột xuất');
    await byTestId(page, 'proposal-form-title').fill(title);
    await byTestId(page, 'proposal-form-summary').fill(
      'Kịp thời trợ giúp pháp lý cho người dân vùng lũ, được nhân dân ghi nhận.',
    );
    await choose(page, 'proposal-nominee-0-exemplar', exemplar.name, exemplar.name.split(' ').slice(-1)[0]);
    await byTestId(page, 'proposal-nominee-0-achievement').fill(
      'Hoàn thành xuất sắc vụ việc trợ giúp pháp lý đột xuất.',
    );
    await byTestId(page, 'proposal-form-submit').click();
    await page.waitForFunction((t) => document.title === `${t} – Lan Tỏa`, title);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    assert.ok(Number.isInteger(id) && id > 0, 'the new proposal opens');

    // Without a tờ trình the proposal cannot be sent: the server says why, the button is disabled.
    assert.ok(await byTestId(page, 'proposal-action-submit').isDisabled());
    await byTestId(page, 'proposal-blocked-reason').waitFor();

    await page.locator('[data-testid="proposal-attachments"] input[type="file"]').setInputFiles({
      name: 'to-trinh.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await byTestId(page, 'attachment-kind-tag').getByText('Tờ trình').waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="proposal-action-submit"]')?.hasAttribute('disabled'),
    );
    await byTestId(page, 'proposal-action-submit').click();
    await answerDialog(page, 'step-submit');
    await page.getByText('Đã gửi hồ sơ cho Văn phòng Sở.').waitFor();
    await byTestId(page, 'proposal-state').getByText('Đã gửi').waitFor();
    await signOut(page);

    // The Office finds it in its inbox, receives it and finds the nominee eligible.
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'nav-khen-thuong').click();
    await byTestId(page, 'proposal-queue-submitted').click();
    await byTestId(page, `proposal-link-${id}`).click();
    await byTestId(page, 'proposal-action-receive').click();
    await answerDialog(page, 'step-submit');
    await page.getByText('Đã tiếp nhận hồ sơ.').waitFor();
    await byTestId(page, 'proposal-action-review').click();
    await byTestId(page, 'step-submit').waitFor();
    await page.locator('.ant-modal').getByRole('radio', { name: 'Đủ điều kiện', exact: true }).check();
    await answerDialog(page, 'step-submit');
    await page.getByText('Đã ghi kết quả thẩm định.').waitFor();
    await byTestId(page, 'nominee-review').getByText('Đủ điều kiện').waitFor();
    // Đột xuất: neither a notice nor a vote, straight to the leader.
    await byTestId(page, 'proposal-action-send_to_decision').click();
    await answerDialog(page, 'step-submit');
    await byTestId(page, 'proposal-state').getByText('Chờ quyết định').waitFor();
    await signOut(page);

    // The leader decides with a number from the register, and downloads the quyết định.
    await login(page, 'lanhdao', PASSWORD);
    await byTestId(page, 'nav-khen-thuong').click();
    await byTestId(page, 'proposal-queue-pending_decision').click();
    await byTestId(page, `proposal-link-${id}`).click();
    await byTestId(page, 'proposal-action-approve').click();
    await byTestId(page, 'decision-signer-name').fill('Nguyễn Tấn Phong');
    await answerDialog(page, 'step-submit');
    const number = byTestId(page, 'proposal-decision-number');
    await number.waitFor();
    assert.match(await number.innerText(), /Số \d+\/QĐ-/);
    await byTestId(page, 'proposal-state').getByText('Đã quyết định khen thưởng').waitFor();
    await byTestId(page, 'proposal-timeline-approve').waitFor();

    await downloadDecision(page, id);
  });

  // The decided proposal as the API has it: the nominee awarded, the number issued.
  const office = await apiAs('vanphong');
  const list = await office('GET', `/commendation-proposals?q=${encodeURIComponent(runId)}`);
  const decided = await office('GET', `/commendation-proposals/${list.items[0].id}`);
  assert.equal(decided.state, 'approved');
  assert.equal(decided.nominees[0].outcome, 'approved');
  assert.ok(decided.decision.number.length > 0);

  // The Office publishes the decided commendation on the public portal (with the consent of an
  // individual, recorded in the same step).
  const nominee = decided.nominees[0];
  const publicText = `Khen thưởng công bố trong kiểm thử ${runId}: kịp thời trợ giúp pháp lý cho người dân vùng lũ.`;
  const publicPath = `/cong-khai/khen-thuong/${nominee.id}`;
  await scenario('commendation-publish', async (page) => {
    await openNomineePublication(page, decided, nominee);
    assert.equal(await byTestId(page, 'commendation-publication-status').innerText(), 'Chưa công bố');
    await byTestId(page, 'commendation-publication-summary').fill(publicText);
    if (nominee.subjectKind === 'individual') {
      await pickDate(page, 'consent-given-on', dmy(todayInVietnam()));
      await choose(page, 'consent-method', 'Bằng văn bản');
      await byTestId(page, 'consent-note').fill('Bản đồng ý lưu tại Văn phòng Sở');
    }
    await byTestId(page, 'commendation-publish').click();
    await page.getByText('Đã công bố khen thưởng trên cổng thông tin công khai.').waitFor();
    await page
      .locator('[data-testid="commendation-publication-status"]', { hasText: 'Đang công bố' })
      .waitFor();
    assert.equal(await byTestId(page, 'commendation-public-link').getAttribute('href'), publicPath);
  });

  // Signed out: the list of decided commendations finds it by name, its page shows the decision.
  await scenario('commendation-portal', async (page) => {
    await page.goto(`${baseUrl}/cong-khai`);
    await byTestId(page, 'portal-nav-commendations').click();
    await byTestId(page, 'portal-commendation-list').waitFor();
    await expectTitle(page, 'Khen thưởng đã quyết định');
    await byTestId(page, 'portal-commendation-search').fill(nominee.fullName);
    await byTestId(page, 'portal-commendation-search-submit').click();
    const item = byTestId(page, 'portal-commendation-item')
      .filter({ hasText: nominee.fullName })
      .filter({ hasText: runId });
    await item.waitFor();
    assert.match(await item.innerText(), /Quyết định số .+ ngày \d{2}\/\d{2}\/\d{4}/);
    await item.getByRole('link', { name: nominee.fullName }).click();
    await byTestId(page, 'portal-commendation-detail').waitFor();
    assert.equal(new URL(page.url()).pathname, publicPath);
    assert.equal(await byTestId(page, 'portal-commendation-name').innerText(), nominee.fullName);
    const decision = await byTestId(page, 'portal-commendation-decision').innerText();
    assert.ok(decision.includes(decided.decision.number), `the decision number in ${decision}`);
    assert.match(decision, /^Quyết định số .+ ngày \d{2}\/\d{2}\/\d{4}$/);
    assert.equal(await byTestId(page, 'portal-commendation-summary').innerText(), publicText);
    const antd = await page.evaluate(
      () => document.querySelectorAll('[class^="ant-"], [class*=" ant-"]').length,
    );
    assert.equal(antd, 0, 'the portal renders without the UI library');

    const feed = await page.request.get(`${baseUrl}/api/v1/public/feed.atom`);
    assert.equal(feed.status(), 200);
    const entry = (await feed.text()).split('<entry').find((part) => part.includes(publicPath));
    assert.ok(entry, 'the Atom feed carries the commendation');
    assert.ok(entry.includes(nominee.fullName), 'its entry names the nominee');
    assert.ok(entry.includes('term="commendation"'), 'its entry is a commendation');
  });

  // The Office takes it down with a reason: the public page is gone.
  await scenario('commendation-unpublish', async (page) => {
    await openNomineePublication(page, decided, nominee);
    await byTestId(page, 'commendation-unpublish').click();
    await byTestId(page, 'unpublish-reason').fill('Cá nhân rút lại sự đồng ý');
    await answerDialog(page, 'unpublish-confirm');
    await page.getByText('Đã gỡ công bố: trang công khai không còn hiển thị khen thưởng này.').waitFor();
    await page
      .locator('[data-testid="commendation-publication-status"]', { hasText: 'Đã gỡ công bố' })
      .waitFor();
    await byTestId(page, 'commendation-unpublished').getByText('Cá nhân rút lại sự đồng ý').waitFor();
  });

  await scenario('commendation-gone', async (page) => {
    await page.goto(`${baseUrl}${publicPath}`);
    await byTestId(page, 'portal-not-found').waitFor();
    const atom = await (await page.request.get(`${baseUrl}/api/v1/public/feed.atom`)).text();
    assert.ok(!atom.includes(`${publicPath}<`) && !atom.includes(`${publicPath}"`), 'the feed dropped it');
  });
});

test('the Office sees the award catalogue with its rules, the base salary and the occasions', async () => {
  await scenario('commendation-catalogue', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'nav-danh-muc-khen-thuong').click();
    await expectTitle(page, 'Danh mục khen thưởng');
    const row = byTestId(page, 'award-form-row-GK-GDS');
    await row.waitFor();
    assert.match(await row.innerText(), /Giám đốc Sở Tư pháp/);
    await page.getByRole('tab', { name: 'Lương cơ sở' }).click();
    await byTestId(page, 'salary-table').locator('tbody tr').first().waitFor();
    await page.getByRole('tab', { name: 'Dịp khen thưởng' }).click();
    await byTestId(page, 'occasion-table').locator('tbody tr').first().waitFor();
  });
});

/** Creates and submits an đột xuất Giấy khen proposal of the unit head's unit through the API. */
async function submittedProposal(title) {
  const unitHead = await apiAs('tgpl.truong');
  const forms = await unitHead('GET', '/award-forms?status=published');
  const giayKhen = forms.find((form) => form.code === 'GK-GDS');
  const me = await unitHead('GET', '/auth/me');
  const created = await unitHead('POST', '/commendation-proposals', {
    unitId: me.user.unit.id,
    awardFormId: giayKhen.id,
    commendationType: 'ad_hoc',
    year: new Date().getFullYear(),
    title,
    summary: 'Kịp thời hòa giải thành một vụ tranh chấp đất đai kéo dài.',
    nominees: [
      {
        subjectKind: 'individual',
        fullName: 'Phạm Thị Hòa',
        jobTitle: 'Hòa giải viên',
        workplace: 'Tổ hòa giải ấp Tân Hòa',
        achievement: 'Hòa giải thành vụ tranh chấp kéo dài nhiều năm.',
      },
    ],
  });
  const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tgpl.truong', password: PASSWORD }),
  });
  const { accessToken } = await signIn.json();
  const form = new FormData();
  form.append('kind', 'to_trinh');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'to-trinh.pdf');
  const upload = await fetch(`${baseUrl}/api/v1/commendation-proposals/${created.id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    body: form,
  });
  assert.equal(upload.status, 201, await upload.text());
  const fresh = await unitHead('GET', `/commendation-proposals/${created.id}`);
  await unitHead('POST', `/commendation-proposals/${created.id}/submit`, { note: null }, fresh.version);
  return created.id;
}

test('the Office returns a proposal with a reason; the unit head finds it among the returned ones, with the reason', async () => {
  const title = `Đề nghị trả lại ${runId}`;
  const id = await submittedProposal(title);
  await scenario('commendation-return', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await page.goto(`${baseUrl}/khen-thuong/${id}`);
    await expectTitle(page, title);
    await byTestId(page, 'proposal-actions-more').click();
    await byTestId(page, 'proposal-action-return').click();
    // A return must say why.
    await answerDialog(page, 'step-submit');
    await page.locator('.ant-modal').getByText('Ghi rõ lý do.').waitFor();
    await byTestId(page, 'step-note').fill('Thiếu biên bản họp xét của đơn vị.');
    await byTestId(page, 'step-submit').click();
    await page.getByText('Đã trả lại hồ sơ cho đơn vị.').waitFor();
    await byTestId(page, 'proposal-state').getByText('Bị trả lại').waitFor();
    await byTestId(page, 'logout-button').click();
    await byTestId(page, 'login-card').waitFor();

    await login(page, 'tgpl.truong', PASSWORD);
    await byTestId(page, 'nav-khen-thuong').click();
    await byTestId(page, 'proposal-queue-returned').click();
    await byTestId(page, `proposal-link-${id}`).click();
    assert.match(await byTestId(page, 'proposal-return-reason').innerText(), /Thiếu biên bản họp xét/);
    await byTestId(page, 'proposal-action-edit').waitFor();
    await byTestId(page, 'proposal-action-submit').waitFor();
  });
});
