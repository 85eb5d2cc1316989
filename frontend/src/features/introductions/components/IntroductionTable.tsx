import { DeleteOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { HelpEmpty } from '@/components/HelpEmpty';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Introduction, Page } from '@/lib/api/models';
import { formatDateTime, formatMonth } from '@/lib/dates';
import { tablePagination } from '@/lib/list-params';
import { exemplarPath } from '@/lib/navigation';
import { useDeleteIntroduction, useSubmitIntroduction } from '../api/introductions';
import { type Caller, introductionPermissions } from './introduction-permissions';

interface IntroductionTableProps {
  data: Page<Introduction> | undefined;
  loading: boolean;
  caller: Caller;
  showUnit: boolean;
  onEdit: (introduction: Introduction) => void;
  onPage?: (page: number, pageSize: number) => void;
}

export function IntroductionStatusTag({ introduction }: { introduction: Introduction }) {
  if (introduction.status === 'draft') return <Tag>Bản nháp</Tag>;
  return introduction.onTime ? (
    <Tag color="green" data-testid="intro-status">
      Đã gửi – đúng hạn
    </Tag>
  ) : (
    <Tag color="orange" data-testid="intro-status">
      Đã gửi – trễ hạn
    </Tag>
  );
}

/** Introductions with their write-up (expand a row) and the steps the caller may take. */
export function IntroductionTable({
  data,
  loading,
  caller,
  showUnit,
  onEdit,
  onPage,
}: IntroductionTableProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const submit = useSubmitIntroduction();
  const remove = useDeleteIntroduction();

  const confirmSubmit = (introduction: Introduction) =>
    modal.confirm({
      title: `Gửi bài giới thiệu tháng ${formatMonth(introduction.month)}?`,
      content: 'Thời điểm gửi được dùng để xét đúng hạn hay trễ hạn. Bài đã gửi không sửa được nữa.',
      okText: 'Gửi',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const sent = await submit.mutateAsync(introduction);
          message.success(
            sent.onTime ? 'Đã gửi bài giới thiệu (đúng hạn).' : 'Đã gửi bài giới thiệu (trễ hạn).',
          );
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const confirmDelete = (introduction: Introduction) =>
    modal.confirm({
      title: `Xóa bài nháp "${introduction.title}"?`,
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(introduction);
          message.success('Đã xóa bài nháp.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const columns: ColumnsType<Introduction> = [
    {
      title: 'Tháng',
      dataIndex: 'month',
      key: 'month',
      render: (month: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMonth(month)}</span>,
    },
    ...(showUnit
      ? [
          {
            title: 'Đơn vị',
            key: 'unit',
            render: (_: unknown, introduction: Introduction) => (
              <span title={introduction.unit.name}>{introduction.unit.shortName}</span>
            ),
          },
        ]
      : []),
    {
      title: 'Tiêu đề',
      key: 'title',
      render: (_, introduction) => (
        <>
          <div style={{ fontWeight: 500 }}>{introduction.title}</div>
          <Space size={[4, 4]} wrap>
            {introduction.exemplars.map((exemplar) => (
              <Link key={exemplar.id} to={exemplarPath(exemplar.id)}>
                <Tag color="blue" style={{ cursor: 'pointer' }}>
                  {exemplar.name}
                </Tag>
              </Link>
            ))}
          </Space>
        </>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, introduction) => <IntroductionStatusTag introduction={introduction} />,
    },
    {
      title: 'Gửi lúc',
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      render: (value?: string | null) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value) || '—'}</span>
      ),
      responsive: ['md'],
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, introduction) => {
        const can = introductionPermissions(caller, introduction);
        return (
          <Space size={4}>
            {can.submit && (
              <Button
                size="small"
                type="primary"
                icon={<SendOutlined />}
                onClick={() => confirmSubmit(introduction)}
                data-testid={`intro-submit-${introduction.id}`}
              >
                Gửi
              </Button>
            )}
            {can.edit && (
              <Tooltip title="Sửa">
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(introduction)}
                  aria-label="Sửa"
                  data-testid={`intro-edit-${introduction.id}`}
                />
              </Tooltip>
            )}
            {can.delete && (
              <Tooltip title="Xóa bài nháp">
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => confirmDelete(introduction)}
                  aria-label="Xóa bài nháp"
                  data-testid={`intro-delete-${introduction.id}`}
                />
              </Tooltip>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Table<Introduction>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (introduction) => (
          <Typography.Paragraph className="pre-wrap" style={{ marginBottom: 0 }}>
            {introduction.writeUp}
          </Typography.Paragraph>
        ),
      }}
      onRow={(introduction) =>
        ({ 'data-testid': `intro-row-${introduction.id}` }) as HTMLAttributes<HTMLElement>
      }
      pagination={onPage ? { ...tablePagination(data, 'bài giới thiệu'), onChange: onPage } : false}
      locale={{ emptyText: <HelpEmpty description="Chưa có bài giới thiệu nào" topic="introductions" /> }}
      data-testid="intro-table"
    />
  );
}
