import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { AuditListParams } from '@/lib/api/models';
import { auditListQuery } from '@/lib/api/queries/audit';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { userListQuery, userQuery } from '@/lib/api/queries/users';
import { flattenUnitTree } from '@/lib/unit-tree';

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

/**
 * The full names of the people with these ids (the log keeps the username at the time; the
 * reader knows people by name). Each person is fetched once and kept in the query cache;
 * someone not found (deleted, or out of reach) stays unnamed.
 */
export function usePeopleNames(
  ids: readonly (number | null | undefined)[],
): (id: number) => string | undefined {
  const unique = [...new Set(ids.filter((id): id is number => typeof id === 'number'))].sort((a, b) => a - b);
  const people = useQueries({
    queries: unique.map((id) => ({ ...userQuery(id), staleTime: 5 * 60_000, retry: false })),
  });
  const names = new Map<number, string>();
  people.forEach((person, index) => {
    if (person.data) names.set(unique[index], person.data.fullName);
  });
  return (id: number) => names.get(id);
}

/** The names of every unit, active or not, by id. */
export function useUnitNames(enabled: boolean): (id: number) => string | undefined {
  const tree = useQuery({ ...unitTreeQuery(true), enabled, staleTime: 5 * 60_000 });
  const names = new Map(flattenUnitTree(tree.data ?? []).map(({ unit }) => [unit.id, unit.name]));
  return (id: number) => names.get(id);
}
