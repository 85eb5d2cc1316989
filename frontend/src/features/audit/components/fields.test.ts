/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntityType } from '@/lib/api/models';
import { fieldRank, fieldSpec, FIELDS_BY_ENTITY, formatFieldValue } from './fields';

const show = (entityType: EntityType, field: string, value: unknown, names = {}) =>
  formatFieldValue(fieldSpec(entityType, field), value, names);

describe('the audit log in Vietnamese', () => {
  it('labels the fields of an exemplar and hides what tells the reader nothing', () => {
    expect(fieldSpec('exemplar', 'discoveredBy').label).toBe('Người phát hiện');
    expect(fieldSpec('exemplar', 'milestones').label).toBe('Các mốc bồi dưỡng');
    expect(fieldSpec('attachment', 'sizeBytes').label).toBe('Dung lượng');
    expect(fieldSpec('attachment', 'sha256').label).toBe('Mã kiểm tra (SHA-256)');
    expect(fieldSpec('attachment', 'downloadUrl').hidden).toBe(true);
    expect(fieldSpec('exemplar', 'nextStages').hidden).toBe(true);
  });

  it('lists who or what the record is first, its bookkeeping last', () => {
    const fields = ['id', 'createdAt', 'achievements', 'name', 'subjectKind', 'zzUnknown'];
    const sorted = [...fields].sort((a, b) => fieldRank('exemplar', a) - fieldRank('exemplar', b));
    expect(sorted).toEqual(['subjectKind', 'name', 'achievements', 'zzUnknown', 'id', 'createdAt']);
  });

  it('writes dates, times, months, booleans and sizes as an official reads them', () => {
    expect(show('exemplar', 'discoveredOn', '2026-03-05')).toBe('05/03/2026');
    // 17:30 UTC is past midnight in Hà Nội: the next day.
    expect(show('exemplar', 'stageChangedAt', '2026-03-05T17:30:00Z')).toBe('06/03/2026 00:30');
    expect(show('introduction', 'month', '2026-04')).toBe('04/2026');
    expect(show('unit', 'active', false)).toBe('Không');
    expect(show('introduction', 'onTime', true)).toBe('Có');
    expect(show('attachment', 'sizeBytes', 1_572_864)).toBe('1,5 MB');
    expect(show('attachment', 'sizeBytes', 327_680)).toBe('320 KB');
    expect(show('evaluation', 'scorePercent', 85)).toBe('85%');
    expect(show('exemplar', 'discoveredBy', null)).toBe('—');
    expect(show('report_submission', 'dueOn', '2026-10-20')).toBe('20/10/2026');
  });

  it('labels the reporting calendar, difficulties and webhooks', () => {
    expect(show('report_submission', 'status', 'returned')).toBe('Bị trả lại');
    expect(show('difficulty', 'status', 'referred')).toBe('Đã báo cáo Lãnh đạo Sở');
    expect(show('webhook_subscription', 'events', ['report.submitted'])).toEqual(['Báo cáo đã được gửi']);
    expect(show('discipline_record', 'level', 'canh_cao')).toBe('Cảnh cáo');
    expect(fieldSpec('settings', 'beforeInclusive').label).toBe('“Trước ngày …” tính cả ngày đó');
  });

  it('names enumerated values by their labels', () => {
    expect(show('exemplar', 'stage', 'nurturing')).toBe('Bồi dưỡng');
    expect(show('exemplar', 'recordStatus', 'submitted')).toBe('Đã gửi');
    expect(show('exemplar', 'category', 'new_model')).toBe('Mô hình mới');
    expect(show('evaluation', 'conclusion', 'needs_nurturing')).toBe('Cần bồi dưỡng thêm');
    expect(show('unit', 'kind', 'affiliated')).toBe('Đơn vị trực thuộc');
    expect(show('user', 'role', 'unit_head')).toBe('Thủ trưởng đơn vị');
    expect(show('service_account', 'scopes', ['units:read', 'users:read'])).toEqual([
      'Đọc danh mục đơn vị',
      'Đọc danh sách người dùng',
    ]);
  });

  it('lists milestones, initiatives and figures line by line, not as JSON', () => {
    const milestones = [
      { title: 'Tập huấn kỹ năng tư vấn', dueOn: '2026-05-15', status: 'done', note: null },
      { title: 'Báo cáo sơ kết', dueOn: '2026-09-30', status: 'planned', note: 'Gửi Văn phòng Sở' },
    ];
    expect(show('exemplar', 'milestones', milestones)).toEqual([
      '15/05/2026: Tập huấn kỹ năng tư vấn · Hoàn thành',
      '30/09/2026: Báo cáo sơ kết · Chưa thực hiện · Gửi Văn phòng Sở',
    ]);
    expect(
      show('exemplar', 'initiatives', [
        {
          title: 'Số hóa hồ sơ trợ giúp pháp lý',
          year: 2025,
          recognisedBy: 'Hội đồng sáng kiến Sở',
          scope: null,
        },
      ]),
    ).toEqual(['Số hóa hồ sơ trợ giúp pháp lý · năm 2025 · công nhận: Hội đồng sáng kiến Sở']);
    expect(
      show('exemplar', 'figures', [
        { label: 'Vụ việc trợ giúp', value: 1250, unit: 'vụ' },
        { label: 'Tỷ lệ hài lòng', value: 97.5, unit: '%' },
      ]),
    ).toEqual(['Vụ việc trợ giúp: 1.250 vụ', 'Tỷ lệ hài lòng: 97,5 %']);
    expect(show('exemplar', 'milestones', [])).toBe('—');
  });

  it('writes a stage proposal and an evaluation’s answers in words', () => {
    const names = { user: (id: number) => (id === 7 ? 'Trần Thị Bình' : undefined) };
    expect(
      show(
        'exemplar',
        'proposal',
        { toStage: 'summarized', note: 'Đủ điều kiện', proposedAt: '2026-06-01T02:00:00Z', proposedBy: 7 },
        names,
      ),
    ).toEqual([
      'Sang giai đoạn: Tổng kết',
      'Ghi chú: Đủ điều kiện',
      'Đề xuất lúc: 01/06/2026 09:00',
      'Người đề xuất: Trần Thị Bình',
    ]);
    expect(
      show('evaluation', 'items', [
        { criterionText: 'Chấp hành tốt chủ trương', mode: 'pass_fail', met: true, evidence: null },
        { criterionText: 'Hiệu quả công việc', mode: 'score', score: 8, maxScore: 10, comment: 'Tốt' },
        { criterionText: 'Lan tỏa', mode: 'score', score: null, maxScore: 10 },
      ]),
    ).toEqual([
      '1. Chấp hành tốt chủ trương: Đạt',
      '2. Hiệu quả công việc: 8/10 điểm · nhận xét: Tốt',
      '3. Lan tỏa: Chưa chấm điểm',
    ]);
  });

  it('names people and units by their names where known, by id otherwise', () => {
    const names = {
      user: (id: number) => (id === 3 ? 'Nguyễn Văn An' : undefined),
      unit: (id: number) => (id === 1 ? 'Sở Tư pháp' : undefined),
    };
    expect(show('attachment', 'uploadedBy', 3, names)).toBe('Nguyễn Văn An');
    expect(show('attachment', 'uploadedBy', 4, names)).toBe('#4');
    expect(show('unit', 'parentId', 1, names)).toBe('Sở Tư pháp');
    expect(show('user', 'unit', { id: 2, code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý' })).toBe(
      'Trung tâm Trợ giúp pháp lý',
    );
    expect(
      show('exemplar', 'movements', [
        { id: 1, code: 'BDHVS', name: 'Bình dân học vụ số' },
        { id: 2, code: 'TDYN', name: 'Thi đua yêu nước' },
      ]),
    ).toEqual(['Bình dân học vụ số', 'Thi đua yêu nước']);
  });
});

describe('every field the log keeps has a Vietnamese label', () => {
  // The snapshots are the API's own records (see backend/src/*/api.rs, `audit::snapshot`).
  const contract = JSON.parse(
    readFileSync(resolve(__dirname, '../../../../../openapi/openapi.json'), 'utf8'),
  ) as {
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const SNAPSHOTS: Record<EntityType, string[]> = {
    unit: ['Unit'],
    user: ['User'],
    service_account: ['ServiceAccount'],
    session: [],
    movement: ['Movement'],
    exemplar: ['Exemplar', 'ExemplarInput', 'NurturingPlan', 'Summary'],
    replication: ['Replication'],
    evaluation: ['Evaluation'],
    criteria_set: ['CriteriaSet'],
    introduction: ['Introduction'],
    attachment: ['Attachment'],
    settings: ['ProgrammeSettings', 'CalendarSettingsInput', 'Holidays'],
    report: ['ReportInput'],
    report_submission: ['ReportSubmission'],
    difficulty: ['Difficulty'],
    webhook_subscription: ['Subscription'],
    propagation_activity: ['PropagationActivity'],
    award_form: ['AwardForm'],
    base_salary: ['BaseSalary'],
    commendation_occasion: ['Occasion'],
    commendation_proposal: ['Proposal'],
    council: ['Council'],
    council_member: ['MemberInput'],
    council_meeting: ['MeetingInput'],
    ballot: [] /* who voted how: a few ids, no record */,
    register_entry: ['RegisterEntry'],
    notice_comment: [] /* the proposal, the nominee and the moderation: no record */,
    eligibility_rule: ['Rule'],
    title_record: ['TitleRecord', 'TitleRecordInput'],
    discipline_record: ['DisciplineRecord', 'DisciplineRecordInput'],
  };
  // What a snapshot leaves out: lists that keep their own trail, what the caller may do.
  const LEFT_OUT: Partial<Record<EntityType, string[]>> = {
    exemplar: ['timeline', 'evaluations', 'attachments', 'replications', 'allowedActions', 'evaluatorKinds'],
    // `detail::audit_snapshot` (backend/src/commendations/detail.rs).
    commendation_proposal: ['timeline', 'allowedActions', 'attachments', 'meetings', 'awardForm'],
  };

  for (const [entityType, schemas] of Object.entries(SNAPSHOTS) as [EntityType, string[]][]) {
    for (const schema of schemas) {
      it(`${entityType}: ${schema}`, () => {
        const properties = Object.keys(contract.components.schemas[schema]?.properties ?? {});
        expect(properties.length).toBeGreaterThan(0);
        const fields = FIELDS_BY_ENTITY[entityType];
        const missing = properties.filter(
          (field) => !(field in fields) && !(LEFT_OUT[entityType] ?? []).includes(field),
        );
        expect(missing).toEqual([]);
      });
    }
  }
});
