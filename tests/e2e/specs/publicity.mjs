// Publicity: the Office publishes an exemplar with the subject's consent, the share kit, the public
// portal seen signed out (gallery, page, Atom feed), unpublishing, and a public comment on a notice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answerDialog,
  apiWithEtagAs,
  baseUrl,
  byTestId,
  choose,
  expectTitle,
  login,
  PASSWORD,
  pickDate,
  runId,
  scenario,
  todayInVietnam,
} from '../harness.mjs';

const dmy = ({ year, month, day }) =>
  `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

/** A confirmed individual exemplar the demo has not published, with its publication. */
async function unpublishedIndividual(office) {
  const { body: page } = await office(
    'GET',
    '/exemplars?recordStatus=confirmed&subjectKind=individual&pageSize=100',
  );
  for (const exemplar of page.items) {
    if (exemplar.stage === 'stopped' || exemplar.stage === 'archived') continue;
    const { body: publication } = await office('GET', `/exemplars/${exemplar.id}/publication`);
    const publish = publication.allowedActions.find((allowed) => allowed.action === 'publish');
    // Publishing waits only for the consent, which the Office records in the same step.
    if (publication.status === 'not_published' && publish && !publication.consent) return exemplar;
  }
  throw new Error('the demo data has no confirmed, unpublished individual exemplar');
}

test('the Office publishes an exemplar, the public finds it, the Office takes it down', async () => {
  const office = await apiWithEtagAs('vanphong');
  const exemplar = await unpublishedIndividual(office);
  const publicText = `Điển hình được công bố trong kiểm thử ${runId}: tận tụy trợ giúp người dân, số hóa hồ sơ.`;

  await scenario('publicity-publish', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await page.goto(`${baseUrl}/diem-hinh/${exemplar.id}?tab=cong-bo`);
    await byTestId(page, 'publication-panel').waitFor();
    assert.equal(await byTestId(page, 'publication-status').innerText(), 'Chưa công bố');

    await byTestId(page, 'publication-summary').fill(publicText);
    await pickDate(page, 'consent-given-on', dmy(todayInVietnam()));
    await choose(page, 'consent-method', 'Bằng văn bản');
    await byTestId(page, 'consent-note').fill('Bản đồng ý lưu tại Văn phòng Sở');
    await byTestId(page, 'publication-publish').click();
    await page.getByText('Đã công bố điển hình trên cổng thông tin công khai.').waitFor();
    await page
      .locator('[data-testid="publication-status"]', {
        hasText: 'Đang công bố',
      })
      .waitFor();

    // The share kit: texts to post, and the card the server draws.
    await byTestId(page, 'share-kit').waitFor();
    const zalo = await byTestId(page, 'share-zalo').inputValue();
    const facebook = await byTestId(page, 'share-facebook').inputValue();
    assert.ok(zalo.includes(exemplar.name), 'the Zalo text names the exemplar');
    assert.ok(facebook.includes(exemplar.name), 'the Facebook text names the exemplar');
    assert.ok(zalo.includes(`/cong-khai/guong-dien-hinh/${exemplar.id}`), 'the Zalo text links its page');
    await page.waitForFunction(() => {
      const image = document.querySelector('[data-testid="share-card"]');
      return image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0;
    });
    assert.equal(await byTestId(page, 'share-card').evaluate((image) => image.naturalWidth), 1200);
    assert.equal(await byTestId(page, 'share-card').evaluate((image) => image.naturalHeight), 630);
    await byTestId(page, 'share-copy-zalo').click();
    await page.getByText(/Đã chép nội dung đăng Zalo|Trình duyệt không cho chép/).waitFor();
  });

  await scenario('publicity-portal', async (page) => {
    // Signed out: the portal loads without the sign-in page and without the UI library.
    await page.goto(`${baseUrl}/cong-khai`);
    await byTestId(page, 'portal-gallery').waitFor();
    await expectTitle(page, 'Gương điển hình tiên tiến');
    await byTestId(page, 'portal-search').fill(exemplar.name);
    await byTestId(page, 'portal-search-submit').click();
    await byTestId(page, `portal-card-${exemplar.id}`).click();
    await byTestId(page, 'portal-exemplar').waitFor();
    assert.equal(await byTestId(page, 'portal-exemplar-name').innerText(), exemplar.name);
    assert.equal(await byTestId(page, 'portal-exemplar-summary').innerText(), publicText);
    assert.equal(new URL(page.url()).pathname, `/cong-khai/guong-dien-hinh/${exemplar.id}`);
    const antd = await page.evaluate(
      () => document.querySelectorAll('[class^="ant-"], [class*=" ant-"]').length,
    );
    assert.equal(antd, 0, 'the portal renders without the UI library');

    const feed = await page.request.get(`${baseUrl}/api/v1/public/feed.atom`);
    assert.equal(feed.status(), 200);
    const atom = await feed.text();
    assert.ok(atom.includes(exemplar.name), 'the Atom feed carries the exemplar');
    assert.ok(atom.includes(`/cong-khai/guong-dien-hinh/${exemplar.id}`), 'with a link to its page');
    assert.equal(await byTestId(page, 'portal-feed-link').getAttribute('href'), '/api/v1/public/feed.atom');
  });

  await scenario('publicity-unpublish', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await page.goto(`${baseUrl}/diem-hinh/${exemplar.id}?tab=cong-bo`);
    await byTestId(page, 'publication-unpublish').click();
    await byTestId(page, 'unpublish-reason').fill('Cá nhân rút lại sự đồng ý');
    await byTestId(page, 'unpublish-confirm').click();
    await page.getByText('Đã gỡ công bố: trang công khai không còn hiển thị điển hình này.').waitFor();
    await page
      .locator('[data-testid="publication-status"]', {
        hasText: 'Đã gỡ công bố',
      })
      .waitFor();
    await byTestId(page, 'publication-unpublished').getByText('Cá nhân rút lại sự đồng ý').waitFor();
  });

  await scenario('publicity-gone', async (page) => {
    await page.goto(`${baseUrl}/cong-khai/guong-dien-hinh/${exemplar.id}`);
    await byTestId(page, 'portal-not-found').waitFor();
    const atom = await (await page.request.get(`${baseUrl}/api/v1/public/feed.atom`)).text();
    assert.ok(!atom.includes(`/cong-khai/guong-dien-hinh/${exemplar.id}<`), 'the feed dropped it');
    assert.ok(!atom.includes(`/cong-khai/guong-dien-hinh/${exemplar.id}"`), 'the feed dropped it');
  });
});

