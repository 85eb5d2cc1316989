import { Tag } from 'antd';
import type { UnitKind } from '@/lib/api/models';
import { UNIT_KIND_COLORS, UNIT_KIND_LABELS } from './unit-kinds';

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  return <Tag color={UNIT_KIND_COLORS[kind]}>{UNIT_KIND_LABELS[kind]}</Tag>;
}
