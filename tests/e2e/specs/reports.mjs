// Reports written in Lan Tỏa (issue 11, "Done when"): a unit head follows the reminder of the
// annual report, starts the report from the calendar, writes its sections and submits it (late:
// the demo year is past 20/10); the Office accepts it; the Office consolidates and submits its
// own report; the leader approves it; the DOCX and the XLSX annex download.
//
// The Office's consolidated report is the mid-term review 2026–2028, not the 2026 annual one:
// the demo data records the Office's 2026 annual report as already sent and approved (a
// submission made on the calendar, without a report written in Lan Tỏa), so a consolidated 2026
// annual report can be started but not submitted (409 "Báo cáo của kỳ này đã được gửi."). The
// mid-term review's period has begun, so units and the Office may report on it now; one unit's
// (DGTS) is prepared through the API so that the consolidation has a unit report to include.
// The unit is BTTP: TGPL's 2026 annual report is the calendar spec's, PBGDPL's and HCTP's are
// the demo's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

import { apiAs, baseUrl, byTestId, choose, expectTitle, login, runId, scenario } from '../harness.mjs';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function signIn(page, username) {
  await login(page, username, 'LanToa@2026');
  await byTestId(page, 'home-greeting').waitFor();
}

async function expectStatus(page, testId, status) {
  await page.locator(`[data-testid="${testId}"][data-status="${status}"]`).waitFor();
}

