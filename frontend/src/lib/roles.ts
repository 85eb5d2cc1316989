import type { Role } from '@/lib/api/models';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  leader: 'Lãnh đạo Sở',
  office: 'Văn phòng Sở',
  unit_head: 'Thủ trưởng đơn vị',
  unit_staff: 'Cán bộ đơn vị',
  integration: 'Hệ thống tích hợp',
};

/** Roles a person can hold (service accounts are managed separately). */
export const PERSON_ROLES: Role[] = ['admin', 'leader', 'office', 'unit_head', 'unit_staff'];

/** Roles that act only within their own unit, so a unit is required. */
export function isUnitRole(role: Role | undefined): boolean {
  return role === 'unit_head' || role === 'unit_staff';
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
