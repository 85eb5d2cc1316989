import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type Count = Schemas['Count'];
export type Figures = Schemas['Figures'];
export type FigureUnit = Schemas['FigureUnit'];
export type IntroductionGrid = Schemas['IntroductionGrid'];
export type GridRow = Schemas['GridRow'];
export type GridCell = Schemas['GridCell'];
export type Obligation = Schemas['Obligation'];

// TEMPORARY, until the "Dashboard endpoint" commit is on main and `gen:api` generates these:
// the shape the lead announced for `GET /api/v1/dashboard`.
export interface TimelineMonth {
  /** `YYYY-MM`. */
  month: string;
  discovered: number;
  /** Every stage, by the stage the exemplars stand in now. */
  byStage: Count[];
  /** Every category. */
  byCategory: Count[];
  /** Only the movements with exemplars that month. */
  byMovement: Count[];
}

export interface OpenObligations {
  overdue: Obligation[];
  dueSoon: Obligation[];
  overdueTotal: number;
  dueSoonTotal: number;
}

export interface Dashboard {
  today: string;
  year: number;
  firstYear: number;
  lastYear: number;
  unit?: FigureUnit | null;
  yearFigures: Figures;
  planFigures: Figures;
  timeline: TimelineMonth[];
  introductions: IntroductionGrid;
  obligations: OpenObligations;
}
