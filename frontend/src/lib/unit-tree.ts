import type { UnitNode } from '@/lib/api/models';

export interface FlatUnit {
  unit: UnitNode;
  depth: number;
}

/** The tree in display order (each unit followed by its subordinates), with each unit's depth. */
export function flattenUnitTree(nodes: UnitNode[], depth = 0): FlatUnit[] {
  return nodes.flatMap((unit) => [{ unit, depth }, ...flattenUnitTree(unit.children, depth + 1)]);
}
