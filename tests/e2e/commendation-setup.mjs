// Setting up commendation proposals and the council through the API, for the specs that then
// drive them in the browser.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { apiWithEtagAs, baseUrl, byTestId, PASSWORD, todayInVietnam } from './harness.mjs';

/** The smallest file the server recognises as a PDF by its content. */
export const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

export const ifMatch = (version) => ({ 'If-Match': `"${version}"` });

/** Signs in through the API and returns a caller that also uploads multipart forms. */
export async function caller(username) {
  const json = await apiWithEtagAs(username);
  const signIn = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const { accessToken } = await signIn.json();
  const upload = async (path, fields) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (value instanceof Blob) form.append(name, value, 'ho-so.pdf');
      else form.append(name, value);
    }
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}` },
      body: form,
    });
    const text = await response.text();
    assert.ok(response.ok, `POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text);
  };
  return { json, upload };
}

export async function userByName(office, username) {
  const { body } = await office.json('GET', `/users?q=${encodeURIComponent(username)}&pageSize=20`);
  const user = body.items.find((item) => item.username === username);
  assert.ok(user, `user ${username}`);
  return user;
}

/** This year's council with the leader (chair), the Office (standing), the admin and a TGPL officer. */
export async function councilOfTheYear(office, admin) {
  const year = todayInVietnam().year;
  const { body: councils } = await office.json('GET', '/councils');
  let council = councils.find((item) => item.year === year);
  if (!council) {
    ({ body: council } = await office.json('POST', '/councils', {
      year,
      name: `Hội đồng Thi đua - Khen thưởng Sở Tư pháp năm ${year}`,
    }));
  }
  const places = [
    ['lanhdao', 'chair', 'Giám đốc Sở'],
    ['vanphong', 'standing', 'Chánh Văn phòng Sở'],
    ['admin', 'member', 'Ủy viên'],
    ['tgpl.canbo', 'member', 'Trợ giúp viên pháp lý'],
  ];
  for (const [username, role, title] of places) {
    if (council.members.some((member) => member.username === username && member.active)) continue;
    const user = await userByName(admin, username);
    ({ body: council } = await office.json('POST', `/councils/${council.id}/members`, {
      userId: user.id,
      role,
      title,
    }));
  }
  return council;
}

/**
 * The active members of `council` not in `skip` vote on the ballot through the API: a member of
 * TGPL (the demo nominees' unit) abstains, the others approve. Returns how many did which.
 */
export async function othersVote(council, ballotId, skip) {
  const counts = { approve: 0, abstain: 0 };
  for (const member of council.members.filter((m) => m.active && !skip.includes(m.username))) {
    const conflicted = member.username.startsWith('tgpl.');
    const voter = await caller(member.username);
    await voter.json('POST', `/ballots/${ballotId}/vote`, { choice: conflicted ? 'abstain' : 'approve' });
    counts[conflicted ? 'abstain' : 'approve'] += 1;
  }
  return counts;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Downloads the quyết định from a decided proposal's page and checks it is a DOCX. */
export async function downloadDecision(page, proposalId) {
  const answer = page.waitForResponse((r) =>
    r.url().endsWith(`/commendation-proposals/${proposalId}/documents/quyet-dinh`),
  );
  const download = page.waitForEvent('download');
  await byTestId(page, 'document-quyet-dinh').click();
  const response = await answer;
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], DOCX);
  const file = await download;
  assert.match(file.suggestedFilename(), /\.docx$/);
  const bytes = await readFile(await file.path());
  assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\u0003\u0004', 'a DOCX is a zip');
}
