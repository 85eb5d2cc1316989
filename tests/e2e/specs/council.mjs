// The council: a member votes by secret ballot, the Office closes the ballots and reads the
// tallies and the result with the form's threshold; the Office moderates a public comment on a
// proposal in public notice. Proposals reach those stages through the API.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caller, councilOfTheYear, ifMatch, othersVote, PDF, userByName } from '../commendation-setup.mjs';
import {
  answerDialog,
  baseUrl,
  byTestId,
  expectTitle,
  login,
  PASSWORD,
  runId,
  scenario,
  todayInVietnam,
} from '../harness.mjs';

/** A proposal of TGPL for `formCode`, submitted, received and found eligible by the Office. */
async function reviewedProposal(office, unitHead, formCode, nomineeName) {
  const { body: forms } = await office.json('GET', '/award-forms?status=published');
  const form = forms.find((item) => item.code === formCode);
  assert.ok(form, `award form ${formCode}`);
  const head = await userByName(office, 'tgpl.truong');
  const { body: created } = await unitHead.json('POST', '/commendation-proposals', {
    unitId: head.unit.id,
    awardFormId: form.id,
    commendationType: 'special',
    year: todayInVietnam().year,
    title: `Đề nghị tặng ${form.name} ${runId}`,
    nominees: [
      {
        subjectKind: 'individual',
        fullName: nomineeName,
        jobTitle: 'Trợ giúp viên pháp lý',
        unitId: head.unit.id,
        achievement: 'Thực hiện 150 vụ việc trợ giúp pháp lý, không có khiếu nại, được người dân ghi nhận.',
      },
    ],
  });
  const pdf = () => new Blob([PDF], { type: 'application/pdf' });
  await unitHead.upload(`/commendation-proposals/${created.id}/attachments`, {
    kind: 'to_trinh',
    file: pdf(),
  });
  await unitHead.upload(`/commendation-proposals/${created.id}/attachments`, {
    kind: 'bao_cao_thanh_tich',
    file: pdf(),
  });
  let { body: proposal } = await unitHead.json('GET', `/commendation-proposals/${created.id}`);
  ({ body: proposal } = await unitHead.json(
    'POST',
    `/commendation-proposals/${proposal.id}/submit`,
    {},
    ifMatch(proposal.version),
  ));
  ({ body: proposal } = await office.json(
    'POST',
    `/commendation-proposals/${proposal.id}/receive`,
    {},
    ifMatch(proposal.version),
  ));
  ({ body: proposal } = await office.json(
    'POST',
    `/commendation-proposals/${proposal.id}/review`,
    {
      nominees: proposal.nominees.map((nominee) => ({
        nomineeId: nominee.id,
        eligible: true,
      })),
    },
    ifMatch(proposal.version),
  ));
  return proposal;
}

