import type { components } from '@/lib/api/schema';
import type { ReportKind } from './api/types';

type CalendarSettings = components['schemas']['CalendarSettings'];

/** What the calendar needs to name a kind's periods. */
export type PlanYears = Pick<CalendarSettings, 'firstYear' | 'lastYear' | 'midtermReview' | 'finalReview'>;

export interface PeriodOption {
  value: string;
  label: string;
}

const reviewPeriod = (review: PlanYears['midtermReview']) => `${review.fromYear}-${review.toYear}`;

/**
 * The periods a calendar report of `kind` can be for, as the API names them: each year of the
 * plan for the annual report, the review's years for the mid-term and final reviews.
 */
export function periodOptions(kind: ReportKind | undefined, plan: PlanYears | undefined): PeriodOption[] {
  if (!plan || !kind || kind === 'on_demand') return [];
  if (kind === 'annual_report') {
    const years: PeriodOption[] = [];
    for (let year = plan.firstYear; year <= plan.lastYear; year += 1) {
      years.push({ value: String(year), label: `Năm ${year}` });
    }
    return years;
  }
  const review = kind === 'midterm_review' ? plan.midtermReview : plan.finalReview;
  return [{ value: reviewPeriod(review), label: `Giai đoạn ${review.fromYear}–${review.toYear}` }];
}

/** The period to offer first: this year's annual report (else the nearest year of the plan), the review's. */
export function defaultPeriod(
  kind: ReportKind | undefined,
  plan: PlanYears | undefined,
  thisYear: number,
): string | undefined {
  const options = periodOptions(kind, plan);
  if (options.length === 0 || !plan) return undefined;
  if (kind !== 'annual_report') return options[0].value;
  return String(Math.min(Math.max(thisYear, plan.firstYear), plan.lastYear));
}
