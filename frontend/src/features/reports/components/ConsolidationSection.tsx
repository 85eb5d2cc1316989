import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { formatApiDate } from '@/lib/dates';
import { reportPagePath } from '@/lib/paths';
import type { Consolidation, UnitReportEntry } from '../api/types';
import { numberText } from '../figures';
import { UNIT_REPORT_STATUS } from '../labels';

type FigureKey =
  | 'exemplarsDiscovered'
  | 'introductionsOnTime'
  | 'introductionsLate'
  | 'introductionsMissing'
  | 'evaluations'
  | 'replications'
  | 'difficulties';

const FIGURE_COLUMNS: { key: FigureKey; title: string }[] = [
  { key: 'exemplarsDiscovered', title: 'Điển hình phát hiện' },
  { key: 'introductionsOnTime', title: 'Giới thiệu đúng hạn' },
  { key: 'introductionsLate', title: 'Giới thiệu trễ hạn' },
  { key: 'introductionsMissing', title: 'Tháng không giới thiệu' },
  { key: 'evaluations', title: 'Đánh giá' },
  { key: 'replications', title: 'Nhân rộng' },
  { key: 'difficulties', title: 'Khó khăn, vướng mắc' },
];

/**
 * The units' side of the Office's consolidated report: each unit's report (status, when, on
 * time or late, its frozen headline figures), the totals of those submitted, and the units that
 * owed the report and did not submit it.
 */
export function ConsolidationSection({ consolidation }: { consolidation: Consolidation }) {
  const { unitReports, totals, missingUnits } = consolidation;
  const columns: ColumnsType<UnitReportEntry> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: 'left',
      render: (_, entry) =>
        entry.reportId ? (
          <Link to={reportPagePath(entry.reportId)} data-testid={`consolidation-report-${entry.unit.id}`}>
            {entry.unit.name}
          </Link>
        ) : (
          entry.unit.name
        ),
    },
    {
      title: 'Tình trạng',
      key: 'status',
      render: (_, entry) => (
        <Tag color={UNIT_REPORT_STATUS[entry.status].color} data-status={entry.status}>
          {UNIT_REPORT_STATUS[entry.status].label}
        </Tag>
      ),
    },
    {
      title: 'Ngày gửi',
      key: 'submittedOn',
      render: (_, entry) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatApiDate(entry.submittedOn)}{' '}
          {entry.onTime ? (
            <Typography.Text type="success">(đúng hạn)</Typography.Text>
          ) : (
            <Typography.Text type="danger">(trễ hạn)</Typography.Text>
          )}
        </span>
      ),
    },
    ...FIGURE_COLUMNS.map(({ key, title }) => ({
      title,
      key,
      align: 'right' as const,
      render: (_: unknown, entry: UnitReportEntry) => numberText(entry[key]),
    })),
  ];

  return (
    <Card
      title="Tổng hợp báo cáo của các đơn vị"
      style={{ marginBottom: 16 }}
      data-testid="report-consolidation"
    >
      <Typography.Paragraph>
        Đã nhận <strong data-testid="consolidation-count">{totals.reports}</strong> báo cáo ({totals.onTime}{' '}
        đúng hạn, {totals.late} trễ hạn); <strong>{missingUnits.length}</strong> đơn vị chưa gửi.
      </Typography.Paragraph>
      <Table<UnitReportEntry>
        rowKey={(entry) => entry.unit.id}
        size="small"
        columns={columns}
        dataSource={unitReports}
        pagination={false}
        scroll={{ x: true }}
        data-testid="consolidation-unit-reports"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa đơn vị nào gửi báo cáo" />,
        }}
        summary={() =>
          unitReports.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <strong>Cộng các báo cáo đã gửi (không tính báo cáo bị trả lại)</strong>
              </Table.Summary.Cell>
              {FIGURE_COLUMNS.map(({ key }, index) => (
                <Table.Summary.Cell key={key} index={index + 3} align="right">
                  <strong>{numberText(totals[key])}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Đơn vị chưa gửi báo cáo
      </Typography.Title>
      {missingUnits.length === 0 ? (
        <Typography.Text type="success" data-testid="consolidation-missing-none">
          Tất cả đơn vị đã gửi báo cáo.
        </Typography.Text>
      ) : (
        <Flex wrap gap={6} data-testid="consolidation-missing">
          {missingUnits.map((unit) => (
            <Tag key={unit.id} color="red" data-testid={`consolidation-missing-${unit.id}`}>
              {unit.name}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