test('a member votes by secret ballot, the Office closes it and reads the tallies', async () => {
  const office = await caller('vanphong');
  const unitHead = await caller('tgpl.truong');
  const admin = await caller('admin');
  const nominee = `Phạm Văn Biểu Quyết ${runId}`;
  let proposal = await reviewedProposal(office, unitHead, 'GK-GDS', nominee);
  ({ body: proposal } = await office.json(
    'POST',
    `/commendation-proposals/${proposal.id}/send-to-council`,
    {},
    ifMatch(proposal.version),
  ));
  assert.equal(proposal.state, 'in_council');

  const council = await councilOfTheYear(office, admin);
  const memberId = (username) =>
    council.members.find((member) => member.username === username && member.active).id;
  let { body: meeting } = await office.json('POST', '/council-meetings', {
    councilId: council.id,
    subject: `Họp xét khen thưởng ${runId}`,
    meetsAt: new Date().toISOString(),
    venue: 'Phòng họp Sở Tư pháp',
    chairMemberId: memberId('lanhdao'),
    secretaryMemberId: memberId('vanphong'),
    proposalIds: [proposal.id],
  });
  const entries = council.members
    .filter((member) => member.active)
    .map((member) => ({
      memberId: member.id,
      present: member.username !== 'admin',
      absenceReason: member.username === 'admin' ? 'Đi công tác' : null,
    }));
  ({ body: meeting } = await office.json(
    'PUT',
    `/council-meetings/${meeting.id}/attendance`,
    { entries },
    ifMatch(meeting.version),
  ));
  ({ body: meeting } = await office.json(
    'POST',
    `/council-meetings/${meeting.id}/open-ballots`,
    undefined,
    ifMatch(meeting.version),
  ));
  const ballot = meeting.ballots.find((item) => item.nomineeName === nominee);
  assert.ok(ballot, 'a ballot for the nominee');
  // The Office votes; the TGPL officer, of the nominee's unit, may only abstain. The other
  // members present (the demo council's unit heads) vote too: a TGPL head abstains as well.
  await office.json('POST', `/ballots/${ballot.id}/vote`, {
    choice: 'approve',
  });
  const present = entries.filter((entry) => entry.present).length;
  const others = await othersVote(council, ballot.id, ['admin', 'lanhdao', 'vanphong', 'tgpl.canbo']);
  const abstain = 1 + others.abstain;
  const approve = 2 + others.approve;

  await scenario('council-member-in-conflict', async (page) => {
    await login(page, 'tgpl.canbo', PASSWORD);
    await byTestId(page, 'ballots-waiting-badge').waitFor();
    await page.goto(`${baseUrl}/bo-phieu`);
    // A member of the nominee's unit is told why, and offered only abstention.
    await byTestId(page, `ballot-conflict-${ballot.id}`).waitFor();
    assert.equal(await byTestId(page, `ballot-vote-${ballot.id}-approve`).count(), 0);
    assert.equal(await byTestId(page, `ballot-vote-${ballot.id}-reject`).count(), 0);
    await byTestId(page, `ballot-vote-${ballot.id}-abstain`).click();
    await answerDialog(page, 'confirm-ok');
    await byTestId(page, `ballot-voted-${ballot.id}`).waitFor();
  });

  await scenario('council-member-votes', async (page) => {
    await login(page, 'lanhdao', PASSWORD);
    const badge = byTestId(page, 'ballots-waiting-badge');
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-count'), '1');
    await byTestId(page, 'nav-bo-phieu').click();
    await expectTitle(page, 'Phiếu biểu quyết');
    const card = byTestId(page, `ballot-${ballot.id}`);
    await card.waitFor();
    // Before the ballot closes: who has voted, never how, and no tally.
    assert.equal(
      await byTestId(page, `ballot-voters-count-${ballot.id}`).innerText(),
      `${present - 1}/${present}`,
    );
    assert.equal(await byTestId(page, `ballot-tally-${ballot.id}`).count(), 0);
    assert.match(
      await byTestId(page, `ballot-threshold-${ballot.id}`).innerText(),
      /trên 50% số thành viên có mặt/,
    );
    await byTestId(page, `ballot-vote-${ballot.id}-approve`).click();
    await answerDialog(page, 'confirm-ok');
    await byTestId(page, `ballot-voted-${ballot.id}`).waitFor();
    assert.equal(await byTestId(page, `ballot-vote-${ballot.id}-approve`).count(), 0);
    await badge.waitFor({ state: 'detached' });
    const cardText = await card.innerText();
    for (const word of [`Đồng ý ${approve}`, 'Không đồng ý 0'])
      assert.ok(!cardText.includes(word), `no tally before closing: ${word}`);
  });

  await scenario('council-office-closes', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'nav-hoi-dong').click();
    await expectTitle(page, 'Hội đồng Thi đua – Khen thưởng');
    await byTestId(page, 'member-row-lanhdao').waitFor();
    await byTestId(page, `meeting-row-${meeting.id}`).getByRole('link').click();
    await byTestId(page, 'meeting-quorum').waitFor();
    assert.equal(await byTestId(page, 'meeting-quorum').getAttribute('data-met'), 'true');
    await byTestId(page, 'meeting-close-ballots').click();
    await byTestId(page, 'close-ballots-conclusions').fill(
      'Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen.',
    );
    await byTestId(page, 'close-ballots-ok').click();
    const result = byTestId(page, `ballot-result-${ballot.id}`);
    await result.waitFor();
    assert.equal(await result.getAttribute('data-result'), 'passed');
    assert.ok((await result.innerText()).includes(`${approve}/${present} đồng ý`));
    const tally = await byTestId(page, `ballot-tally-${ballot.id}`).innerText();
    assert.ok(
      tally.includes(`Đồng ý ${approve} · Không đồng ý 0 · Không biểu quyết ${abstain}`),
      tally,
    );
    assert.match(tally, /trên 50% số thành viên có mặt/);
    assert.equal(await byTestId(page, 'meeting-status').getAttribute('data-status'), 'closed');
    await byTestId(page, 'meeting-minutes-number').waitFor();
    const download = page.waitForEvent('download');
    await byTestId(page, 'meeting-minutes').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.docx$/);
  });
});