/** One file of a ZIP archive (stored or deflated), read from its central directory. */
function unzipEntry(bytes, name) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end -= 1;
  assert.ok(end >= 0, 'a ZIP archive has an end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entry = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entry === name) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

/** The text of a Word document, its runs joined (tags dropped, entities decoded). */
function documentText(docx) {
  return unzipEntry(docx, 'word/document.xml')
    .toString('utf8')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const SECTIONS = {
  achievements: `Trong năm, Phòng đã phát hiện và giới thiệu các điển hình trong lĩnh vực bổ trợ tư pháp (${runId}).`,
  shortcomings: 'Một số tháng giới thiệu điển hình chưa đúng hạn.',
  causes: 'Nhân lực mỏng, nhiều việc chuyên môn đột xuất.',
  lessons: 'Phân công người theo dõi, nhắc việc hằng tháng.',
  directions: 'Tiếp tục bồi dưỡng, nhân rộng các mô hình đã phát hiện.',
  recommendations: 'Đề nghị Văn phòng Sở tổ chức tập huấn cách lập hồ sơ điển hình.',
};

test('a unit head writes and submits the annual report, the Office accepts it and consolidates, the leader approves and the DOCX downloads', async () => {
  const asHead = await apiAs('bttp.truong');
  const owed = await asHead('GET', '/obligations?kind=annual_report&period=2026');
  assert.equal(owed.items.length, 1, 'BTTP owes one annual report for 2026');
  const obligation = owed.items[0];
  assert.equal(obligation.status, 'missing', 'BTTP has not reported by 20/10');
  const key = obligation.key;
  const bttp = obligation.unit.id;
  let reportUrl;

  await scenario('reports-unit-writes-annual', async (page) => {
    await signIn(page, 'bttp.truong');
    // The unit head has unread reminders (the count arrives after the page).
    await page.locator('[data-testid="bell"][data-unread]:not([data-unread="0"])').waitFor();
    await byTestId(page, 'bell').click();
    await page.locator('[data-testid^="bell-item-"]', { hasText: 'Báo cáo định kỳ năm 2026' }).first().click();
    await expectTitle(page, 'Lịch báo cáo');
    assert.equal(new URL(page.url()).searchParams.get('key'), key, 'the reminder links to the obligation');

    // From the obligation to its report: none yet, so the unit head starts it.
    await byTestId(page, `obligation-report-open-${key}`).click();
    await byTestId(page, 'report-lookup-create').click();
    await page.waitForURL(/\/bao-cao\/\d+$/);
    reportUrl = page.url();
    await expectStatus(page, 'report-status', 'draft');
    assert.equal(await byTestId(page, 'report-period').innerText(), 'Năm 2026');
    await byTestId(page, 'figures-live').waitFor();

    for (const [section, text] of Object.entries(SECTIONS)) {
      await byTestId(page, `report-section-${section}`).fill(text);
    }
    await byTestId(page, 'report-save').click();
    await page.getByText('Đã lưu nội dung báo cáo.').waitFor();

    await byTestId(page, 'report-action-submit').click();
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã gửi báo cáo (trễ hạn).').waitFor();
    await expectStatus(page, 'report-status', 'submitted');
    await byTestId(page, 'report-late').waitFor();
    await byTestId(page, 'figures-frozen').waitFor();
    // Sent: the text is read-only and only the Office decides now.
    assert.equal(await byTestId(page, 'report-section-achievements').evaluate((el) => el.tagName), 'SECTION');
    assert.equal(await page.locator('[data-testid^="report-action-"]').count(), 0);

    // The calendar counts the obligation as done, late, and links to the report.
    await page.goto(`${baseUrl}/lich-bao-cao?key=${encodeURIComponent(key)}`);
    await expectStatus(page, `obligation-status-${key}`, 'done_late');
    await byTestId(page, `obligation-report-open-${key}`).click();
    await page.waitForURL(reportUrl);
  });

  await scenario('reports-office-accepts-annual', async (page) => {
    await signIn(page, 'vanphong');
    await byTestId(page, 'nav-bao-cao').click();
    await expectTitle(page, 'Báo cáo');
    await choose(page, 'reports-filter-kind', 'Báo cáo định kỳ hằng năm');
    const id = reportUrl.split('/').pop();
    await expectStatus(page, `report-status-${id}`, 'submitted');
    await byTestId(page, `report-link-${id}`).click();
    await expectStatus(page, 'report-status', 'submitted');
    assert.match(await byTestId(page, 'report-section-achievements').innerText(), new RegExp(runId));
    await byTestId(page, 'report-action-accept').click();
    await byTestId(page, 'report-step-note').fill('Đã tiếp nhận, tổng hợp vào báo cáo của Sở.');
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã tiếp nhận báo cáo.').waitFor();
    await expectStatus(page, 'report-status', 'accepted');
    assert.equal(await page.locator('[data-testid^="report-action-"]').count(), 0);
  });

  // Another unit's mid-term review, sent and accepted, for the consolidation to include.
  const asDgts = await apiAs('dgts.truong');
  const dgtsOwed = await asDgts('GET', '/obligations?kind=midterm_review&period=2026-2028');
  const dgts = dgtsOwed.items[0].unit.id;
  const review = await asDgts('POST', '/reports', { kind: 'midterm_review', unitId: dgts, period: '2026-2028' });
  const written = await asDgts(
    'PUT',
    `/reports/${review.id}`,
    { title: review.title, narrative: { achievements: 'Sơ kết giữa kỳ của Trung tâm.' } },
    review.version,
  );
  const sent = await asDgts('POST', `/reports/${review.id}/submit`, undefined, written.version);
  const asOffice = await apiAs('vanphong');
  await asOffice('POST', `/reports/${review.id}/accept`, {}, sent.version);

  let consolidatedUrl;
  let consolidatedTitle;
  await scenario('reports-office-consolidates', async (page) => {
    await signIn(page, 'vanphong');
    await byTestId(page, 'nav-bao-cao').click();
    await byTestId(page, 'report-create').click();
    await choose(page, 'report-form-kind', 'Báo cáo sơ kết');
    await byTestId(page, 'report-form-scope-office').click();
    await page.locator('[data-testid="report-form-period"]', { hasText: 'Giai đoạn 2026–2028' }).waitFor();
    await byTestId(page, 'report-form-submit').click();
    await page.waitForURL(/\/bao-cao\/\d+$/);
    consolidatedUrl = page.url();
    await expectStatus(page, 'report-status', 'draft');
    assert.equal(await byTestId(page, 'report-owner').innerText(), 'Văn phòng Sở (báo cáo tổng hợp)');

    // The units' reports it sums up, and who did not submit.
    await byTestId(page, `consolidation-report-${dgts}`).waitFor();
    await byTestId(page, `consolidation-missing-${bttp}`).waitFor();

    await byTestId(page, 'report-section-achievements').fill(
      `Các đơn vị đã sơ kết giữa kỳ việc phát hiện, bồi dưỡng điển hình (${runId}).`,
    );
    await byTestId(page, 'report-section-recommendations').fill('Đề nghị Sở Nội vụ hướng dẫn biểu mẫu sơ kết.');
    consolidatedTitle = await byTestId(page, 'report-title').innerText();
    // Sent with unsaved text: it is saved first.
    await byTestId(page, 'report-action-submit').click();
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã trình Lãnh đạo Sở phê duyệt.').waitFor();
    await expectStatus(page, 'report-status', 'submitted');
    assert.match(await byTestId(page, 'report-section-achievements').innerText(), new RegExp(runId));
    assert.equal(await page.locator('[data-testid^="report-action-"]').count(), 0, 'the leader decides now');
  });

  await scenario('reports-leader-approves', async (page) => {
    await signIn(page, 'lanhdao');
    await byTestId(page, 'nav-bao-cao').click();
    const id = consolidatedUrl.split('/').pop();
    await byTestId(page, `report-link-${id}`).click();
    await expectStatus(page, 'report-status', 'submitted');
    await byTestId(page, 'figures-frozen').waitFor();
    await byTestId(page, 'report-action-approve').click();
    await byTestId(page, 'report-step-ok').click();
    await page.getByText('Đã phê duyệt báo cáo.').waitFor();
    await expectStatus(page, 'report-status', 'accepted');
    assert.equal(await byTestId(page, 'report-status').innerText(), 'Đã phê duyệt');

    // The official document: a ZIP whose document names the report and carries its text.
    const answer = page.waitForResponse((response) => response.url().endsWith(`/api/v1/reports/${id}/docx`));
    const download = page.waitForEvent('download');
    await byTestId(page, 'report-download-docx').click();
    assert.equal((await answer).headers()['content-type'], DOCX);
    const file = await download;
    assert.equal(file.suggestedFilename(), `bao-cao-${id}.docx`);
    const docx = await readFile(await file.path());
    assert.equal(docx.subarray(0, 4).toString('binary'), 'PK\u0003\u0004', 'a DOCX is a zip');
    const text = documentText(docx);
    // The heading prints the title's subject: "Báo cáo sơ kết …" as "Sơ kết …".
    const subject = consolidatedTitle.replace(/^Báo cáo (.)/u, (_, first) => first.toUpperCase());
    assert.ok(text.includes(subject), `the document's heading is the report's title: ${subject}`);
    assert.ok(text.includes(runId), 'the document carries the report’s text');

    const annex = page.waitForEvent('download');
    await byTestId(page, 'report-download-xlsx').click();
    const workbook = await annex;
    assert.equal(workbook.suggestedFilename(), `phu-luc-bao-cao-${id}.xlsx`);
    const xlsx = await readFile(await workbook.path());
    assert.ok(unzipEntry(xlsx, 'xl/workbook.xml').length > 0, 'the annex is a workbook');
  });

  // The calendar as the API has it: the unit's report done late, the Office's review done.
  const unitAfter = await asHead('GET', '/obligations?kind=annual_report&period=2026');
  assert.equal(unitAfter.items[0].status, 'done_late');
  const officeAfter = await asOffice('GET', '/obligations?kind=midterm_review&period=2026-2028&responsible=office');
  assert.equal(officeAfter.items[0].status, 'done_on_time');
});
