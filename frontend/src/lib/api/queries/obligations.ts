import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

/** The calendar's filters, as the API takes them. */
export interface ObligationFilters {
  unitId?: number;
  responsible?: Schemas['Responsible'];
  kind?: Schemas['ObligationKind'];
  period?: string;
  status?: Schemas['ObligationStatus'];
}

/** Everything about the calendar sits under `obligations`: a report's step invalidates it all. */
export const obligationKeys = {
  all: ['obligations'] as const,
  list: (filters: ObligationFilters, page: number, pageSize: number) =>
    ['obligations', 'list', filters, page, pageSize] as const,
  submission: (id: number) => ['obligations', 'submission', id] as const,
};

/** `GET /obligations`: what is owed, by whom, when (a unit's people see their unit's). */
export function obligationListQuery(filters: ObligationFilters, page: number, pageSize: number) {
  return queryOptions({
    queryKey: obligationKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/obligations', { params: { query: { ...filters, page, pageSize } }, signal })),
  });
}