test('the Office approves a public comment on a proposal in public notice', async () => {
  const office = await caller('vanphong');
  const unitHead = await caller('tgpl.truong');
  let proposal = await reviewedProposal(office, unitHead, 'BK-UBND', `Lê Thị Công Khai ${runId}`);
  ({ body: proposal } = await office.json(
    'POST',
    `/commendation-proposals/${proposal.id}/start-notice`,
    {},
    ifMatch(proposal.version),
  ));
  assert.equal(proposal.state, 'in_notice');
  const body = `Tôi xác nhận chị là người tận tâm với người dân ${runId}.`;
  const sent = await fetch(`${baseUrl}/api/v1/public/commendation-notices/${proposal.id}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      authorName: 'Nguyễn Văn Dân',
      contact: '0912345678',
      body,
    }),
  });
  const receipt = await sent.text();
  assert.equal(sent.status, 202, receipt);
  const commentId = JSON.parse(receipt).id;

  await scenario('council-moderates-comment', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'nav-kiem-duyet-cong-khai').click();
    await expectTitle(page, 'Kiểm duyệt công khai');
    const card = byTestId(page, `notice-${proposal.id}`);
    await card.waitFor();
    await byTestId(page, `notice-window-${proposal.id}`).waitFor();
    const row = card.locator('tr.ant-table-row', { hasText: body });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'pending');
    // The Office sees the contact the public never does.
    await row.getByText('0912345678').waitFor();
    await byTestId(page, `comment-approve-${commentId}`).click();
    await byTestId(page, 'moderate-ok').click();
    await row.waitFor({ state: 'detached' });
  });

  const approved = await (
    await fetch(`${baseUrl}/api/v1/public/commendation-notices/${proposal.id}/comments`)
  ).json();
  const shown = approved.find((comment) => comment.body === body);
  assert.ok(shown, 'the approved comment is public');
  assert.ok(!JSON.stringify(shown).includes('0912345678'), 'without the contact');
  assert.equal(shown.id, commentId);
});

test('the Office imports titles from a spreadsheet, sees the faulty row, and reads the rules', async () => {
  const name = `Đỗ Văn Danh Hiệu ${runId}`;
  const csv = [
    'Họ và tên,Đối tượng,Mã đơn vị,Đơn vị công tác,Danh hiệu,Năm,Loại khen thưởng,Số quyết định,Ngày quyết định',
    `${name},Cá nhân,TGPL,,LDTT,2025,Thường xuyên,15/QĐ-STP,20/12/2025`,
    `Hàng Lỗi ${runId},Cá nhân,TGPL,,LDTT,năm ngoái,Thường xuyên,,`,
  ].join('\n');

  await scenario('eligibility-import', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'nav-dieu-kien-khen-thuong').click();
    await expectTitle(page, 'Điều kiện khen thưởng');
    await byTestId(page, 'titles-table').waitFor();
    await byTestId(page, 'fact-import-open').click();
    await byTestId(page, 'fact-import-template').waitFor();
    await page
      .locator('[data-testid="fact-import-modal"] input[type="file"]')
      .setInputFiles({ name: 'danh-hieu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await byTestId(page, 'fact-import-check').click();
    await byTestId(page, 'fact-import-summary').waitFor();
    assert.equal(await byTestId(page, 'fact-import-row-2').getAttribute('data-ok'), 'true');
    assert.equal(await byTestId(page, 'fact-import-row-3').getAttribute('data-ok'), 'false');
    assert.match(await byTestId(page, 'fact-import-row-3').innerText(), /Năm/);
    await byTestId(page, 'fact-import-only-valid').click();
    await byTestId(page, 'fact-import-summary').getByText('Đã nhập 1 danh hiệu.', { exact: false }).waitFor();
    await byTestId(page, 'fact-import-close').click();
    await byTestId(page, 'titles-search').fill(name);
    await byTestId(page, 'titles-search').press('Enter');
    await byTestId(page, 'titles-table').getByText(name).waitFor();

    // The rules, read-only, with their legal basis and whether they warn or block.
    await page.getByRole('tab', { name: 'Quy tắc xét điều kiện' }).click();
    const rules = byTestId(page, 'rules-table');
    await rules.locator('tr.ant-table-row').first().waitFor();
    assert.ok((await rules.getByText('Chặn').count()) > 0, 'a blocking rule is shown');
    assert.match(await rules.innerText(), /Nghị định|Luật|Thông tư/);
  });
});
