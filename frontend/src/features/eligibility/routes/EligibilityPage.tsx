import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, InputNumber, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ActiveTag } from '@/components/ActiveTag';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { UnitSelect } from '@/components/UnitSelect';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { formatApiDate } from '@/lib/dates';
import { flattenUnitTree } from '@/lib/unit-tree';
import { type FactKind, useAwardForms, useDisciplineRecords, useRules, useTitleRecords } from '../api/facts';
import type { DisciplineRecord, FactListParams, Rule, TitleRecord } from '../api/types';
import { FactImportModal } from '../components/FactImportModal';
import {
  CHECK_KIND_LABELS,
  COMMENDATION_TYPE_LABELS,
  DISCIPLINE_KIND_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  periodText,
  ruleParameters,
  SEVERITY_LABELS,
} from '../components/labels';

const TABS = ['danh-hieu', 'ky-luat', 'quy-tac'] as const;
type Tab = (typeof TABS)[number];

/** The facts the eligibility rules read (titles, discipline) and the rules themselves. */
export default function EligibilityPage() {
  const [search, setSearch] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'danh-hieu';
  const user = useCurrentUser();
  const canImport = user.role === 'office';
  const [importing, setImporting] = useState<FactKind | null>(null);

  return (
    <>
      <PageHeading
        title="Điều kiện khen thưởng"
        subtitle="Danh hiệu đã đạt, kỷ luật và vụ việc đang xem xét, các quy tắc xét điều kiện khen thưởng"
        extra={
          canImport &&
          tab !== 'quy-tac' && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(tab === 'danh-hieu' ? 'titles' : 'discipline')}
              data-testid="fact-import-open"
            >
              Nhập từ tệp
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'danh-hieu', label: 'Danh hiệu đã đạt', children: <TitlesTab /> },
          { key: 'ky-luat', label: 'Kỷ luật, vụ việc', children: <DisciplineTab /> },
          { key: 'quy-tac', label: 'Quy tắc xét điều kiện', children: <RulesTab /> },
        ]}
        data-testid="eligibility-tabs"
      />
      {importing && <FactImportModal kind={importing} onClose={() => setImporting(null)} />}
    </>
  );
}

function useUnitNames() {
  const units = useQuery(unitTreeQuery(false));
  const names = useMemo(
    () => new Map(flattenUnitTree(units.data ?? []).map(({ unit }) => [unit.id, unit.shortName])),
    [units.data],
  );
  return { tree: units.data, nameOf: (id: number | null | undefined) => (id ? names.get(id) : undefined) };
}

function useFormNames() {
  const forms = useAwardForms();
  const names = useMemo(
    () => new Map((forms.data ?? []).map((form) => [form.code, form.name])),
    [forms.data],
  );
  return {
    options: [...names].map(([value, label]) => ({ value, label: `${label} (${value})` })),
    nameOf: (code: string) => names.get(code) ?? code,
  };
}

interface FilterState {
  q?: string;
  unitId?: number;
  year?: number;
  titleCode?: string;
  page: number;
  pageSize: number;
}

function useFilters() {
  const [state, setState] = useState<FilterState>({ page: 1, pageSize: 20 });
  const set = (patch: Partial<FilterState>) => setState((current) => ({ ...current, ...patch, page: 1 }));
  const params: FactListParams = {
    q: state.q || undefined,
    unitId: state.unitId,
    year: state.year,
    titleCode: state.titleCode,
    page: state.page,
    pageSize: state.pageSize,
  };
  return {
    state,
    set,
    setPage: (page: number, pageSize: number) => setState((s) => ({ ...s, page, pageSize })),
    params,
  };
}

function FilterBarFor({
  filters,
  withTitle,
  prefix,
}: {
  filters: ReturnType<typeof useFilters>;
  withTitle: boolean;
  prefix: string;
}) {
  const units = useUnitNames();
  const forms = useFormNames();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <SearchInput
        value={filters.state.q}
        onSearch={(q) => filters.set({ q })}
        placeholder="Tìm theo họ tên, đơn vị công tác"
        testId={`${prefix}-search`}
      />
      <UnitSelect
        tree={units.tree}
        allowClear
        placeholder="Đơn vị"
        value={filters.state.unitId}
        onChange={(unitId) => filters.set({ unitId })}
        style={{ minWidth: 220 }}
        data-testid={`${prefix}-unit`}
      />
      <InputNumber
        placeholder="Năm"
        min={1990}
        max={2100}
        value={filters.state.year}
        onChange={(year) => filters.set({ year: year ?? undefined })}
        style={{ width: 110 }}
        data-testid={`${prefix}-year`}
      />
      {withTitle && (
        <Select
          allowClear
          showSearch
          placeholder="Danh hiệu"
          value={filters.state.titleCode}
          onChange={(titleCode) => filters.set({ titleCode })}
          options={forms.options}
          optionFilterProp="label"
          style={{ minWidth: 240 }}
          data-testid={`${prefix}-title`}
        />
      )}
    </Flex>
  );
}

function pagination(
  data: { total: number; page: number; pageSize: number } | undefined,
  noun: string,
  onChange: (page: number, pageSize: number) => void,
) {
  return {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? 20,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total: number) => `${total} ${noun}`,
    onChange,
  };
}

