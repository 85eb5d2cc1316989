import type { Scope } from '@/lib/api/models';
import { SCOPE_LABELS } from '@/lib/vocabulary';

export { SCOPE_LABELS };

export const ALL_SCOPES = Object.keys(SCOPE_LABELS) as Scope[];
