import { describe, expect, it } from 'vitest';
import type { UnitKind, UnitNode } from '@/lib/api/models';
import { allowedParents } from './unit-kinds';

let nextId = 1;
function node(code: string, kind: UnitKind, children: UnitNode[] = [], active = true): UnitNode {
  const id = nextId++;
  return {
    id,
    code,
    name: code,
    shortName: code,
    kind,
    active,
    sortOrder: 0,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    children,
  };
}

const branch = node('TGPL-CN1', 'affiliated');
const tgpl = node('TGPL', 'affiliated', [branch]);
const tree = [
  node('STP', 'department', [
    node('VP', 'internal'),
    node('TTR', 'internal', [], false),
    tgpl,
    node('PCC2', 'affiliated', [], false),
  ]),
];
const codes = (options: { name: string }[]) => options.map((option) => option.name);

describe('allowedParents', () => {
  it('puts an internal unit only directly under the Department', () => {
    expect(codes(allowedParents(tree, 'internal'))).toEqual(['STP']);
  });

  it('puts an affiliated unit under the Department or an active affiliated unit', () => {
    expect(codes(allowedParents(tree, 'affiliated'))).toEqual(['STP', 'TGPL', 'TGPL-CN1']);
  });

  it('never offers the unit itself or its own subordinates', () => {
    expect(codes(allowedParents(tree, 'affiliated', tgpl.id))).toEqual(['STP']);
  });

  it('gives the Department no parent', () => {
    expect(allowedParents(tree, 'department')).toEqual([]);
  });

  it('indents options by their level in the tree', () => {
    expect(allowedParents(tree, 'affiliated').map((option) => option.depth)).toEqual([0, 1, 2]);
  });
});
