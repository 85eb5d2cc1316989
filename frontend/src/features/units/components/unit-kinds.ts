import type { UnitKind, UnitNode } from '@/lib/api/models';
import { flattenUnitTree } from '@/lib/unit-tree';

export { UNIT_KIND_LABELS } from '@/lib/vocabulary';

export const UNIT_KIND_COLORS: Record<UnitKind, string> = {
  department: 'red',
  internal: 'blue',
  affiliated: 'purple',
};

export interface ParentOption {
  id: number;
  name: string;
  depth: number;
}

/**
 * The units that may be the parent of a unit of `kind`: an internal unit hangs directly under
 * the Department; an affiliated one under the Department or another affiliated unit. When
 * editing, the unit itself and its descendants are excluded (no cycles). Inactive units cannot
 * take new subordinates.
 */
export function allowedParents(tree: UnitNode[], kind: UnitKind, editingId?: number): ParentOption[] {
  if (kind === 'department') return [];
  const accepts = (parent: UnitKind) =>
    kind === 'internal' ? parent === 'department' : parent === 'department' || parent === 'affiliated';
  const withoutEditing = (nodes: UnitNode[]): UnitNode[] =>
    nodes
      .filter((node) => node.id !== editingId)
      .map((node) => ({ ...node, children: withoutEditing(node.children) }));
  return flattenUnitTree(withoutEditing(tree))
    .filter(({ unit }) => unit.active && accepts(unit.kind))
    .map(({ unit, depth }) => ({ id: unit.id, name: unit.name, depth }));
}

/** Unit id → unit, for every node of the tree. */
export function indexTree(tree: UnitNode[]): Map<number, UnitNode> {
  return new Map(flattenUnitTree(tree).map(({ unit }) => [unit.id, unit]));
}
