import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import type { CommentStatus, ModeratedComment } from './types';

export const noticeKeys = {
  all: ['notice-comments'] as const,
  comments: (proposalId: number, status?: CommentStatus) =>
    ['notice-comments', proposalId, status ?? 'all'] as const,
  /** Under `all`, so that a moderation (which invalidates `all`) refreshes the queue too. */
  queue: (status: CommentStatus | undefined, page: number, pageSize: number) =>
    ['notice-comments', 'queue', { status: status ?? 'all', page, pageSize }] as const,
  proposal: (id: number) => ['commendation-proposals', 'detail', id] as const,
};

/** A proposal's detail: its notice window and the counts of its comments. */
export function useNoticeProposal(id: number) {
  return useQuery({
    queryKey: noticeKeys.proposal(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/commendation-proposals/{id}', { params: { path: { id } }, signal })),
  });
}

export function commentsQuery(proposalId: number, status?: CommentStatus) {
  return queryOptions({
    queryKey: noticeKeys.comments(proposalId, status),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/commendation-proposals/{id}/comments', {
          params: { path: { id: proposalId }, query: { status } },
          signal,
        }),
      ),
  });
}

export const useComments = (proposalId: number, status?: CommentStatus) =>
  useQuery(commentsQuery(proposalId, status));

/** How many comments a page of the moderation queue shows. */
export const COMMENT_QUEUE_PAGE_SIZE = 10;

/**
 * The comments of every proposal (oldest first), each with its proposal: with `pending`, what
 * waits for the Office, including comments on proposals whose notice has since ended.
 */
export function useCommentQueue(status: CommentStatus | undefined, page: number) {
  const pageSize = COMMENT_QUEUE_PAGE_SIZE;
  return useQuery({
    queryKey: noticeKeys.queue(status, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/notice-comments', { params: { query: { status, page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useModerateComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      comment,
      approve,
      reason,
    }: {
      comment: ModeratedComment;
      approve: boolean;
      reason: string | null;
    }) => {
      const params = { path: { id: comment.id }, header: { 'If-Match': ifMatch(comment.version) } };
      return unwrap(
        approve
          ? api.POST('/api/v1/notice-comments/{id}/approve', { params, body: { reason } })
          : api.POST('/api/v1/notice-comments/{id}/reject', { params, body: { reason } }),
      );
    },
    onSettled: (_data, _error, { comment }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticeKeys.proposal(comment.proposalId) }),
      ]),
  });
}
