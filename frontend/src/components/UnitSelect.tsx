import { Select, type SelectProps } from 'antd';
import type { UnitNode } from '@/lib/api/models';
import { searchOptions } from '@/lib/text';
import { flattenUnitTree } from '@/lib/unit-tree';

type UnitSelectProps = Omit<SelectProps<number>, 'options'> & { tree: UnitNode[] | undefined };

/** Picks a unit from the organisation tree, indented by level, searchable by name or code. */
export function UnitSelect({ tree, ...props }: UnitSelectProps) {
  const options = flattenUnitTree(tree ?? []).map(({ unit, depth }) => ({
    value: unit.id,
    label: unit.name,
    search: `${unit.code} ${unit.name} ${unit.shortName}`,
    depth,
  }));
  return (
    <Select<number>
      showSearch={searchOptions}
      options={options}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: (option.data.depth as number) * 14 }}>{option.label}</span>
      )}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
