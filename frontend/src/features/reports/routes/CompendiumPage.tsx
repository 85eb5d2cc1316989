import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Input, List, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { type HTMLAttributes, type Key, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DateInput } from '@/components/DateInput';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import type { ExemplarSummary } from '@/lib/api/models';
import { exemplarListQuery } from '@/lib/api/queries/exemplars';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useCurrentUser } from '@/lib/auth/use-session';
import { DATE_FORMAT, formatApiDate, toApiDate, todayInVietnam } from '@/lib/dates';
import { blankToNull, showServerErrors } from '@/lib/forms';
import { exemplarPath, PATHS } from '@/lib/paths';
import { isUnitRole } from '@/lib/roles';
import { CATEGORY_LABELS, STAGE_LABELS } from '@/lib/vocabulary';
import { useCompendium } from '../api/reports';
import { MAX_COMPENDIUM, moveItem, reconcileOrder } from '../compendium';

interface Values {
  title?: string;
  from: Dayjs;
  to: Dayjs;
}

/** The form's fields; the choice of exemplars (`exemplarIds`) is reported above the page. */
const FIELDS = ['title', 'from', 'to'] as const;
const PAGE_SIZE = 10;

/**
 * "Tài liệu gương điển hình tiên tiến" (Kế hoạch, mục II.2): pick confirmed exemplars, in the
 * order they are printed, and download them compiled into one DOCX (cover, table of contents,
 * one section per exemplar with its photo). Unit roles compile their own unit's exemplars.
 */
