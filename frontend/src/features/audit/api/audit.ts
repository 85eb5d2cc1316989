import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditListParams } from '@/lib/api/models';
import { auditListQuery } from '@/lib/api/queries/audit';
import { userListQuery, userQuery } from '@/lib/api/queries/users';

export function useAuditLog(params: AuditListParams) {
  return useQuery({ ...auditListQuery(params), placeholderData: keepPreviousData });
}

/** People to filter by, found by name or username as the user types. */
export function useActorSearch(q: string) {
  return useQuery({
    ...userListQuery({ q: q || undefined, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
}

/** One person, to show the name of the actor chosen in the filter. */
export function useActor(id: number | undefined) {
  return useQuery({ ...userQuery(id ?? 0), enabled: id !== undefined });
}
