import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Checkbox, DatePicker, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FilterBar } from '@/components/FilterBar';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SearchInput } from '@/components/SearchInput';
import { UnitSelect } from '@/components/UnitSelect';
import { useErrorNotice } from '@/components/use-error-notice';
import type {
  Category,
  Conclusion,
  ExemplarFilters,
  MilestoneWindow,
  RecordStatus,
  Stage,
  SubjectKind,
} from '@/lib/api/models';
import { movementChoicesQuery } from '@/lib/api/queries/movements';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { dayjs } from '@/lib/dates';
import { useListParams } from '@/lib/list-params';
import { PATHS, ROUTE_ROLES } from '@/lib/navigation';
import { isUnitRole } from '@/lib/roles';
import { searchOptions } from '@/lib/text';
import {
  CATEGORY_LABELS,
  CONCLUSION_LABELS,
  CONCLUSIONS,
  optionsOf,
  RECORD_STATUS_LABELS,
  STAGE_LABELS,
  STAGES,
  SUBJECT_KIND_LABELS,
} from '@/lib/vocabulary';
import { useExemplars, useExportExemplars } from '../api/exemplars';
import { ExemplarTable } from '../components/ExemplarTable';
import { FIELD_OPTIONS } from '../components/fields-of-work';
import { ImportModal } from '../components/ImportModal';

const FILTERS = [
  'q',
  'unitId',
  'category',
  'stage',
  'movementId',
  'field',
  'year',
  'yearFrom',
  'yearTo',
  'excludeDrafts',
  'conclusion',
  'recordStatus',
  'subjectKind',
  'hasProposal',
  'returned',
  'milestones',
] as const;

const MILESTONE_OPTIONS: { value: MilestoneWindow; label: string }[] = [
  { value: 'due_soon', label: 'Mốc bồi dưỡng sắp đến hạn' },
  { value: 'overdue', label: 'Mốc bồi dưỡng quá hạn' },
];

const number = (value: string | undefined) => (value ? Number(value) : undefined);

/** A year from the address as the picker's day (1 January), or null when there is none. */
const yearDay = (value: string | undefined) => (value ? dayjs(`${value}-01-01`) : null);

