import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditAction, EntityType } from '@/lib/api/models';

export interface AuditQuery {
  actorUserId?: number;
  entityType?: EntityType;
  action?: AuditAction;
  from?: string;
  to?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** People to filter by, found by name or username as the user types. */
export function useActorSearch(q: string) {
  return useQuery({
    queryKey: ['users', 'list', { q, pageSize: 20 }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/users', { params: { query: { q: q || undefined, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One person, to show the name of the actor chosen in the filter. */
export function useActor(id: number | undefined) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: id ?? 0 } }, signal })),
    enabled: id !== undefined,
  });
}
