import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type Report = Schemas['Report'];
export type ReportSummary = Schemas['ReportSummary'];
export type ReportKind = Schemas['ReportKind'];
export type ReportStatus = Schemas['ReportStatus'];
export type ReportAction = Schemas['ReportAction'];
export type ReportOwner = Schemas['ReportOwner'];
export type NewReportInput = Schemas['NewReportInput'];
export type ReportInput = Schemas['ReportInput'];
export type Narrative = Schemas['Narrative'];
export type Figures = Schemas['Figures'];
export type ReportFigures = Schemas['ReportFigures'];
export type Consolidation = Schemas['Consolidation'];
export type UnitReportEntry = Schemas['UnitReportEntry'];
export type FigureUnit = Schemas['FigureUnit'];
export type Count = Schemas['Count'];
export type CompendiumInput = Schemas['CompendiumInput'];
export type SubmissionStatus = Schemas['SubmissionStatus'];

export type { ReportFilters } from '@/lib/api/queries/reports';
