import { BellOutlined, FileExcelOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Drawer, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Introduction, IntroductionGrid, IntroductionStatus, UnitRef } from '@/lib/api/models';
import { settingsQuery } from '@/lib/api/queries/settings';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { dayjs, formatMonth, todayInVietnam } from '@/lib/dates';
import { useListParams } from '@/lib/list-params';
import { ROUTE_ROLES } from '@/lib/navigation';
import { isUnitRole } from '@/lib/roles';
import {
  useExportIntroductionGrid,
  useIntroductionGrid,
  useIntroductions,
  useRemindUnits,
} from '../api/introductions';
import { DueDayModal } from '../components/DueDayModal';
import { dueDate } from '../components/grid-status';
import { GridLegend, IntroductionGridTable } from '../components/IntroductionGridTable';
import { IntroductionFormModal } from '../components/IntroductionFormModal';
import { canWriteIntroductions } from '../components/introduction-permissions';
import { IntroductionTable } from '../components/IntroductionTable';
import { reminderSummary, unitsToRemind } from '../components/reminders';

const FILTERS = ['year', 'month', 'unitId', 'status'] as const;

const STATUS_OPTIONS: { value: IntroductionStatus; label: string }[] = [
  { value: 'draft', label: 'Bản nháp' },
  { value: 'submitted', label: 'Đã gửi' },
];

interface Editing {
  introduction?: Introduction;
  defaults?: { unitId?: number; month?: string };
}

export default function IntroductionsPage() {
  const user = useCurrentUser();
  const caller = { role: user.role, unitId: user.unit?.id };
  const list = useListParams(FILTERS);
  const f = list.filters;
  const today = todayInVietnam();
  const thisYear = today.year();
  const currentMonth = today.format('YYYY-MM');
  // A link to a month (`?month=2026-11`, as in a reminder) opens that month's year.
  const linkedMonth = f.month && /^\d{4}-\d{2}$/.test(f.month) ? f.month : undefined;
  const year = f.year ? Number(f.year) : linkedMonth ? Number(linkedMonth.slice(0, 4)) : thisYear;
  const grid = useIntroductionGrid(year);
  const exporter = useExportIntroductionGrid();
  const notifyError = useErrorNotice();
  const settings = useQuery(settingsQuery());
  const seesAllUnits = !isUnitRole(user.role);
  const units = useQuery(unitTreeQuery(true));
  const introductions = useIntroductions({
    month: f.month,
    unitId: f.unitId ? Number(f.unitId) : undefined,
    status: f.status as IntroductionStatus | undefined,
    page: list.page,
    pageSize: list.pageSize,
  });
  const canWrite = canWriteIntroductions(caller);
  const canSetDueDay = (ROUTE_ROLES.programme as readonly string[]).includes(user.role);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [selected, setSelected] = useState<{ unit: UnitRef; month: string } | null>(null);
  const [settingDueDay, setSettingDueDay] = useState(false);
  const dueDay = settings.data?.introductionDueDay ?? grid.data?.dueDay;
  const canRemind = user.role === 'office';
  const [chosenRemindMonth, setRemindMonth] = useState<string>();
  const remindMonth = reminderMonth(chosenRemindMonth ?? linkedMonth, year, currentMonth);
  const confirmReminder = useConfirmReminder();
  const remindOne = (unit: UnitRef) => remindMonth && confirmReminder(remindMonth, [unit]);

  return (
    <>
      <PageHeading
        title="Giới thiệu hằng tháng"
        subtitle={
          <>
            Mỗi đơn vị giới thiệu tối thiểu 01 gương điển hình tiên tiến tiêu biểu trước hoặc trong ngày{' '}
            <strong data-testid="due-day">{dueDay ?? '…'}</strong> hằng tháng.
          </>
        }
        extra={
          <>
            {canSetDueDay && settings.data && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setSettingDueDay(true)}
                data-testid="due-day-edit"
              >
                Đổi hạn giới thiệu
              </Button>
            )}
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({})}
                data-testid="intro-create"
              >
                Thêm bài giới thiệu
              </Button>
            )}
          </>
        }
      />
      <Card
        title="Theo dõi theo tháng"
        extra={
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(day) =>
              list.setFilters({ year: day && day.year() !== thisYear ? String(day.year()) : undefined })
            }
            style={{ width: 120 }}
            data-testid="grid-year"
          />
        }
        style={{ marginBottom: 16 }}
      >
        <ProblemAlert error={grid.error} />
        <Flex gap={12} justify="space-between" align="flex-start" style={{ marginBottom: 12 }}>
          <GridLegend />
          <Button
            icon={<FileExcelOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate(year, { onError: notifyError })}
            data-testid="grid-export"
          >
            Xuất Excel
          </Button>
        </Flex>
        {canRemind && remindMonth && (
          <Reminders
            grid={grid.data}
            month={remindMonth}
            year={year}
            currentMonth={currentMonth}
            onMonth={setRemindMonth}
          />
        )}
        <IntroductionGridTable
          grid={grid.data}
          loading={grid.isFetching}
          onSelect={(unit, month) => setSelected({ unit, month })}
          reminders={canRemind && remindMonth ? { month: remindMonth, onRemind: remindOne } : undefined}
        />
        {grid.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            Xét theo ngày hôm nay ({dayjs(grid.data.today).format('DD/MM/YYYY')}, giờ Việt Nam). Bấm vào một ô
            để xem các bài giới thiệu của đơn vị trong tháng đó.
          </Typography.Paragraph>
        )}
      </Card>
      <Card title="Bài giới thiệu">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="month"
            format="MM/YYYY"
            placeholder="Tháng"
            value={f.month ? dayjs(`${f.month}-01`) : null}
            onChange={(day) => list.setFilters({ month: day ? day.format('YYYY-MM') : undefined })}
            data-testid="intro-filter-month"
          />
          {seesAllUnits && (
            <UnitSelect
              tree={units.data}
              allowClear
              placeholder="Đơn vị"
              value={f.unitId ? Number(f.unitId) : undefined}
              onChange={(value) =>
                list.setFilters({ unitId: value === undefined ? undefined : String(value) })
              }
              style={{ minWidth: 220 }}
              data-testid="intro-filter-unit"
            />
          )}
          <Select
            allowClear
            placeholder="Trạng thái"
            value={f.status}
            onChange={(value) => list.setFilters({ status: value })}
            options={STATUS_OPTIONS}
            style={{ minWidth: 150 }}
            data-testid="intro-filter-status"
          />
        </Flex>
        <ProblemAlert error={introductions.error} />
        <IntroductionTable
          data={introductions.data}
          loading={introductions.isFetching}
          caller={caller}
          showUnit={seesAllUnits}
          onEdit={(introduction) => setEditing({ introduction })}
          onPage={list.setPage}
        />
      </Card>
      {selected && (
        <CellDrawer
          unit={selected.unit}
          month={selected.month}
          dueDay={dueDay}
          caller={caller}
          canWrite={canWrite && (seesAllUnits || selected.unit.id === user.unit?.id)}
          onAdd={() => setEditing({ defaults: { unitId: selected.unit.id, month: selected.month } })}
          onEdit={(introduction) => setEditing({ introduction })}
          onClose={() => setSelected(null)}
        />
      )}
      {editing && (
        <IntroductionFormModal
          user={user}
          introduction={editing.introduction}
          defaults={editing.defaults}
          onClose={() => setEditing(null)}
        />
      )}
      {settingDueDay && settings.data && (
        <DueDayModal settings={settings.data} onClose={() => setSettingDueDay(false)} />
      )}
    </>
  );
}

