import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { saveFile, unwrapFile } from '@/lib/api/files';
import type {
  BallotChoice,
  CloseInput,
  Council,
  CouncilInput,
  CouncilMember,
  Meeting,
  MeetingInput,
  AttendanceEntry,
  MemberInput,
} from './types';

/** Councils, meetings and ballots all sit under `council`: a change invalidates them together. */
export const councilKeys = {
  all: ['council'] as const,
  councils: ['council', 'councils'] as const,
  meetings: (councilId?: number) => ['council', 'meetings', councilId ?? 'all'] as const,
  meeting: (id: number) => ['council', 'meeting', id] as const,
};

export function councilsQuery() {
  return queryOptions({
    queryKey: councilKeys.councils,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/councils', { signal })),
  });
}

export function meetingsQuery(councilId?: number) {
  return queryOptions({
    queryKey: councilKeys.meetings(councilId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/council-meetings', { params: { query: { councilId } }, signal })),
  });
}

export function meetingQuery(id: number) {
  return queryOptions({
    queryKey: councilKeys.meeting(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/council-meetings/{id}', { params: { path: { id } }, signal })),
  });
}

export const useCouncils = () => useQuery(councilsQuery());
export const useMeetings = (councilId?: number) => useQuery(meetingsQuery(councilId));
export const useMeeting = (id: number) => useQuery(meetingQuery(id));

function useCouncilChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: councilKeys.all });
}

export function useCreateCouncil() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: (input: CouncilInput) => unwrap(api.POST('/api/v1/councils', { body: input })),
    onSuccess: changed,
  });
}

export function useUpdateCouncil() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({ council, input }: { council: Council; input: CouncilInput }) =>
      unwrap(
        api.PUT('/api/v1/councils/{id}', {
          params: { path: { id: council.id }, header: { 'If-Match': ifMatch(council.version) } },
          body: input,
        }),
      ),
    onSettled: changed,
  });
}

export function useAddMember() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({ councilId, input }: { councilId: number; input: MemberInput }) =>
      unwrap(api.POST('/api/v1/councils/{id}/members', { params: { path: { id: councilId } }, body: input })),
    onSuccess: changed,
  });
}

export function useUpdateMember() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({ member, input }: { member: CouncilMember; input: MemberInput }) =>
      unwrap(
        api.PUT('/api/v1/council-members/{id}', {
          params: { path: { id: member.id }, header: { 'If-Match': ifMatch(member.version) } },
          body: input,
        }),
      ),
    onSettled: changed,
  });
}

export function useCreateMeeting() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: (input: MeetingInput) => unwrap(api.POST('/api/v1/council-meetings', { body: input })),
    onSuccess: changed,
  });
}

function versioned(meeting: Meeting) {
  return { path: { id: meeting.id }, header: { 'If-Match': ifMatch(meeting.version) } };
}

export function useSetAttendance() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({ meeting, entries }: { meeting: Meeting; entries: AttendanceEntry[] }) =>
      unwrap(
        api.PUT('/api/v1/council-meetings/{id}/attendance', {
          params: versioned(meeting),
          body: { entries },
        }),
      ),
    onSettled: changed,
  });
}

export function useOpenBallots() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: (meeting: Meeting) =>
      unwrap(api.POST('/api/v1/council-meetings/{id}/open-ballots', { params: versioned(meeting) })),
    onSettled: changed,
  });
}

export function useCloseBallots() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({ meeting, input }: { meeting: Meeting; input: CloseInput }) =>
      unwrap(
        api.POST('/api/v1/council-meetings/{id}/close-ballots', { params: versioned(meeting), body: input }),
      ),
    onSettled: changed,
  });
}

export function useVote() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({
      ballotId,
      choice,
      declareConflict,
    }: {
      ballotId: number;
      choice: BallotChoice;
      declareConflict: boolean;
    }) =>
      unwrap(
        api.POST('/api/v1/ballots/{id}/vote', {
          params: { path: { id: ballotId } },
          body: { choice, declareConflict },
        }),
      ),
    onSettled: changed,
  });
}

export function useWrittenVote() {
  const changed = useCouncilChanged();
  return useMutation({
    mutationFn: ({
      ballotId,
      memberId,
      choice,
      declareConflict,
    }: {
      ballotId: number;
      memberId: number;
      choice: BallotChoice;
      declareConflict: boolean;
    }) =>
      unwrap(
        api.POST('/api/v1/ballots/{id}/written-votes', {
          params: { path: { id: ballotId } },
          body: { memberId, choice, declareConflict },
        }),
      ),
    onSettled: changed,
  });
}

/** The minutes (biên bản) of a closed meeting, as a Word file. */
export function useDownloadMinutes() {
  return useMutation({
    mutationFn: async (meeting: Meeting) => {
      const { blob, fileName } = await unwrapFile(
        api.GET('/api/v1/council-meetings/{id}/minutes', {
          params: { path: { id: meeting.id } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, fileName ?? `bien-ban-hop-hoi-dong-${meeting.id}.docx`);
    },
  });
}
