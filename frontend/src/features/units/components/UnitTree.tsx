import { Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { UnitNode } from '@/lib/api/models';
import { indexTree, UNIT_KIND_COLORS } from './unit-kinds';

function toTreeData(nodes: UnitNode[]): DataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
      <span data-testid={`unit-tree-node-${node.code}`}>
        <Tag color={UNIT_KIND_COLORS[node.kind]} style={{ marginInlineEnd: 6 }}>
          {node.code}
        </Tag>
        <span style={node.active ? undefined : { color: '#8c8c8c', textDecoration: 'line-through' }}>
          {node.name}
        </span>
        {!node.active && (
          <Tag style={{ marginInlineStart: 6 }} data-testid="inactive-tag">
            Ngừng hoạt động
          </Tag>
        )}
      </span>
    ),
    children: toTreeData(node.children),
  }));
}

interface UnitTreeProps {
  nodes: UnitNode[];
  onSelect: (unit: UnitNode) => void;
}

/** The organisation tree, fully expanded; clicking a unit opens its details. */
export function UnitTree({ nodes, onSelect }: UnitTreeProps) {
  const byId = useMemo(() => indexTree(nodes), [nodes]);

  return (
    <Tree
      // Remount when the set of units changes, so newly added units are expanded too.
      key={[...byId.keys()].join(',')}
      treeData={toTreeData(nodes)}
      defaultExpandAll
      showLine
      blockNode
      selectedKeys={[]}
      onSelect={(_, { node }) => {
        const unit = byId.get(node.key as number);
        if (unit) onSelect(unit);
      }}
      data-testid="unit-tree"
    />
  );
}