export default function ExemplarListPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const notifyError = useErrorNotice();
  const list = useListParams(FILTERS);
  const f = list.filters;
  const filters: ExemplarFilters = {
    q: f.q,
    unitId: number(f.unitId),
    category: f.category as Category | undefined,
    stage: f.stage as Stage | undefined,
    movementId: number(f.movementId),
    field: f.field,
    year: number(f.year),
    yearFrom: number(f.yearFrom),
    yearTo: number(f.yearTo),
    excludeDrafts: f.excludeDrafts === 'true' ? true : undefined,
    conclusion: f.conclusion as Conclusion | undefined,
    recordStatus: f.recordStatus as RecordStatus | undefined,
    subjectKind: f.subjectKind as SubjectKind | undefined,
    hasProposal: f.hasProposal === 'true' ? true : undefined,
    returned: f.returned === 'true' ? true : undefined,
    milestones: f.milestones as MilestoneWindow | undefined,
    sort: list.sort,
  };
  const exemplars = useExemplars({ ...filters, page: list.page, pageSize: list.pageSize });
  const seesAllUnits = !isUnitRole(user.role);
  const units = useQuery(unitTreeQuery(true));
  const movements = useQuery(movementChoicesQuery(false));
  const exporter = useExportExemplars();
  const canWrite = (ROUTE_ROLES.exemplarWrite as readonly string[]).includes(user.role);
  const [importing, setImporting] = useState(false);
  const [fieldText, setFieldText] = useState(f.field ?? '');

  return (
    <>
      <PageHeading
        title="Điển hình tiên tiến"
        subtitle="Phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến"
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              loading={exporter.isPending}
              onClick={() => exporter.mutate(filters, { onError: notifyError })}
              data-testid="exemplar-export"
            >
              Xuất Excel
            </Button>
            {canWrite && (
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="exemplar-import"
              >
                Nhập từ tệp
              </Button>
            )}
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate(PATHS.newExemplar)}
                data-testid="exemplar-create"
              >
                Thêm điển hình
              </Button>
            )}
          </>
        }
      />
      <Card>
        <FilterBar
          // The year range is one filter, however many of its ends are set.
          activeCount={
            FILTERS.filter((key) => key !== 'q' && !(key === 'yearTo' && f.yearFrom) && f[key]).length
          }
          search={
            <SearchInput
              value={f.q}
              onSearch={(value) => list.setFilters({ q: value })}
              placeholder="Tìm theo tên, lĩnh vực, thành tích (gõ không dấu cũng được)"
              testId="exemplar-search"
            />
          }
        >
          {seesAllUnits && (
            <UnitSelect
              tree={units.data}
              allowClear
              placeholder="Đơn vị"
              value={number(f.unitId)}
              onChange={(value) =>
                list.setFilters({ unitId: value === undefined ? undefined : String(value) })
              }
              style={{ minWidth: 200 }}
              data-testid="exemplar-filter-unit"
            />
          )}
          <Select
            allowClear
            placeholder="Phân loại"
            value={f.category}
            onChange={(value) => list.setFilters({ category: value })}
            options={optionsOf(CATEGORY_LABELS)}
            style={{ minWidth: 190 }}
            data-testid="exemplar-filter-category"
          />
          <Select
            allowClear
            placeholder="Giai đoạn"
            value={f.stage}
            onChange={(value) => list.setFilters({ stage: value })}
            options={optionsOf(STAGE_LABELS, STAGES)}
            style={{ minWidth: 150 }}
            data-testid="exemplar-filter-stage"
          />
          <Select
            allowClear
            placeholder="Đối tượng"
            value={f.subjectKind}
            onChange={(value) => list.setFilters({ subjectKind: value })}
            options={optionsOf(SUBJECT_KIND_LABELS)}
            style={{ minWidth: 120 }}
            data-testid="exemplar-filter-subject"
          />
          <Select
            allowClear
            showSearch={searchOptions}
            placeholder="Phong trào thi đua"
            value={number(f.movementId)}
            onChange={(value?: number) =>
              list.setFilters({ movementId: value === undefined ? undefined : String(value) })
            }
            options={(movements.data?.items ?? []).map((movement) => ({
              value: movement.id,
              label: movement.name,
              search: `${movement.code} ${movement.name}`,
            }))}
            popupMatchSelectWidth={false}
            style={{ width: 220 }}
            data-testid="exemplar-filter-movement"
          />
          <AutoComplete
            allowClear
            placeholder="Lĩnh vực"
            value={fieldText}
            options={FIELD_OPTIONS}
            onChange={(value?: string) => {
              setFieldText(value ?? '');
              if (!value) list.setFilters({ field: undefined });
            }}
            onSelect={(value?: string) => list.setFilters({ field: value })}
            onBlur={() => list.setFilters({ field: fieldText.trim() || undefined })}
            popupMatchSelectWidth={false}
            style={{ width: 200 }}
            data-testid="exemplar-filter-field"
          />
          <DatePicker
            picker="year"
            placeholder="Năm phát hiện"
            value={f.year ? dayjs(`${f.year}-01-01`) : null}
            onChange={(day) => list.setFilters({ year: day ? String(day.year()) : undefined })}
            style={{ width: 140 }}
            data-testid="exemplar-filter-year"
          />
          <DatePicker.RangePicker
            picker="year"
            placeholder={['Từ năm', 'Đến năm']}
            allowEmpty={[true, true]}
            value={f.yearFrom || f.yearTo ? [yearDay(f.yearFrom), yearDay(f.yearTo)] : null}
            onChange={(days) =>
              list.setFilters({
                yearFrom: days?.[0] ? String(days[0].year()) : undefined,
                yearTo: days?.[1] ? String(days[1].year()) : undefined,
              })
            }
            style={{ width: 220 }}
            data-testid="exemplar-filter-years"
          />
          <Select
            allowClear
            placeholder="Kết luận"
            value={f.conclusion}
            onChange={(value) => list.setFilters({ conclusion: value })}
            options={optionsOf(CONCLUSION_LABELS, CONCLUSIONS)}
            style={{ minWidth: 170 }}
            data-testid="exemplar-filter-conclusion"
          />
          <Select
            allowClear
            placeholder="Trạng thái hồ sơ"
            value={f.recordStatus}
            onChange={(value) => list.setFilters({ recordStatus: value })}
            options={optionsOf(RECORD_STATUS_LABELS)}
            style={{ minWidth: 160 }}
            data-testid="exemplar-filter-record"
          />
          <Checkbox
            checked={f.hasProposal === 'true'}
            onChange={(event) => list.setFilters({ hasProposal: event.target.checked ? 'true' : undefined })}
            style={{ alignSelf: 'center' }}
            data-testid="exemplar-filter-proposal"
          >
            Có đề xuất chờ duyệt
          </Checkbox>
          <Checkbox
            checked={f.returned === 'true'}
            onChange={(event) => list.setFilters({ returned: event.target.checked ? 'true' : undefined })}
            style={{ alignSelf: 'center' }}
            data-testid="exemplar-filter-returned"
          >
            Bị trả lại
          </Checkbox>
          <Checkbox
            checked={f.excludeDrafts === 'true'}
            onChange={(event) =>
              list.setFilters({ excludeDrafts: event.target.checked ? 'true' : undefined })
            }
            style={{ alignSelf: 'center' }}
            data-testid="exemplar-filter-exclude-drafts"
          >
            Không tính bản nháp
          </Checkbox>
          <Select
            allowClear
            placeholder="Mốc bồi dưỡng"
            value={f.milestones}
            onChange={(value) => list.setFilters({ milestones: value })}
            options={MILESTONE_OPTIONS}
            style={{ minWidth: 200 }}
            data-testid="exemplar-filter-milestones"
          />
        </FilterBar>
        <ProblemAlert error={exemplars.error} />
        <ExemplarTable
          data={exemplars.data}
          loading={exemplars.isFetching}
          sort={list.sort}
          showUnit={seesAllUnits}
          onPage={list.setPage}
          onSort={list.setSort}
        />
      </Card>
      {importing && <ImportModal chooseUnit={user.role === 'office'} onClose={() => setImporting(false)} />}
    </>
  );
}
