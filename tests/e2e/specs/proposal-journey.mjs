// One Giấy khen from the unit to the public portal, the whole way through the browser: the Office
// makes the award's next version require a public notice, a unit head proposes an exemplar, the
// Office finds it eligible and opens the notice, a visitor comments and the Office approves the
// comment; the server is then restarted with its clock past the notice's end (as a rehearsal copy
// would be), the Office closes the notice and schedules the council, the members vote by secret
// ballot, the Office closes the ballot, the leader decides and downloads the quyết định, the Office
// publishes the commendation and the portal and its feed show it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { caller, councilOfTheYear, downloadDecision, ifMatch, othersVote, PDF } from '../commendation-setup.mjs';
import {
  answerDialog,
  baseUrl,
  byTestId,
  choose,
  expectTitle,
  login,
  PASSWORD,
  pickDate,
  restartServer,
  runId,
  scenario,
  todayInVietnam,
} from '../harness.mjs';

const GIAY_KHEN = 'Giấy khen của Giám đốc Sở Tư pháp';
const DAY_MS = 24 * 60 * 60 * 1000;

const dmy = ({ year, month, day }) =>
  `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

async function signOut(page) {
  await byTestId(page, 'logout-button').click();
  await byTestId(page, 'login-card').waitFor();
}

async function openProposal(page, username, id, title) {
  await login(page, username, PASSWORD);
  await byTestId(page, 'home-greeting').waitFor();
  await page.goto(`${baseUrl}/khen-thuong/${id}`);
  await expectTitle(page, title);
}

async function publishedGiayKhen(office) {
  const { body: forms } = await office.json('GET', '/award-forms?status=published');
  const form = forms.find((item) => item.code === 'GK-GDS');
  assert.ok(form, 'the catalogue has a published Giấy khen');
  return form;
}

/** The fields of an award form that its next version takes (all but its identity and dates), with `changes`. */
function formInput(form, changes) {
  // eslint-disable-next-line no-unused-vars
  const { id, versionNo, status, publishedAt, version, createdAt, updatedAt, ...input } = form;
  return { ...input, ...changes };
}

/** Puts the Giấy khen back as the demo has it (no notice), in a version of its own. */
async function restoreGiayKhen() {
  const office = await caller('vanphong');
  const current = await publishedGiayKhen(office);
  if (!current.requiresNotice) return;
  let { body: draft } = await office.json(
    'POST',
    `/award-forms/${current.id}/new-version`,
    undefined,
    ifMatch(current.version),
  );
  ({ body: draft } = await office.json(
    'PUT',
    `/award-forms/${draft.id}`,
    formInput(current, { requiresNotice: false, noticeWorkingDays: null }),
    ifMatch(draft.version),
  ));
  await office.json('POST', `/award-forms/${draft.id}/publish`, undefined, ifMatch(draft.version));
}

test('a Giấy khen from the unit through public notice, secret ballot and decision to the portal and its feed', async () => {
  let office = await caller('vanphong');
  const giayKhen = await publishedGiayKhen(office);
  const { body: exemplars } = await (await caller('tgpl.truong')).json('GET', '/exemplars?pageSize=50');
  const exemplar = exemplars.items.find((item) => item.subjectKind === 'individual');
  assert.ok(exemplar, 'the demo unit has an individual exemplar');
  const title = `Đề nghị tặng Giấy khen cho gương điển hình ${runId}`;
  let proposalId;

  try {
    // The Office: the Giấy khen's next version is announced for 5 working days before the vote.
    await scenario('journey-catalogue', async (page) => {
      await login(page, 'vanphong', PASSWORD);
      await byTestId(page, 'nav-danh-muc-khen-thuong').click();
      await expectTitle(page, 'Danh mục khen thưởng');
      await byTestId(page, `award-form-new-version-${giayKhen.id}`).click();
      await answerDialog(page, 'confirm-ok');
      await page.getByText('Đã tạo bản dự thảo phiên bản mới.').waitFor();
      const { body: drafts } = await office.json('GET', '/award-forms?status=draft');
      const draft = drafts.find((item) => item.code === 'GK-GDS');
      assert.ok(draft, 'a draft of the Giấy khen');
      await byTestId(page, `award-form-edit-${draft.id}`).click();
      await byTestId(page, 'award-form-save').waitFor();
      await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
      await byTestId(page, 'award-form-requires-notice').click();
      await byTestId(page, 'award-form-notice-days').fill('5');
      await byTestId(page, 'award-form-save').click();
      await page.getByText('Đã lưu hình thức khen thưởng.').waitFor();
      await byTestId(page, `award-form-publish-${draft.id}`).click();
      await answerDialog(page, 'confirm-ok');
      await page.getByText('Đã áp dụng phiên bản.').waitFor();
    });
    const noticed = await publishedGiayKhen(office);
    assert.equal(noticed.requiresNotice, true);
    assert.equal(noticed.noticeWorkingDays, 5);

    // The unit head proposes the exemplar, with the tờ trình and the báo cáo thành tích.
    await scenario('journey-proposal', async (page) => {
      await login(page, 'tgpl.truong', PASSWORD);
      await byTestId(page, 'nav-khen-thuong').click();
      await expectTitle(page, 'Khen thưởng');
      await byTestId(page, 'proposal-create').click();
      await expectTitle(page, 'Lập hồ sơ đề nghị khen thưởng');
      await choose(page, 'proposal-form-award', GIAY_KHEN, 'Giấy khen');
      await choose(page, 'proposal-form-type', 'Đặc biệt');
      await byTestId(page, 'proposal-form-title').fill(title);
      await choose(page, 'proposal-nominee-0-exemplar', exemplar.name, exemplar.name.split(' ').slice(-1)[0]);
      await byTestId(page, 'proposal-nominee-0-achievement').fill(
        'Năm năm liền hoàn thành xuất sắc nhiệm vụ, được người dân và đồng nghiệp ghi nhận.',
      );
      await byTestId(page, 'proposal-form-submit').click();
      await page.waitForFunction((t) => document.title === `${t} – Lan Tỏa`, title);
      proposalId = Number(new URL(page.url()).pathname.split('/').pop());
      assert.ok(Number.isInteger(proposalId) && proposalId > 0, 'the new proposal opens');

      const files = page.locator('[data-testid="proposal-attachments"] input[type="file"]');
      await files.setInputFiles({ name: 'to-trinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
      await byTestId(page, 'attachment-kind-tag').getByText('Tờ trình').waitFor();
      await choose(page, 'attachment-kind', 'Báo cáo thành tích');
      await files.setInputFiles({
        name: 'bao-cao-thanh-tich.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF),
      });
      await byTestId(page, 'attachment-kind-tag').getByText('Báo cáo thành tích').waitFor();
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="proposal-action-submit"]')?.hasAttribute('disabled'),
      );
      await byTestId(page, 'proposal-action-submit').click();
      await answerDialog(page, 'step-submit');
      await page.getByText('Đã gửi hồ sơ cho Văn phòng Sở.').waitFor();
    });

    // The Office receives it, finds the nominee eligible and opens the public notice.
    await scenario('journey-notice', async (page) => {
      await openProposal(page, 'vanphong', proposalId, title);
      await byTestId(page, 'proposal-action-receive').click();
      await answerDialog(page, 'step-submit');
      await page.getByText('Đã tiếp nhận hồ sơ.').waitFor();
      await byTestId(page, 'proposal-action-review').click();
      await byTestId(page, 'step-submit').waitFor();
      await page.locator('.ant-modal').getByRole('radio', { name: 'Đủ điều kiện', exact: true }).check();
      await answerDialog(page, 'step-submit');
      await page.getByText('Đã ghi kết quả thẩm định.').waitFor();
      // The vote waits for the notice: the Office cannot send it to the council yet.
      assert.equal(await byTestId(page, 'proposal-action-send_to_council').count(), 0);
      await byTestId(page, 'proposal-action-start_notice').click();
      await answerDialog(page, 'step-submit');
      await page.getByText('Đã bắt đầu công khai lấy ý kiến.').waitFor();
      await byTestId(page, 'proposal-state').getByText('Đang công khai lấy ý kiến').waitFor();
    });

    // A visitor, signed out, comments on the notice; the Office approves the comment.
    const comment = `Anh là người tận tụy, luôn giúp đỡ người dân (kiểm thử ${runId}).`;
    await scenario('journey-comment', async (page) => {
      await page.goto(`${baseUrl}/cong-khai`);
      await byTestId(page, 'portal-nav-notices').click();
      await byTestId(page, `portal-notice-${proposalId}`).getByRole('link').click();
      await byTestId(page, 'portal-notice').getByText(exemplar.name).first().waitFor();
      await byTestId(page, 'comment-author').fill('Trần Thị Bình');
      await byTestId(page, 'comment-contact').fill('0918123456');
      await byTestId(page, 'comment-body').fill(comment);
      await byTestId(page, 'comment-submit').click();
      await byTestId(page, 'comment-sent').waitFor();
    });
    // A second comment arrives on the notice's last day and is not moderated before it closes.
    const late = `Tôi cũng đồng ý đề nghị khen thưởng (kiểm thử ${runId}).`;
    const sent = await fetch(`${baseUrl}/api/v1/public/commendation-notices/${proposalId}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ authorName: 'Lê Văn Cường', body: late }),
    });
    const receipt = await sent.text();
    assert.equal(sent.status, 202, receipt);
    const lateId = JSON.parse(receipt).id;
    const { body: pending } = await office.json(
      'GET',
      `/commendation-proposals/${proposalId}/comments?status=pending`,
    );
    const commentId = pending.find((item) => item.body === comment)?.id;
    assert.ok(commentId, 'the comment waits for moderation');
    await scenario('journey-moderation', async (page) => {
      await login(page, 'vanphong', PASSWORD);
      await byTestId(page, 'nav-kiem-duyet-cong-khai').click();
      await expectTitle(page, 'Kiểm duyệt công khai');
      const row = byTestId(page, `notice-${proposalId}`).locator('tr.ant-table-row', { hasText: comment });
      await row.waitFor();
      await byTestId(page, `comment-approve-${commentId}`).click();
      await byTestId(page, 'moderate-ok').click();
      await row.waitFor({ state: 'detached' });
      await page.goto(`${baseUrl}/cong-khai/lay-y-kien/${proposalId}`);
      await byTestId(page, 'portal-comments').getByText(comment).waitFor();
    });

    // The notice runs its course: the server comes back with its clock past the notice's end.
    const { body: inNotice } = await office.json('GET', `/commendation-proposals/${proposalId}`);
    assert.equal(inNotice.state, 'in_notice');
    assert.equal(inNotice.notice.commentsApproved, 1);
    const daysAhead = Math.ceil((Date.parse(inNotice.notice.endsAt) - Date.now()) / DAY_MS);
    assert.ok(daysAhead >= 5, `a notice of 5 working days ends ${daysAhead} days from now`);
    await restartServer({ clockOffsetDays: daysAhead });
    // Tokens issued before have expired by the server's new time.
    office = await caller('vanphong');

    // The Office closes the notice and schedules the council meeting with the proposal.
    const council = await councilOfTheYear(office, await caller('admin'));
    let meetingId;
    await scenario('journey-council-meeting', async (page) => {
      await openProposal(page, 'vanphong', proposalId, title);
      await byTestId(page, 'proposal-action-close_notice').click();
      // The dialog says a comment still waits for moderation.
      await byTestId(page, 'close-notice-pending-comments').getByText('Còn 1 ý kiến').waitFor();
      await answerDialog(page, 'step-submit');
      await page.getByText('Đã kết thúc công khai.').waitFor();
      await byTestId(page, 'proposal-state').getByText('Chờ Hội đồng xét').waitFor();

      // The comment left pending is still in the Office's queue, marked as past the notice.
      await byTestId(page, 'nav-kiem-duyet-cong-khai').click();
      const row = byTestId(page, `comment-queue-row-${lateId}`);
      await row.getByText(late).waitFor();
      await byTestId(page, `comment-queue-ended-${lateId}`).waitFor();
      await byTestId(page, `comment-queue-approve-${lateId}`).click();
      await byTestId(page, 'moderate-ok').click();
      await row.waitFor({ state: 'detached' });

      await byTestId(page, 'nav-hoi-dong').click();
      await expectTitle(page, 'Hội đồng Thi đua – Khen thưởng');
      await byTestId(page, 'meeting-create').click();
      await byTestId(page, 'meeting-form-ok').waitFor();
      await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
      await byTestId(page, 'meeting-form-subject').fill(`Họp xét Giấy khen ${runId}`);
      await choose(page, 'meeting-form-proposals', title);
      // Closes the list (Escape would close the dialog).
      await page.locator('.ant-modal-title', { hasText: 'Lên lịch họp Hội đồng' }).click();
      await byTestId(page, 'meeting-form-ok').click();
      await byTestId(page, 'meeting-quorum').waitFor();
      meetingId = Number(new URL(page.url()).pathname.split('/').pop());
      // Everyone present, as the attendance editor proposes.
      await byTestId(page, 'attendance-save').click();
      await page.locator('[data-testid="meeting-quorum"][data-met="true"]').waitFor();
      await byTestId(page, 'meeting-open-ballots').click();
      await answerDialog(page, 'confirm-ok');
      await byTestId(page, 'meeting-ballots').getByText(exemplar.name).first().waitFor();
    });

    const { body: meeting } = await office.json('GET', `/council-meetings/${meetingId}`);
    const ballot = meeting.ballots.find((item) => item.proposalId === proposalId);
    assert.ok(ballot, 'a ballot for the nominee');
    const present = meeting.attendance.filter((entry) => entry.present).length;
    const others = await othersVote(council, ballot.id, ['lanhdao']);

    // The leader votes by secret ballot; the Office closes the ballot and reads the result.
    await scenario('journey-ballot', async (page) => {
      await login(page, 'lanhdao', PASSWORD);
      await byTestId(page, 'nav-bo-phieu').click();
      await expectTitle(page, 'Phiếu biểu quyết');
      await byTestId(page, `ballot-vote-${ballot.id}-approve`).click();
      await answerDialog(page, 'confirm-ok');
      await byTestId(page, `ballot-voted-${ballot.id}`).waitFor();
      assert.equal(await byTestId(page, `ballot-tally-${ballot.id}`).count(), 0, 'no tally before closing');
      await signOut(page);

      await login(page, 'vanphong', PASSWORD);
      await byTestId(page, 'home-greeting').waitFor();
      await page.goto(`${baseUrl}/hoi-dong/phien-hop/${meetingId}`);
      await byTestId(page, 'meeting-close-ballots').click();
      await byTestId(page, 'close-ballots-conclusions').fill(
        'Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen.',
      );
      await byTestId(page, 'close-ballots-ok').click();
      const result = byTestId(page, `ballot-result-${ballot.id}`);
      await result.waitFor();
      assert.equal(await result.getAttribute('data-result'), 'passed');
      assert.ok((await result.innerText()).includes(`${others.approve + 1}/${present} đồng ý`));
    });

    // The leader approves with a number from the register and downloads the quyết định.
    let decisionNumber;
    await scenario('journey-decision', async (page) => {
      await openProposal(page, 'lanhdao', proposalId, title);
      await byTestId(page, 'proposal-state').getByText('Chờ quyết định').waitFor();
      await byTestId(page, 'proposal-action-approve').click();
      await byTestId(page, 'decision-signer-name').fill('Nguyễn Tấn Phong');
      await answerDialog(page, 'step-submit');
      const number = byTestId(page, 'proposal-decision-number');
      await number.waitFor();
      decisionNumber = (await number.innerText()).replace(/^Số\s*/, '');
      assert.match(decisionNumber, /^\d+\/QĐ-/);
      await byTestId(page, 'proposal-timeline-close_notice').waitFor();

      await downloadDecision(page, proposalId);
    });

    // The Office publishes the commendation with the individual's consent.
    const { body: decided } = await office.json('GET', `/commendation-proposals/${proposalId}`);
    assert.equal(decided.state, 'approved');
    const nominee = decided.nominees[0];
    const publicPath = `/cong-khai/khen-thuong/${nominee.id}`;
    await scenario('journey-publish', async (page) => {
      await openProposal(page, 'vanphong', proposalId, title);
      await byTestId(page, `nominee-publication-${nominee.id}`).click();
      await byTestId(page, 'commendation-publication').waitFor();
      await byTestId(page, 'commendation-publication-summary').fill(
        `Được tặng Giấy khen của Giám đốc Sở Tư pháp sau khi công khai lấy ý kiến (kiểm thử ${runId}).`,
      );
      await pickDate(page, 'consent-given-on', dmy(todayInVietnam()));
      await choose(page, 'consent-method', 'Bằng văn bản');
      await byTestId(page, 'commendation-publish').click();
      await page.getByText('Đã công bố khen thưởng trên cổng thông tin công khai.').waitFor();
    });

    // Signed out: the portal lists it with the decision, and the feed carries it.
    await scenario('journey-portal', async (page) => {
      await page.goto(`${baseUrl}/cong-khai/khen-thuong`);
      await byTestId(page, 'portal-commendation-list').waitFor();
      const item = byTestId(page, 'portal-commendation-item').filter({ hasText: runId });
      await item.getByRole('link', { name: nominee.fullName }).click();
      await byTestId(page, 'portal-commendation-detail').waitFor();
      assert.equal(new URL(page.url()).pathname, publicPath);
      const decision = await byTestId(page, 'portal-commendation-decision').innerText();
      assert.ok(decision.includes(decisionNumber), `the decision number in ${decision}`);
      const feed = await page.request.get(`${baseUrl}/api/v1/public/feed.atom`);
      assert.equal(feed.status(), 200);
      const entry = (await feed.text()).split('<entry').find((part) => part.includes(publicPath));
      assert.ok(entry, 'the Atom feed carries the commendation');
    });
  } finally {
    await restartServer({ clockOffsetDays: 0 });
    await restoreGiayKhen();
  }
});
