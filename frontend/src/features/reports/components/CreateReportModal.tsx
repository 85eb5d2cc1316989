import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { DateInput } from '@/components/DateInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { isApiError } from '@/lib/api/problem';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, toApiDate, todayInVietnam } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { reportLookupPath, reportPagePath } from '@/lib/paths';
import { isUnitRole } from '@/lib/roles';
import { useCreateReport, usePlanYears } from '../api/reports';
import type { NewReportInput, ReportKind } from '../api/types';
import { REPORT_KIND } from '../labels';
import { defaultPeriod, periodOptions } from '../periods';

type Scope = 'office' | 'unit';

interface Values {
  kind: ReportKind;
  scope: Scope;
  unitId?: number;
  period?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
  title?: string;
}

/** What the calendar asks for, to start that report (from the calendar's links). */
export interface ReportTarget {
  kind: ReportKind;
  period?: string;
  /** `undefined`: the Office's consolidated report. */
  unitId?: number;
}

const FIELDS = ['kind', 'unitId', 'period', 'from', 'to', 'title'] as const;

/** The request for the form's values; a unit's people always write their own unit's report. */
export function toNewReport(values: Values, ownUnitId: number | undefined): NewReportInput {
  const onDemand = values.kind === 'on_demand';
  const unitId = ownUnitId ?? (values.scope === 'unit' ? values.unitId : undefined);
  return {
    kind: values.kind,
    unitId: unitId ?? null,
    period: onDemand ? null : (values.period ?? null),
    from: onDemand ? toApiDate(values.from) : undefined,
    to: onDemand ? toApiDate(values.to) : undefined,
    title: blankToNull(values.title),
  };
}

/**
 * Starts a report: a unit's people their unit's annual report or review (or a report for any
 * period); the Office also the consolidated report (no unit) and reports for any unit or the
 * whole Department. The server checks the kind, period and unit and says what is wrong.
 */
export function CreateReportModal({ target, onClose }: { target?: ReportTarget; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const unitRole = isUnitRole(user.role);
  const ownUnitId = unitRole ? (user.unit?.id ?? undefined) : undefined;
  const [form] = Form.useForm<Values>();
  const create = useCreateReport();
  const plan = usePlanYears();
  const tree = useQuery({ ...unitTreeQuery(false), enabled: !unitRole, staleTime: 5 * 60_000 });
  const kind = Form.useWatch('kind', form);
  const scope = Form.useWatch('scope', form);
  const period = Form.useWatch('period', form);
  const unitId = Form.useWatch('unitId', form);
  const thisYear = todayInVietnam().year();
  const onDemand = kind === 'on_demand';

  const initialKind = target?.kind ?? 'annual_report';
  const initialValues: Values = {
    kind: initialKind,
    // The Office mostly writes its consolidated report; a link from the calendar says whose.
    scope: target?.unitId !== undefined ? 'unit' : 'office',
    unitId: target?.unitId,
    period: target?.period ?? defaultPeriod(initialKind, plan.data, thisYear),
  };

  const finish = (values: Values) =>
    create.mutate(toNewReport(values, ownUnitId), {
      onSuccess: (report) => {
        message.success('Đã lập dự thảo báo cáo.');
        onClose();
        navigate(reportPagePath(report.id));
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });

  // The plan's years arrive after the form opens: offer this year's period once they do.
  useEffect(() => {
    if (plan.data && !form.getFieldValue('period')) {
      form.setFieldsValue({ period: defaultPeriod(form.getFieldValue('kind'), plan.data, thisYear) });
    }
  }, [plan.data, form, thisYear]);

  const changeKind = (next: ReportKind) => {
    form.setFieldsValue({ period: defaultPeriod(next, plan.data, thisYear) });
  };

  // The calendar report of that kind, period and unit was started before: offer to open it.
  const existing =
    isApiError(create.error, 'conflict') && kind && !onDemand && period
      ? reportLookupPath({ kind, period, unitId: ownUnitId ?? (scope === 'unit' ? unitId : undefined) })
      : null;

  return (
    <Modal
      open
      title="Lập báo cáo"
      okText="Lập dự thảo"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'report-form-submit' }}
      width={620}
      destroyOnHidden
    >
      <ProblemAlert error={create.error} formFields={FIELDS} />
      {existing && (
        <Button
          style={{ marginBottom: 16 }}
          onClick={() => {
            onClose();
            navigate(existing);
          }}
          data-testid="report-form-existing"
        >
          Mở báo cáo đã lập
        </Button>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={initialValues}>
        <Form.Item
          name="kind"
          label="Loại báo cáo"
          rules={[{ required: true, message: 'Chọn loại báo cáo' }]}
        >
          <Select
            options={(Object.keys(REPORT_KIND) as ReportKind[]).map((value) => ({
              value,
              label: REPORT_KIND[value],
            }))}
            onChange={changeKind}
            data-testid="report-form-kind"
          />
        </Form.Item>
        {unitRole ? (
          <Form.Item label="Đơn vị">
            <Typography.Text>{user.unit?.name}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="scope" label="Báo cáo của">
            <Radio.Group data-testid="report-form-scope">
              <Radio value="office" data-testid="report-form-scope-office">
                {onDemand ? 'Toàn Sở' : 'Văn phòng Sở (báo cáo tổng hợp)'}
              </Radio>
              <Radio value="unit" data-testid="report-form-scope-unit">
                Một đơn vị
              </Radio>
            </Radio.Group>
          </Form.Item>
        )}
        {!unitRole && scope === 'unit' && (
          <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitSelect tree={tree.data} loading={tree.isPending} data-testid="report-form-unit" />
          </Form.Item>
        )}
        {onDemand ? (
          <>
            <Form.Item
              name="from"
              label="Từ ngày"
              rules={[{ required: true, message: 'Chọn ngày bắt đầu của kỳ báo cáo' }]}
            >
              <DateInput format={DATE_FORMAT} style={{ width: '100%' }} data-testid="report-form-from" />
            </Form.Item>
            <Form.Item
              name="to"
              label="Đến ngày"
              rules={[{ required: true, message: 'Chọn ngày kết thúc của kỳ báo cáo' }]}
            >
              <DateInput format={DATE_FORMAT} style={{ width: '100%' }} data-testid="report-form-to" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="period"
            label="Kỳ báo cáo"
            rules={[{ required: true, message: 'Chọn kỳ báo cáo' }]}
          >
            <Select
              options={periodOptions(kind, plan.data)}
              loading={plan.isPending}
              data-testid="report-form-period"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="Tiêu đề (không bắt buộc)"
          extra="Để trống: đặt theo loại, kỳ và đơn vị, ví dụ “Báo cáo kết quả phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến năm 2026”."
          rules={[{ min: 3, max: 300, message: 'Tiêu đề dài từ 3 đến 300 ký tự' }]}
        >
          <Input maxLength={300} data-testid="report-form-title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
