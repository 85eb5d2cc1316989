import { Alert, Card, Col, Descriptions, Empty, Row, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import type { Figures, Report } from '../api/types';
import {
  type CountRow,
  countRows,
  difficultyStatusText,
  type IntroductionRow,
  introductionRows,
  numberText,
  sum,
} from '../figures';

const COUNT_COLUMNS: ColumnsType<CountRow> = [
  { title: 'Nội dung', dataIndex: 'label', key: 'label' },
  { title: 'Số lượng', dataIndex: 'count', key: 'count', align: 'right', render: numberText },
  { title: 'Tỷ lệ', dataIndex: 'share', key: 'share', align: 'right' },
];

/** A breakdown table with its total, or a line saying there is nothing to count. */
function CountTable({
  title,
  rows,
  testId,
  totalLabel = 'Tổng cộng',
  showTotal = true,
}: {
  title: string;
  rows: CountRow[];
  testId: string;
  totalLabel?: string;
  showTotal?: boolean;
}) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <Table<CountRow>
        rowKey="key"
        size="small"
        columns={COUNT_COLUMNS}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có số liệu" /> }}
        summary={() =>
          showTotal && rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{totalLabel}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{numberText(sum(rows.map((r) => r.count)))}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

function Pair({ children }: { children: [ReactNode, ReactNode] }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        {children[0]}
      </Col>
      <Col xs={24} lg={12}>
        {children[1]}
      </Col>
    </Row>
  );
}

function ExemplarTab({ figures }: { figures: Figures }) {
  const { exemplars } = figures;
  type UnitRow = Figures['exemplars']['byUnit'][number];
  const unitColumns: ColumnsType<UnitRow> = [
    { title: 'Đơn vị', key: 'unit', render: (_, row) => row.unit.name },
    { title: 'Phát hiện', dataIndex: 'discovered', key: 'discovered', align: 'right', render: numberText },
    { title: 'Đang bồi dưỡng', dataIndex: 'nurturing', key: 'nurturing', align: 'right', render: numberText },
    { title: 'Đã tổng kết', dataIndex: 'summarized', key: 'summarized', align: 'right', render: numberText },
    { title: 'Đã nhân rộng', dataIndex: 'replicated', key: 'replicated', align: 'right', render: numberText },
  ];
  return (
    <>
      <Typography.Paragraph>
        Điển hình phát hiện trong kỳ (hồ sơ đã gửi hoặc đã xác nhận):{' '}
        <strong data-testid="figures-discovered">{numberText(exemplars.discovered)}</strong>
      </Typography.Paragraph>
      <Pair>
        <CountTable
          title="Theo giai đoạn hiện nay"
          rows={countRows(exemplars.byStage)}
          testId="figures-by-stage"
        />
        <CountTable
          title="Theo loại điển hình"
          rows={countRows(exemplars.byCategory)}
          testId="figures-by-category"
        />
      </Pair>
      <Pair>
        <CountTable
          title="Theo phong trào thi đua"
          rows={countRows(exemplars.byMovement, exemplars.discovered)}
          testId="figures-by-movement"
          showTotal={false}
        />
        <CountTable title="Theo lĩnh vực" rows={countRows(exemplars.byField)} testId="figures-by-field" />
      </Pair>
      {exemplars.byMovement.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          Một điển hình có thể thuộc nhiều phong trào; tỷ lệ tính trên số điển hình phát hiện.
        </Typography.Paragraph>
      )}
      {exemplars.byUnit.length > 1 && (
        <Card size="small" title="Theo đơn vị" data-testid="figures-by-unit">
          <Table<UnitRow>
            rowKey={(row) => row.unit.id}
            size="small"
            columns={unitColumns}
            dataSource={exemplars.byUnit}
            pagination={false}
            scroll={{ x: true }}
            summary={(rows) => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>Tổng cộng</strong>
                </Table.Summary.Cell>
                {(['discovered', 'nurturing', 'summarized', 'replicated'] as const).map((field, index) => (
                  <Table.Summary.Cell key={field} index={index + 1} align="right">
                    <strong>{numberText(sum(rows.map((row) => row[field])))}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
    </>
  );
}

function IntroductionTab({ figures }: { figures: Figures }) {
  const { introductions } = figures;
  const columns: ColumnsType<IntroductionRow> = [
    { title: 'Đơn vị', dataIndex: 'unit', key: 'unit' },
    { title: 'Đúng hạn', dataIndex: 'onTime', key: 'onTime', align: 'right', render: numberText },
    { title: 'Trễ hạn', dataIndex: 'late', key: 'late', align: 'right', render: numberText },
    {
      title: 'Không giới thiệu',
      dataIndex: 'missing',
      key: 'missing',
      align: 'right',
      render: (value: number) =>
        value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value,
    },
    { title: 'Số tháng tính', dataIndex: 'judged', key: 'judged', align: 'right', render: numberText },
    { title: 'Tỷ lệ đúng hạn', dataIndex: 'onTimeShare', key: 'onTimeShare', align: 'right' },
  ];
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Số lượt tháng tính">{numberText(introductions.judged)}</Descriptions.Item>
        <Descriptions.Item label="Đúng hạn">
          <span data-testid="figures-introductions-on-time">{numberText(introductions.onTime)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Trễ hạn">{numberText(introductions.late)}</Descriptions.Item>
        <Descriptions.Item label="Không giới thiệu">{numberText(introductions.missing)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        Mỗi đơn vị giới thiệu ít nhất một điển hình trước ngày 10 hằng tháng; chỉ tính các tháng đã đến hạn
        hoặc đã giới thiệu.
      </Typography.Paragraph>
      <Table<IntroductionRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={introductionRows(introductions)}
        pagination={false}
        scroll={{ x: true }}
        data-testid="figures-introductions"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có số liệu" /> }}
      />
    </>
  );
}

function EvaluationTab({ figures }: { figures: Figures }) {
  const { evaluations, replications } = figures;
  return (
    <>
      <Typography.Paragraph>
        Đánh giá hoàn thành trong kỳ: <strong>{numberText(evaluations.total)}</strong>
      </Typography.Paragraph>
      <Pair>
        <CountTable
          title="Theo kết luận"
          rows={countRows(evaluations.byConclusion)}
          testId="figures-by-conclusion"
        />
        <CountTable
          title="Theo người đánh giá"
          rows={countRows(evaluations.byEvaluator)}
          testId="figures-by-evaluator"
        />
      </Pair>
      <Descriptions
        size="small"
        title="Nhân rộng"
        column={{ xs: 1, sm: 3 }}
        style={{ marginBottom: 12 }}
        data-testid="figures-replications"
      >
        <Descriptions.Item label="Lượt nhân rộng">{numberText(replications.total)}</Descriptions.Item>
        <Descriptions.Item label="Điển hình được nhân rộng">
          {numberText(replications.exemplars)}
        </Descriptions.Item>
        <Descriptions.Item label="Nơi áp dụng">{numberText(replications.adopters)}</Descriptions.Item>
      </Descriptions>
      <CountTable title="Theo quy mô" rows={countRows(replications.byScale)} testId="figures-by-scale" />
    </>
  );
}

function DifficultyTab({ figures }: { figures: Figures }) {
  const { difficulties } = figures;
  type Item = Figures['difficulties']['items'][number];
  const columns: ColumnsType<Item> = [
    {
      title: 'Ngày phản ánh',
      key: 'raisedOn',
      render: (_, item) => formatApiDate(item.raisedOn),
      width: 120,
    },
    { title: 'Đơn vị', key: 'unit', render: (_, item) => item.unit.name },
    { title: 'Nội dung', dataIndex: 'subject', key: 'subject' },
    {
      title: 'Tình trạng',
      key: 'status',
      render: (_, item) => <Tag>{difficultyStatusText(difficulties.byStatus, item.status)}</Tag>,
    },
  ];
  return (
    <>
      <Typography.Paragraph>
        Khó khăn, vướng mắc phản ánh trong kỳ: <strong>{numberText(difficulties.total)}</strong>
      </Typography.Paragraph>
      <div style={{ maxWidth: 560, marginBottom: 16 }}>
        <CountTable
          title="Theo tình trạng hiện nay"
          rows={countRows(difficulties.byStatus)}
          testId="figures-difficulty-status"
        />
      </div>
      <Table<Item>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={difficulties.items}
        pagination={difficulties.items.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: true }}
        data-testid="figures-difficulties"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có phản ánh" /> }}
      />
    </>
  );
}

/** Whether the figures are the frozen snapshot of the submission or computed now. */
export function FiguresNote({ report }: { report: Report }) {
  if (report.figuresFrozen) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="figures-frozen"
        title={`Số liệu đã chốt lúc ${formatDateTime(report.frozenAt ?? report.figures.figures.computedAt)} khi gửi báo cáo.`}
        description="Dữ liệu thay đổi sau thời điểm này không làm thay đổi báo cáo đã gửi."
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="figures-live"
      title={`Số liệu tính trực tiếp từ dữ liệu hiện có (lúc ${formatDateTime(report.figures.figures.computedAt)}).`}
      description={
        report.kind === 'on_demand'
          ? 'Báo cáo theo yêu cầu luôn lấy số liệu mới nhất.'
          : 'Số liệu sẽ được chốt khi gửi báo cáo.'
      }
    />
  );
}

/** The report's figures as readable tables, one tab per subject. */
export function FiguresSection({ report }: { report: Report }) {
  const { figures } = report.figures;
  return (
    <Card
      title={`Số liệu từ ${formatApiDate(figures.from)} đến ${formatApiDate(figures.to)}${
        figures.unit ? ` — ${figures.unit.name}` : ' — toàn Sở'
      }`}
      style={{ marginBottom: 16 }}
      data-testid="report-figures"
    >
      <FiguresNote report={report} />
      <Tabs
        items={[
          { key: 'exemplars', label: 'Điển hình', children: <ExemplarTab figures={figures} /> },
          {
            key: 'introductions',
            label: 'Giới thiệu hằng tháng',
            children: <IntroductionTab figures={figures} />,
          },
          {
            key: 'evaluations',
            label: 'Đánh giá, nhân rộng',
            children: <EvaluationTab figures={figures} />,
          },
          {
            key: 'difficulties',
            label: `Khó khăn, vướng mắc (${figures.difficulties.total})`,
            children: <DifficultyTab figures={figures} />,
          },
        ]}
      />
    </Card>
  );
}
