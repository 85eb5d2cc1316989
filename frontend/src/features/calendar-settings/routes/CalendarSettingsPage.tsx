import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { DateInput } from '@/components/DateInput';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { DATE_FORMAT, fromApiDate, toApiDate } from '@/lib/dates';
import {
  type CalendarSettings,
  type CalendarSettingsInput,
  type Holidays,
  useCalendarSettings,
  useHolidays,
  useSaveCalendarSettings,
  useSaveHolidays,
} from '../api/settings';
import { offsetText } from '../labels';

interface ReviewValues {
  fromYear: number;
  toYear: number;
  unitBefore: Dayjs | null;
  officeBefore: Dayjs | null;
}

type SettingsValues = Omit<CalendarSettingsInput, 'midtermReview' | 'finalReview'> & {
  midtermReview: ReviewValues;
  finalReview: ReviewValues;
};

const OFFICE_COPIES = [
  { value: 'all', label: 'Mọi lời nhắc' },
  { value: 'overdue', label: 'Khi đơn vị quá hạn' },
  { value: 'none', label: 'Không nhận' },
];

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` }));

function MonthDayField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item label={label} required>
      <Space.Compact>
        <Form.Item name={[name, 'day']} noStyle rules={[{ required: true }]}>
          <InputNumber
            min={1}
            max={31}
            addonBefore="Ngày"
            style={{ width: 140 }}
            data-testid={`calendar-${name}-day`}
          />
        </Form.Item>
        <Form.Item name={[name, 'month']} noStyle rules={[{ required: true }]}>
          <Select options={MONTHS} style={{ width: 120 }} data-testid={`calendar-${name}-month`} />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}

function ReviewFields({ name, title }: { name: 'midtermReview' | 'finalReview'; title: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'fromYear']} label="Từ năm" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'toYear']} label="Đến năm" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[name, 'unitBefore']}
            label="Đơn vị báo cáo trước ngày"
            rules={[{ required: true }]}
          >
            <DateInput format={DATE_FORMAT} style={{ width: '100%' }} data-testid={`calendar-${name}-unit`} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[name, 'officeBefore']}
            label="Văn phòng Sở báo cáo trước ngày"
            rules={[{ required: true }]}
          >
            <DateInput
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              data-testid={`calendar-${name}-office`}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

const toValues = (settings: CalendarSettings): SettingsValues => {
  const review = (r: CalendarSettings['midtermReview']): ReviewValues => ({
    ...r,
    unitBefore: fromApiDate(r.unitBefore),
    officeBefore: fromApiDate(r.officeBefore),
  });
  return {
    ...settings,
    midtermReview: review(settings.midtermReview),
    finalReview: review(settings.finalReview),
  };
};

const toInput = (values: SettingsValues): CalendarSettingsInput => {
  const review = (r: ReviewValues) => ({
    fromYear: r.fromYear,
    toYear: r.toYear,
    unitBefore: toApiDate(r.unitBefore) ?? '',
    officeBefore: toApiDate(r.officeBefore) ?? '',
  });
  return {
    firstYear: values.firstYear,
    lastYear: values.lastYear,
    unitAnnualReport: values.unitAnnualReport,
    officeAnnualReport: values.officeAnnualReport,
    midtermReview: review(values.midtermReview),
    finalReview: review(values.finalReview),
    beforeInclusive: values.beforeInclusive,
    moveToNextWorkingDay: values.moveToNextWorkingDay,
    dueSoonDays: values.dueSoonDays,
    reminderOffsets: [...values.reminderOffsets].map(Number).sort((a, b) => a - b),
    reminderCatchUpDays: values.reminderCatchUpDays,
    officeCopies: values.officeCopies,
  };
};

function SettingsForm({ settings }: { settings: CalendarSettings }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveCalendarSettings();
  return (
    <Card title="Hạn báo cáo và lời nhắc" style={{ marginBottom: 16 }}>
      <ProblemAlert error={save.error} />
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={toValues(settings)}
        onFinish={(values) =>
          save.mutate(
            { version: settings.version, input: toInput(values) },
            { onSuccess: () => message.success('Đã lưu cài đặt lịch báo cáo.') },
          )
        }
      >
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="firstYear" label="Năm đầu của Kế hoạch" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lastYear" label="Năm cuối của Kế hoạch" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <MonthDayField name="unitAnnualReport" label="Đơn vị báo cáo năm, hạn" />
          </Col>
          <Col xs={24} md={6}>
            <MonthDayField name="officeAnnualReport" label="Văn phòng Sở báo cáo năm, hạn" />
          </Col>
        </Row>
        <ReviewFields name="midtermReview" title="Sơ kết" />
        <ReviewFields name="finalReview" title="Tổng kết" />
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="beforeInclusive"
              label="“Trước ngày …” vẫn tính cả ngày đó"
              valuePropName="checked"
              extra="Kế hoạch hiểu chặt: không tính ngày đó."
            >
              <Switch data-testid="calendar-before-inclusive" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="moveToNextWorkingDay"
              label="Hạn trùng ngày nghỉ, ngày lễ thì lùi sang ngày làm việc kế tiếp"
              valuePropName="checked"
            >
              <Switch data-testid="calendar-move-working-day" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="dueSoonDays" label="Báo “sắp đến hạn” trước (ngày)" rules={[{ required: true }]}>
              <InputNumber min={0} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="reminderCatchUpDays"
              label="Gửi bù lời nhắc bị lỡ trong (ngày)"
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="officeCopies"
              label="Văn phòng Sở nhận bản nhắc của đơn vị"
              rules={[{ required: true }]}
            >
              <Select options={OFFICE_COPIES} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="reminderOffsets"
              label="Thời điểm nhắc (số ngày so với hạn: âm là trước hạn, 0 là đúng ngày, dương là sau hạn)"
            >
              <Select
                mode="tags"
                tokenSeparators={[',', ' ']}
                labelRender={({ value }) => offsetText(Number(value))}
                data-testid="calendar-reminder-offsets"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-save">
          Lưu cài đặt
        </Button>
      </Form>
    </Card>
  );
}

interface HolidayRow {
  date: Dayjs | null;
  name: string;
}

function HolidaysForm({ holidays }: { holidays: Holidays }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: HolidayRow[] }>();
  const save = useSaveHolidays();
  return (
    <Card title="Ngày nghỉ lễ, Tết">
      <Typography.Paragraph type="secondary">
        Dùng để lùi hạn sang ngày làm việc kế tiếp (nếu bật ở trên) và để đếm ngày làm việc của thông báo công
        khai.
      </Typography.Paragraph>
      <ProblemAlert error={save.error} />
      <Form
        form={form}
        initialValues={{ days: holidays.days.map((d) => ({ date: fromApiDate(d.date), name: d.name })) }}
        onFinish={(values) =>
          save.mutate(
            {
              version: holidays.version,
              days: values.days.map((row) => ({ date: toApiDate(row.date) ?? '', name: row.name.trim() })),
            },
            { onSuccess: () => message.success('Đã lưu danh sách ngày nghỉ.') },
          )
        }
      >
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" data-testid={`holiday-row-${field.name}`}>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: 'Chọn ngày' }]}>
                    <DateInput format={DATE_FORMAT} data-testid={`holiday-date-${field.name}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên ngày nghỉ' }]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      maxLength={200}
                      placeholder="Quốc khánh"
                      data-testid={`holiday-name-${field.name}`}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="Xóa" onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ date: null, name: '' })}
                  data-testid="holiday-add"
                >
                  Thêm ngày nghỉ
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="holiday-save">
                  Lưu danh sách
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

/** The reporting calendar's settings (deadlines, "before", weekends, reminders) and public holidays. */
export default function CalendarSettingsPage() {
  const settings = useCalendarSettings();
  const holidays = useHolidays();
  return (
    <>
      <PageHeading title="Cài đặt lịch báo cáo" subtitle="Hạn báo cáo theo Kế hoạch, lời nhắc và ngày nghỉ" />
      <ProblemAlert error={settings.error ?? holidays.error} />
      {(settings.isPending || holidays.isPending) && <Spin />}
      {settings.data && <SettingsForm key={settings.data.version} settings={settings.data} />}
      {holidays.data && <HolidaysForm key={holidays.data.version} holidays={holidays.data} />}
    </>
  );
}