async function accessToken(username) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `${username} signs in`);
  return (await response.json()).accessToken;
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/** A proposal of the TGPL centre taken through to its public notice, through the API. */
async function proposalInNotice(nomineeName) {
  const head = await apiWithEtagAs('tgpl.truong');
  const office = await apiWithEtagAs('vanphong');
  const { body: forms } = await head('GET', '/award-forms?status=published');
  const form = forms.find((candidate) => candidate.code === 'BK-UBND');
  const { body: occasions } = await head('GET', '/commendation-occasions');
  const occasion = occasions.find((candidate) => candidate.code === 'TK-2026');
  const { body: units } = await head('GET', '/units?q=TGPL&pageSize=50');
  const unit = units.items.find((candidate) => candidate.code === 'TGPL');
  const { body: draft } = await head('POST', '/commendation-proposals', {
    unitId: unit.id,
    awardFormId: form.id,
    commendationType: 'regular',
    occasionId: occasion.id,
    year: 2026,
    title: `Đề nghị Bằng khen của Chủ tịch UBND tỉnh (kiểm thử ${runId})`,
    nominees: [
      {
        subjectKind: 'individual',
        fullName: nomineeName,
        jobTitle: 'Trợ giúp viên pháp lý',
        unitId: unit.id,
        recognisedInitiatives: 1,
        achievement: `${nomineeName} hoàn thành xuất sắc nhiệm vụ năm 2026, có sáng kiến được áp dụng.`,
      },
    ],
  });
  const token = await accessToken('tgpl.truong');
  for (const kind of ['to_trinh', 'bao_cao_thanh_tich']) {
    const upload = new FormData();
    upload.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
    upload.append('kind', kind);
    const response = await fetch(`${baseUrl}/api/v1/commendation-proposals/${draft.id}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: upload,
    });
    assert.equal(response.status, 201, `${kind} attached: ${await response.text()}`);
  }
  const step = async (as, proposal, path, body = {}) =>
    (
      await as('POST', `/commendation-proposals/${proposal.id}/${path}`, body, {
        'If-Match': `"${proposal.version}"`,
      })
    ).body;
  const { body: fresh } = await head('GET', `/commendation-proposals/${draft.id}`);
  const sent = await step(head, fresh, 'submit');
  const received = await step(office, sent, 'receive');
  const reviewed = await step(office, received, 'review', {
    nominees: received.nominees.map((nominee) => ({
      nomineeId: nominee.id,
      eligible: true,
    })),
  });
  return step(office, reviewed, 'start-notice');
}

test('a visitor comments on a proposal under public notice; it shows after moderation, without contacts', async () => {
  const nomineeName = `Phạm Thị Góp Ý ${runId}`;
  const proposal = await proposalInNotice(nomineeName);
  const text = `Chị rất tận tình với người dân vùng sâu (kiểm thử ${runId}).`;
  const contact = `nguoidan.${runId.toLowerCase()}@example.vn`;

  await scenario('publicity-comment', async (page) => {
    await page.goto(`${baseUrl}/cong-khai`);
    await byTestId(page, 'portal-nav-notices').click();
    await byTestId(page, `portal-notice-${proposal.id}`).getByRole('link').click();
    await byTestId(page, 'portal-notice').getByText(nomineeName).first().waitFor();

    // What the form checks before sending, in Vietnamese.
    await byTestId(page, 'comment-submit').click();
    await byTestId(page, 'comment-authorName-error').getByText('Nhập họ và tên (ít nhất 2 ký tự).').waitFor();
    await byTestId(page, 'comment-body-error').getByText('Nhập nội dung ý kiến (ít nhất 5 ký tự).').waitFor();

    await byTestId(page, 'comment-author').fill('Nguyễn Văn Dân');
    await byTestId(page, 'comment-contact').fill(contact);
    await byTestId(page, 'comment-body').fill(text);
    await byTestId(page, 'comment-submit').click();
    await byTestId(page, 'comment-sent')
      .getByText(/sau khi Văn phòng Sở kiểm duyệt/)
      .waitFor();
    // Not shown before moderation.
    assert.equal(await page.getByText(text).count(), 0);
  });

  const office = await apiWithEtagAs('vanphong');
  const { body: comments } = await office(
    'GET',
    `/commendation-proposals/${proposal.id}/comments?status=pending`,
  );
  const pending = comments.find((comment) => comment.body === text);
  assert.ok(pending, 'the Office sees the comment to moderate');
  await office('POST', `/notice-comments/${pending.id}/approve`, {}, { 'If-Match': `"${pending.version}"` });

  await scenario('publicity-comment-approved', async (page) => {
    await page.goto(`${baseUrl}/cong-khai/lay-y-kien/${proposal.id}`);
    await byTestId(page, 'portal-comments').getByText(text).waitFor();
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!shown.includes(contact), "the commenter's contact is never shown");
  });
});

test('the Office keeps the propagation log; the leader reads it', async () => {
  const title = `Bài đăng Zalo giới thiệu gương điển hình (kiểm thử ${runId})`;
  await scenario('publicity-propagation', async (page) => {
    await login(page, 'vanphong', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await page.goto(`${baseUrl}/tuyen-truyen`);
    await byTestId(page, 'propagation-table').waitFor();
    await expectTitle(page, 'Tuyên truyền');

    await byTestId(page, 'propagation-create').click();
    // Picking from a list while the dialog zooms in can miss the option.
    await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
    await choose(page, 'propagation-form-channel', 'Zalo');
    await byTestId(page, 'propagation-form-title').fill(title);
    await pickDate(page, 'propagation-form-held-on', dmy(todayInVietnam()));
    await byTestId(page, 'propagation-form-url').fill('https://zalo.me/sotuphapdongthap');
    await byTestId(page, 'propagation-form-views').fill('1250');
    await byTestId(page, 'propagation-form-submit').click();
    await page.getByText('Đã ghi nhận hoạt động tuyên truyền.').waitFor();

    await byTestId(page, 'propagation-search').fill(runId);
    await byTestId(page, 'propagation-search').press('Enter');
    // The list as filtered, as a workbook.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId(page, 'propagation-export').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);

    await byTestId(page, 'propagation-table').getByText(title).click();
    await byTestId(page, 'propagation-detail').getByText('1.250 lượt xem').waitFor();

    await byTestId(page, 'propagation-edit').click();
    await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="ant-zoom-"]'));
    await byTestId(page, 'propagation-form-shares').fill('40');
    await byTestId(page, 'propagation-form-submit').click();
    await page.getByText('Đã lưu hoạt động tuyên truyền.').waitFor();
    await byTestId(page, 'propagation-detail').getByText('1.250 lượt xem · 40 lượt chia sẻ').waitFor();

    await byTestId(page, 'propagation-delete').click();
    await answerDialog(page, 'confirm-ok');
    await page.getByText('Đã xóa hoạt động tuyên truyền.').waitFor();
    await byTestId(page, 'propagation-table').getByText(title).waitFor({ state: 'detached' });
  });

  await scenario('publicity-propagation-leader', async (page) => {
    await login(page, 'lanhdao', PASSWORD);
    await byTestId(page, 'home-greeting').waitFor();
    await byTestId(page, 'nav-tuyen-truyen').click();
    const firstActivity = byTestId(page, 'propagation-table')
      .locator('[data-testid^="propagation-open-"]')
      .first();
    await firstActivity.waitFor();
    assert.equal(await byTestId(page, 'propagation-create').count(), 0, 'the leader records nothing');
    await firstActivity.click();
    await byTestId(page, 'propagation-detail').waitFor();
    assert.equal(await byTestId(page, 'propagation-edit').count(), 0);
    assert.equal(await byTestId(page, 'propagation-delete').count(), 0);
  });
});
