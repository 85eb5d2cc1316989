import type {
  Count,
  Dashboard,
  Figures,
  GridRow,
  IntroductionGrid,
  Obligation,
  TimelineMonth,
} from '../api/types';

const STAGES: [string, string][] = [
  ['discovered', 'Phát hiện'],
  ['nurturing', 'Bồi dưỡng'],
  ['summarized', 'Tổng kết'],
  ['replicated', 'Nhân rộng'],
  ['stopped', 'Dừng theo dõi'],
  ['archived', 'Lưu trữ'],
];
const CATEGORIES: [string, string][] = [
  ['advanced', 'Điển hình tiên tiến'],
  ['new_model', 'Mô hình mới'],
  ['new_factor', 'Nhân tố mới'],
  ['good_deed', 'Gương người tốt việc tốt'],
];
export const MOVEMENTS: Record<string, string> = {
  '1': 'Phong trào A: Tư pháp vì dân',
  '2': 'Phong trào B: Chuyển đổi số',
};

const complete = (names: [string, string][], counts: Record<string, number>): Count[] =>
  names.map(([key, label]) => ({ key, label, count: counts[key] ?? 0 }));

/** A month of the timeline as the server sends it: every stage and category, the movements with exemplars. */
export function month(
  text: string,
  stages: Record<string, number>,
  categories: Record<string, number>,
  movements: Record<string, number> = {},
): TimelineMonth {
  return {
    month: text,
    discovered: Object.values(stages).reduce((sum, count) => sum + count, 0),
    byStage: complete(STAGES, stages),
    byCategory: complete(CATEGORIES, categories),
    byMovement: Object.entries(movements).map(([key, count]) => ({ key, label: MOVEMENTS[key], count })),
  };
}

/** The plan's first months: three months of 2026 with exemplars, and February 2027. */
export const TIMELINE: TimelineMonth[] = [
  month('2026-01', { discovered: 2, nurturing: 1 }, { advanced: 2, new_model: 1 }, { '1': 2 }),
  month('2026-02', {}, {}),
  month('2026-03', { replicated: 1 }, { good_deed: 1 }, { '2': 1 }),
  ...['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) =>
    month(m, {}, {}),
  ),
  month('2026-11', { discovered: 1, nurturing: 2 }, { advanced: 1, new_factor: 2 }, { '1': 1, '2': 2 }),
  month('2026-12', {}, {}),
  month('2027-01', {}, {}),
  month('2027-02', { discovered: 4 }, { advanced: 4 }, { '1': 3 }),
];

/** Figures of a period, as `GET /report-figures` answers (only what the charts read filled in). */
export function figures(
  from: string,
  to: string,
  discovered: number,
  stages: Record<string, number>,
  categories: Record<string, number>,
  movements: Record<string, number>,
): Figures {
  return {
    computedAt: '2027-02-20T03:00:00Z',
    from,
    to,
    unit: null,
    exemplars: {
      discovered,
      byStage: complete(STAGES, stages),
      byCategory: complete(CATEGORIES, categories),
      byMovement: Object.entries(movements).map(([key, count]) => ({ key, label: MOVEMENTS[key], count })),
      byField: [],
      byUnit: [],
    },
    introductions: { judged: 0, onTime: 0, late: 0, missing: 0, byUnit: [] },
    evaluations: { total: 0, byConclusion: [], byEvaluator: [] },
    replications: { total: 0, exemplars: 0, adopters: 0, byScale: [] },
    difficulties: { total: 0, byStatus: [], items: [] },
  };
}

// Counted by hand from the months above, as the reports count the same periods.
export const FIGURES_2026 = figures(
  '2026-01-01',
  '2026-12-31',
  7,
  { discovered: 3, nurturing: 3, replicated: 1 },
  { advanced: 3, new_model: 1, new_factor: 2, good_deed: 1 },
  { '1': 3, '2': 3 },
);
export const FIGURES_2027 = figures(
  '2027-01-01',
  '2027-12-31',
  4,
  { discovered: 4 },
  { advanced: 4 },
  { '1': 3 },
);
export const FIGURES_PLAN = figures(
  '2026-01-01',
  '2030-12-31',
  11,
  { discovered: 7, nurturing: 3, replicated: 1 },
  { advanced: 7, new_model: 1, new_factor: 2, good_deed: 1 },
  { '1': 6, '2': 3 },
);