export default function CompendiumPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const unitScoped = isUnitRole(user.role);
  const [form] = Form.useForm<Values>();
  const compendium = useCompendium();
  const [q, setQ] = useState('');
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<number[]>([]);
  // The chosen exemplars' names, kept as they are picked (they may be on another page of the table).
  const [picked, setPicked] = useState<Record<number, ExemplarSummary>>({});
  const today = todayInVietnam();

  const params = useMemo(
    () => ({
      recordStatus: 'confirmed' as const,
      q: q || undefined,
      unitId: unitScoped ? (user.unit?.id ?? undefined) : unitId,
      sort: 'name',
      page,
      pageSize: PAGE_SIZE,
    }),
    [q, unitId, unitScoped, user.unit?.id, page],
  );
  const exemplars = useQuery({ ...exemplarListQuery(params), placeholderData: keepPreviousData });
  const tree = useQuery({ ...unitTreeQuery(false), enabled: !unitScoped, staleTime: 5 * 60_000 });

  const select = (keys: Key[], rows: (ExemplarSummary | undefined)[]) => {
    const ids = keys.map(Number);
    setPicked((current) => {
      const next = { ...current };
      for (const row of rows) if (row) next[row.id] = row;
      return next;
    });
    setOrder((current) => reconcileOrder(current, ids));
  };

  const finish = (values: Values) => {
    if (order.length === 0) {
      message.warning('Chọn ít nhất một điển hình để biên soạn tài liệu.');
      return;
    }
    compendium.mutate(
      {
        from: toApiDate(values.from) ?? '',
        to: toApiDate(values.to) ?? '',
        exemplarIds: order,
        title: blankToNull(values.title),
      },
      {
        onSuccess: () => message.success('Đã tạo tài liệu; tệp Word đang được tải về.'),
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    );
  };

  const columns: ColumnsType<ExemplarSummary> = [
    {
      title: 'Điển hình',
      key: 'name',
      render: (_, exemplar) => (
        <div style={{ minWidth: 200 }}>
          <Link to={exemplarPath(exemplar.id)} target="_blank">
            {exemplar.name}
          </Link>
          {exemplar.published && (
            <Tag color="green" style={{ marginInlineStart: 6 }}>
              Đã công bố
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {exemplar.unit.name}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: 'Loại',
      key: 'category',
      render: (_, exemplar) => CATEGORY_LABELS[exemplar.category],
      responsive: ['md'],
    },
    {
      title: 'Giai đoạn',
      key: 'stage',
      render: (_, exemplar) => STAGE_LABELS[exemplar.stage],
      responsive: ['lg'],
    },
    {
      title: 'Phát hiện',
      key: 'discoveredOn',
      render: (_, exemplar) => formatApiDate(exemplar.discoveredOn),
      responsive: ['md'],
    },
  ];

  return (
    <>
      <PageHeading
        title="Tài liệu gương điển hình tiên tiến"
        subtitle="Biên soạn tài liệu về các điển hình đã xác nhận hồ sơ: bìa, mục lục, mỗi điển hình một phần kèm ảnh."
        extra={
          <Link to={PATHS.reports}>
            <ArrowLeftOutlined /> Báo cáo
          </Link>
        }
      />
      <ProblemAlert error={compendium.error} formFields={FIELDS} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="Chọn điển hình (hồ sơ đã xác nhận)">
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Input.Search
                allowClear
                placeholder="Tìm theo tên, đơn vị, lĩnh vực"
                onSearch={(value) => {
                  setQ(value.trim());
                  setPage(1);
                }}
                style={{ width: 280 }}
                data-testid="compendium-search"
              />
              {!unitScoped && (
                <UnitSelect
                  allowClear
                  placeholder="Đơn vị"
                  tree={tree.data}
                  value={unitId}
                  onChange={(value) => {
                    setUnitId(value ?? undefined);
                    setPage(1);
                  }}
                  style={{ minWidth: 240 }}
                  data-testid="compendium-unit"
                />
              )}
            </Flex>
            <ProblemAlert error={exemplars.error} />
            <Table<ExemplarSummary>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={exemplars.data?.items}
              loading={exemplars.isFetching}
              onRow={(exemplar) =>
                ({ 'data-testid': `compendium-row-${exemplar.id}` }) as HTMLAttributes<HTMLElement>
              }
              rowSelection={{
                selectedRowKeys: order,
                preserveSelectedRowKeys: true,
                onChange: select,
                getCheckboxProps: (exemplar) => ({
                  disabled: order.length >= MAX_COMPENDIUM && !order.includes(exemplar.id),
                }),
              }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: exemplars.data?.total ?? 0,
                onChange: setPage,
                showSizeChanger: false,
              }}
              scroll={{ x: true }}
              data-testid="compendium-exemplars"
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="Tài liệu">
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={finish}
              initialValues={{ from: today.startOf('year'), to: today }}
            >
              <Form.Item
                name="title"
                label="Tên tài liệu (không bắt buộc)"
                rules={[{ min: 3, max: 300, message: 'Tên dài từ 3 đến 300 ký tự' }]}
              >
                <Input
                  placeholder="Tài liệu gương điển hình tiên tiến"
                  maxLength={300}
                  data-testid="compendium-title"
                />
              </Form.Item>
              <Flex gap={12} wrap>
                <Form.Item
                  name="from"
                  label="Từ ngày"
                  rules={[{ required: true, message: 'Chọn ngày bắt đầu' }]}
                >
                  <DateInput format={DATE_FORMAT} data-testid="compendium-from" />
                </Form.Item>
                <Form.Item
                  name="to"
                  label="Đến ngày"
                  rules={[{ required: true, message: 'Chọn ngày kết thúc' }]}
                >
                  <DateInput format={DATE_FORMAT} data-testid="compendium-to" />
                </Form.Item>
              </Flex>
              <Typography.Paragraph strong>
                Thứ tự in ({order.length}/{MAX_COMPENDIUM} điển hình)
              </Typography.Paragraph>
              <List
                size="small"
                bordered
                dataSource={order}
                locale={{ emptyText: 'Chưa chọn điển hình nào: đánh dấu ở bảng bên cạnh.' }}
                style={{ marginBottom: 16, maxHeight: 360, overflowY: 'auto' }}
                data-testid="compendium-order"
                renderItem={(id, index) => (
                  <List.Item
                    actions={[
                      <Button
                        key="up"
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label="Lên trên"
                        disabled={index === 0}
                        onClick={() => setOrder((current) => moveItem(current, index, -1))}
                      />,
                      <Button
                        key="down"
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label="Xuống dưới"
                        disabled={index === order.length - 1}
                        onClick={() => setOrder((current) => moveItem(current, index, 1))}
                      />,
                      <Button
                        key="remove"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="Bỏ chọn"
                        onClick={() => setOrder((current) => current.filter((other) => other !== id))}
                      />,
                    ]}
                  >
                    {index + 1}. {picked[id]?.name ?? `Điển hình số ${id}`}
                  </List.Item>
                )}
              />
              <Button
                type="primary"
                htmlType="submit"
                icon={<FileWordOutlined />}
                loading={compendium.isPending}
                disabled={order.length === 0}
                data-testid="compendium-download"
              >
                Tạo và tải tài liệu (DOCX)
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
