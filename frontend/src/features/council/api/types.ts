import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

// The council's API types, named once here (kept out of the shared models.ts to ease merges).
export type AgendaItem = Schemas['AgendaItem'];
export type AttendanceEntry = Schemas['AttendanceEntry'];
export type AttendanceView = Schemas['AttendanceView'];
export type BallotChoice = Schemas['BallotChoice'];
export type BallotView = Schemas['BallotView'];
export type CallerView = Schemas['CallerView'];
export type CloseInput = Schemas['CloseInput'];
export type Council = Schemas['Council'];
export type CouncilInput = Schemas['CouncilInput'];
export type CouncilMember = Schemas['CouncilMember'];
export type CouncilRole = Schemas['CouncilRole'];
export type Meeting = Schemas['Meeting'];
export type MeetingAction = Schemas['MeetingAction'];
export type MeetingAllowedAction = Schemas['MeetingAllowedAction'];
export type MeetingInput = Schemas['MeetingInput'];
export type MemberInput = Schemas['MemberInput'];
export type ModeratedComment = Schemas['ModeratedComment'];
export type CommentStatus = Schemas['CommentStatus'];
/** The proposal a comment in the Office's queue is about, and a comment of that queue. */
export type CommentProposal = Schemas['CommentProposal'];
export type QueuedComment = Schemas['QueuedComment'];
export type ProposalSummary = Schemas['ProposalSummary'];
export type TallyView = Schemas['TallyView'];
export type VoteDenominator = Schemas['VoteDenominator'];