export const TGPL = { id: 12, code: 'TGPL', shortName: 'Trung tâm TGPL', name: 'Trung tâm Trợ giúp pháp lý' };
export const PBGDPL = {
  id: 7,
  code: 'PBGDPL',
  shortName: 'Phòng PBGDPL',
  name: 'Phòng Phổ biến, giáo dục pháp luật',
};

const months2026 = Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}`);

function row(unit: typeof TGPL, statuses: GridRow['cells'][number]['status'][]): GridRow {
  const cells = months2026.map((m, index) => ({
    month: m,
    // May's 10th fell on a Sunday: the calendar moved it to Monday the 11th.
    dueOn: m === '2026-05' ? '2026-05-11' : `${m}-10`,
    status: statuses[index],
    submitted: statuses[index] === 'on_time' || statuses[index] === 'late' ? (index === 0 ? 2 : 1) : 0,
    drafts: index === 11 ? 1 : 0,
  }));
  return {
    unit,
    cells,
    onTime: statuses.filter((s) => s === 'on_time').length,
    late: statuses.filter((s) => s === 'late').length,
    missing: statuses.filter((s) => s === 'missing').length,
  };
}

export const GRID: IntroductionGrid = {
  year: 2026,
  dueDay: 10,
  startMonth: '2026-01',
  today: '2026-12-07',
  months: months2026,
  rows: [
    row(TGPL, [
      'on_time',
      'late',
      'on_time',
      'on_time',
      'missing',
      'on_time',
      'on_time',
      'late',
      'on_time',
      'missing',
      'on_time',
      'pending',
    ]),
    row(PBGDPL, [
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
      'on_time',
    ]),
  ],
};

export function obligation(over: Partial<Obligation>): Obligation {
  return {
    key: 'annual_report:2026:12',
    kind: 'annual_report',
    period: '2026',
    title: 'Báo cáo định kỳ năm 2026',
    unit: { id: 12, code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý', shortName: 'Trung tâm TGPL' },
    responsible: 'unit',
    owedTo: 'Văn phòng Sở',
    statedDue: '2026-10-20',
    statedRule: 'by',
    dueOn: '2026-10-20',
    deadline: '2026-10-20T16:59:59Z',
    daysLeft: -48,
    status: 'missing',
    fulfilment: [],
    link: '/lich-bao-cao?key=annual_report:2026:12',
    ...over,
  };
}

/** `GET /dashboard` for 2026, the Department, judged on 07/12/2026. */
export function dashboardAnswer(over: Partial<Dashboard> = {}): Dashboard {
  return {
    today: '2026-12-07',
    year: 2026,
    firstYear: 2026,
    lastYear: 2030,
    unit: null,
    yearFigures: {
      ...FIGURES_2026,
      introductions: { judged: 22, onTime: 17, late: 2, missing: 2, byUnit: [] },
      evaluations: {
        total: 5,
        byConclusion: [
          { key: 'passed', label: 'Đạt', count: 4 },
          { key: 'needs_nurturing', label: 'Cần bồi dưỡng thêm', count: 1 },
          { key: 'not_passed', label: 'Chưa đạt', count: 0 },
        ],
        byEvaluator: [],
      },
      replications: { total: 3, exemplars: 1, adopters: 3, byScale: [] },
      difficulties: {
        total: 2,
        byStatus: [
          { key: 'open', label: 'Mới gửi', count: 1 },
          { key: 'closed', label: 'Đã đóng', count: 1 },
        ],
        items: [],
      },
    },
    planFigures: {
      ...FIGURES_PLAN,
      introductions: { judged: 22, onTime: 17, late: 2, missing: 2, byUnit: [] },
    },
    timeline: TIMELINE.filter((m) => m.month <= '2026-12'),
    introductions: GRID,
    obligations: {
      overdue: [obligation({})],
      dueSoon: [
        obligation({
          key: 'monthly_introduction:2026-12:7',
          kind: 'monthly_introduction',
          period: '2026-12',
          title: 'Giới thiệu điển hình tháng 12/2026',
          unit: PBGDPL,
          dueOn: '2026-12-10',
          statedDue: '2026-12-10',
          daysLeft: 3,
          status: 'due_soon',
          link: '/gioi-thieu?month=2026-12',
        }),
      ],
      overdueTotal: 14,
      dueSoonTotal: 1,
    },
    ...over,
  };
}