function CellDrawer({
  unit,
  month,
  dueDay,
  caller,
  canWrite,
  onAdd,
  onEdit,
  onClose,
}: {
  unit: UnitRef;
  month: string;
  dueDay: number | undefined;
  caller: { role: ReturnType<typeof useCurrentUser>['role']; unitId: number | undefined };
  canWrite: boolean;
  onAdd: () => void;
  onEdit: (introduction: Introduction) => void;
  onClose: () => void;
}) {
  const introductions = useIntroductions({ month, unitId: unit.id, page: 1, pageSize: 50 });
  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={`${unit.shortName} – tháng ${formatMonth(month)}`}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="cell-intro-create">
            Thêm bài giới thiệu
          </Button>
        )
      }
      data-testid="cell-drawer"
    >
      {dueDay && (
        <Typography.Paragraph type="secondary">
          Hạn giới thiệu: {dueDate(month, dueDay)}.
        </Typography.Paragraph>
      )}
      <ProblemAlert error={introductions.error} />
      <IntroductionTable
        data={introductions.data}
        loading={introductions.isFetching}
        caller={caller}
        showUnit={false}
        onEdit={onEdit}
      />
    </Drawer>
  );
}

/**
 * The month the Office reminds units of: the one chosen (or linked to) when it is in the grid's
 * year and not in the future; else the current month, or the last month of a past year.
 */
export function reminderMonth(chosen: string | undefined, year: number, currentMonth: string): string | null {
  if (chosen && chosen.startsWith(`${year}-`) && chosen <= currentMonth) return chosen;
  if (currentMonth.startsWith(`${year}-`)) return currentMonth;
  return `${year}-12` <= currentMonth ? `${year}-12` : null;
}

/** Asks before reminding (how many units), then says what was sent. */
export function useConfirmReminder() {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const remind = useRemindUnits();
  return (month: string, units: UnitRef[]) => {
    const named = units.length === 1 ? units[0].shortName : `${units.length} đơn vị`;
    modal.confirm({
      title: `Nhắc ${named} giới thiệu điển hình tháng ${formatMonth(month)}?`,
      content:
        units.length === 1
          ? 'Thủ trưởng và cán bộ của đơn vị sẽ nhận được thông báo nhắc nhở.'
          : `Thủ trưởng và cán bộ của ${units.length} đơn vị chưa giới thiệu sẽ nhận được thông báo nhắc nhở.`,
      okText: 'Gửi nhắc nhở',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const result = await remind.mutateAsync({ month, unitIds: units.map((unit) => unit.id) });
          message.success({ content: reminderSummary(result), duration: 6 });
        } catch (error) {
          notifyError(error);
        }
      },
    });
  };
}

function Reminders({
  grid,
  month,
  year,
  currentMonth,
  onMonth,
}: {
  grid: IntroductionGrid | undefined;
  month: string;
  year: number;
  currentMonth: string;
  onMonth: (month: string) => void;
}) {
  const confirmReminder = useConfirmReminder();
  const units = unitsToRemind(grid, month);
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="grid-reminders">
      <Typography.Text>Nhắc nhở tháng</Typography.Text>
      <DatePicker
        picker="month"
        format="MM/YYYY"
        allowClear={false}
        value={dayjs(`${month}-01`)}
        disabledDate={(day) => day.year() !== year || day.format('YYYY-MM') > currentMonth}
        onChange={(day) => day && onMonth(day.format('YYYY-MM'))}
        style={{ width: 120 }}
        data-testid="grid-remind-month"
      />
      <Button
        icon={<BellOutlined />}
        disabled={units.length === 0}
        onClick={() => confirmReminder(month, units)}
        data-testid="grid-remind-all"
      >
        Nhắc các đơn vị chưa giới thiệu{units.length > 0 ? ` (${units.length})` : ''}
      </Button>
    </Flex>
  );
}