function TitlesTab() {
  const filters = useFilters();
  const titles = useTitleRecords(filters.params);
  const units = useUnitNames();
  const forms = useFormNames();
  return (
    <Card>
      <FilterBarFor filters={filters} withTitle prefix="titles" />
      <ProblemAlert error={titles.error} />
      <Table<TitleRecord>
        rowKey="id"
        size="middle"
        loading={titles.isFetching}
        dataSource={titles.data?.items}
        scroll={{ x: true }}
        pagination={pagination(titles.data, 'danh hiệu', filters.setPage)}
        onRow={(record) => ({ 'data-testid': `title-row-${record.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Họ và tên / tập thể',
            key: 'name',
            render: (_, record) => (
              <>
                <div>{record.fullName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {record.subjectKind === 'collective' ? 'Tập thể' : 'Cá nhân'} · {record.workplace}
                  {units.nameOf(record.unitId) ? ` (${units.nameOf(record.unitId)})` : ''}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Danh hiệu', key: 'title', render: (_, record) => forms.nameOf(record.titleCode) },
          { title: 'Năm', dataIndex: 'year', key: 'year' },
          {
            title: 'Loại',
            key: 'type',
            render: (_, record) => COMMENDATION_TYPE_LABELS[record.commendationType],
            responsive: ['md'],
          },
          {
            title: 'Quyết định',
            key: 'decision',
            render: (_, record) =>
              [record.decisionRef, record.decidedOn ? `ngày ${formatApiDate(record.decidedOn)}` : null]
                .filter(Boolean)
                .join(' ') || '—',
            responsive: ['lg'],
          },
          {
            title: 'Nguồn',
            key: 'source',
            render: (_, record) =>
              ({ manual: 'Nhập tay', import: 'Nhập từ tệp', decision: 'Theo quyết định' })[record.source],
            responsive: ['lg'],
          },
        ]}
        locale={{ emptyText: 'Không có danh hiệu nào phù hợp' }}
        data-testid="titles-table"
      />
    </Card>
  );
}

function DisciplineTab() {
  const filters = useFilters();
  const records = useDisciplineRecords(filters.params);
  const units = useUnitNames();
  return (
    <Card>
      <FilterBarFor filters={filters} withTitle={false} prefix="discipline" />
      <ProblemAlert error={records.error} />
      <Table<DisciplineRecord>
        rowKey="id"
        size="middle"
        loading={records.isFetching}
        dataSource={records.data?.items}
        scroll={{ x: true }}
        pagination={pagination(records.data, 'bản ghi', filters.setPage)}
        onRow={(record) => ({ 'data-testid': `discipline-row-${record.id}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Họ và tên',
            key: 'name',
            render: (_, record) => (
              <>
                <div>{record.fullName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {record.workplace}
                  {units.nameOf(record.unitId) ? ` (${units.nameOf(record.unitId)})` : ''}
                </Typography.Text>
              </>
            ),
          },
          {
            title: 'Loại',
            key: 'kind',
            render: (_, record) => (
              <Tag color={record.kind === 'discipline' ? 'red' : 'orange'}>
                {DISCIPLINE_KIND_LABELS[record.kind]}
              </Tag>
            ),
          },
          {
            title: 'Hình thức',
            key: 'level',
            render: (_, record) => (record.level ? DISCIPLINE_LEVEL_LABELS[record.level] : '—'),
          },
          {
            title: 'Thời gian',
            key: 'period',
            render: (_, record) => periodText(record.startsOn, record.endsOn, formatApiDate),
          },
          { title: 'Ghi chú', dataIndex: 'note', key: 'note', responsive: ['lg'] },
        ]}
        locale={{ emptyText: 'Không có bản ghi nào phù hợp' }}
        data-testid="discipline-table"
      />
    </Card>
  );
}

function RulesTab() {
  const rules = useRules();
  const forms = useFormNames();
  const sorted = useMemo(() => [...(rules.data ?? [])].sort((a, b) => a.position - b.position), [rules.data]);
  return (
    <Card>
      <ProblemAlert error={rules.error} />
      <Table<Rule>
        rowKey="id"
        size="middle"
        loading={rules.isFetching}
        dataSource={sorted}
        pagination={false}
        scroll={{ x: true }}
        onRow={(rule) => ({ 'data-testid': `rule-row-${rule.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: 'Quy tắc',
            key: 'name',
            render: (_, rule) => (
              <div style={{ minWidth: 240, maxWidth: 420, whiteSpace: 'normal' }}>
                <div style={{ fontWeight: 500 }}>{rule.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {CHECK_KIND_LABELS[rule.checkKind]}
                  {ruleParameters(rule, forms.nameOf) ? ` — ${ruleParameters(rule, forms.nameOf)}` : ''}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: 'Áp dụng cho',
            key: 'form',
            render: (_, rule) => (rule.awardFormCode ? forms.nameOf(rule.awardFormCode) : 'Mọi hình thức'),
          },
          {
            title: 'Mức độ',
            key: 'severity',
            render: (_, rule) => (
              <Tag
                color={rule.severity === 'block' ? 'red' : 'gold'}
                data-testid={`rule-severity-${rule.code}`}
              >
                {SEVERITY_LABELS[rule.severity]}
              </Tag>
            ),
          },
          {
            title: 'Căn cứ pháp lý',
            key: 'legalBasis',
            render: (_, rule) => <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>{rule.legalBasis}</div>,
          },
          {
            title: 'Trạng thái',
            key: 'active',
            render: (_, rule) => (
              <ActiveTag active={rule.active} activeLabel="Đang áp dụng" inactiveLabel="Tạm ngừng" />
            ),
          },
        ]}
        locale={{ emptyText: 'Chưa có quy tắc nào' }}
        data-testid="rules-table"
      />
    </Card>
  );
}
