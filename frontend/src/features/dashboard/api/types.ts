import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

/** `GET /dashboard`'s answer, and what it is made of. */
export type Dashboard = Schemas['Dashboard'];
export type TimelineMonth = Schemas['TimelineMonth'];
export type OpenObligations = Schemas['OpenObligations'];
export type Count = Schemas['Count'];
export type Figures = Schemas['Figures'];
export type FigureUnit = Schemas['FigureUnit'];
export type IntroductionGrid = Schemas['IntroductionGrid'];
export type GridRow = Schemas['GridRow'];
export type GridCell = Schemas['GridCell'];
export type Obligation = Schemas['Obligation'];
