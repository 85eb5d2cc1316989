import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { AuditListParams } from '@/lib/api/models';

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => ['audit', params] as const,
};

/** `GET /audit`: one page of the audit log. */
export function auditListQuery(params: AuditListParams) {
  return queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/audit', { params: { query: params }, signal })),
  });
}
