import type { Introduction, Role } from '@/lib/api/models';

export interface Caller {
  role: Role;
  unitId: number | null | undefined;
}

/** Who writes introductions: the Office for any unit, unit staff and heads for their own. */
export function canWriteIntroductions(caller: Caller): boolean {
  return caller.role === 'office' || caller.role === 'unit_head' || caller.role === 'unit_staff';
}

/** What the caller may do with one introduction: drafts are edited, submitted or deleted; sent ones are read. */
export function introductionPermissions(caller: Caller, introduction: Pick<Introduction, 'status' | 'unit'>) {
  const draft = introduction.status === 'draft';
  const ownUnit = caller.unitId != null && caller.unitId === introduction.unit.id;
  const writer =
    caller.role === 'office' || ((caller.role === 'unit_head' || caller.role === 'unit_staff') && ownUnit);
  return {
    edit: draft && writer,
    delete: draft && writer,
    submit: draft && (caller.role === 'office' || (caller.role === 'unit_head' && ownUnit)),
  };
}
