import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import type { Unit, UnitKind } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { useListParams } from '@/lib/list-params';
import { useUnits } from '../api/units';
import { UnitDrawer } from '../components/UnitDrawer';
import { UnitFormModal } from '../components/UnitFormModal';
import { UnitTable } from '../components/UnitTable';
import { UnitTree } from '../components/UnitTree';
import { indexTree, UNIT_KIND_LABELS } from '../components/unit-kinds';

const FILTERS = ['q', 'kind', 'active'] as const;

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Đang hoạt động' },
  { value: 'false', label: 'Ngừng hoạt động' },
];

export default function UnitsPage() {
  const user = useCurrentUser();
  const canManage = user.role === 'admin';
  const list = useListParams(FILTERS);
  const { q, kind, active } = list.filters;
  const units = useUnits({
    q,
    kind: kind as UnitKind | undefined,
    active: active === undefined ? undefined : active === 'true',
    sort: list.sort,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [includeInactive, setIncludeInactive] = useState(false);
  const tree = useQuery(unitTreeQuery(includeInactive));
  // Every unit, active or not: for parent names and the details drawer.
  const allUnits = useQuery(unitTreeQuery(true));
  const index = useMemo(() => indexTree(allUnits.data ?? []), [allUnits.data]);
  const parentName = (id: number | null | undefined) => (id == null ? undefined : index.get(id)?.name);

  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = selectedId === null ? null : (index.get(selectedId) ?? null);
  // `null`: closed; `{}`: creating; `{ unit }`: editing.
  const [editing, setEditing] = useState<{ unit?: Unit } | null>(null);

  return (
    <>
      <PageHeading
        title="Đơn vị"
        subtitle="Cơ cấu tổ chức của Sở Tư pháp: đơn vị thuộc Sở và đơn vị trực thuộc"
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({})}
              data-testid="unit-create"
            >
              Thêm đơn vị
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            title="Sơ đồ tổ chức"
            extra={
              <Flex align="center" gap={6}>
                <Switch
                  size="small"
                  checked={includeInactive}
                  onChange={setIncludeInactive}
                  data-testid="unit-tree-include-inactive"
                />
                <Typography.Text type="secondary">Cả đơn vị ngừng hoạt động</Typography.Text>
              </Flex>
            }
          >
            <ProblemAlert error={tree.error} />
            {tree.data ? (
              <UnitTree nodes={tree.data} onSelect={(unit) => setSelectedId(unit.id)} />
            ) : (
              tree.isPending && <Skeleton active />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card title="Danh sách đơn vị">
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <SearchInput
                value={q}
                onSearch={(value) => list.setFilters({ q: value })}
                placeholder="Tìm theo mã, tên (gõ không dấu cũng được)"
                testId="unit-search"
              />
              <Select
                allowClear
                placeholder="Loại đơn vị"
                value={kind}
                onChange={(value) => list.setFilters({ kind: value })}
                options={(Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((value) => ({
                  value,
                  label: UNIT_KIND_LABELS[value],
                }))}
                style={{ minWidth: 180 }}
                data-testid="unit-filter-kind"
              />
              <Select
                allowClear
                placeholder="Trạng thái"
                value={active}
                onChange={(value) => list.setFilters({ active: value })}
                options={ACTIVE_OPTIONS}
                style={{ minWidth: 170 }}
                data-testid="unit-filter-active"
              />
            </Flex>
            <ProblemAlert error={units.error} />
            <UnitTable
              data={units.data}
              loading={units.isFetching}
              sort={list.sort}
              parentName={parentName}
              canManage={canManage}
              onOpen={(unit) => setSelectedId(unit.id)}
              onEdit={(unit) => setEditing({ unit })}
              onPage={list.setPage}
              onSort={list.setSort}
            />
          </Card>
        </Col>
      </Row>
      <UnitDrawer
        unit={selected}
        parentName={parentName(selected?.parentId)}
        canManage={canManage}
        onEdit={(unit) => setEditing({ unit })}
        onClose={() => setSelectedId(null)}
      />
      {editing && <UnitFormModal unit={editing.unit} onClose={() => setEditing(null)} />}
    </>
  );
}
