import { CopyOutlined, DeleteOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import type { CriteriaSet, Criterion } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { SET_STATUS_COLORS, SET_STATUS_LABELS, SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { useDeleteCriteriaSet, useNewCriteriaSetVersion, usePublishCriteriaSet } from '../api/criteria';
import { MODE_LABELS } from './criteria-labels';

interface CriteriaSetDrawerProps {
  set: CriteriaSet;
  canManage: boolean;
  onEdit: (set: CriteriaSet) => void;
  onClose: () => void;
}

/** One version of a criteria set: its criteria and, for managers, the steps of its life. */
export function CriteriaSetDrawer({ set, canManage, onEdit, onClose }: CriteriaSetDrawerProps) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const publish = usePublishCriteriaSet();
  const newVersion = useNewCriteriaSetVersion();
  const remove = useDeleteCriteriaSet();
  const draft = set.status === 'draft';
  const totalWeight = set.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);

  const confirmPublish = () =>
    modal.confirm({
      title: `Áp dụng ${set.code} phiên bản ${set.versionNo}?`,
      content:
        'Từ nay các phiếu đánh giá mới dùng phiên bản này; phiên bản đang áp dụng (nếu có) hết hiệu lực. Các phiếu đã lập vẫn giữ phiên bản cũ. Phiên bản đã áp dụng không sửa được nữa.',
      okText: 'Áp dụng',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await publish.mutateAsync(set);
          message.success('Đã áp dụng bộ tiêu chí.');
          onClose();
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const startNewVersion = async () => {
    try {
      const created = await newVersion.mutateAsync(set);
      message.success(`Đã tạo dự thảo phiên bản ${created.versionNo}.`);
      onEdit(created);
    } catch (error) {
      notifyError(error);
    }
  };

  const confirmDelete = () =>
    modal.confirm({
      title: `Xóa dự thảo ${set.code} phiên bản ${set.versionNo}?`,
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(set);
          message.success('Đã xóa dự thảo.');
          onClose();
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={`${set.code} – phiên bản ${set.versionNo}`}
      extra={
        canManage && (
          <Flex gap={8} wrap>
            {draft ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => onEdit(set)} data-testid="criteria-edit">
                  Sửa
                </Button>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={confirmPublish}
                  loading={publish.isPending}
                  data-testid="criteria-publish"
                >
                  Áp dụng
                </Button>
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={confirmDelete}
                  loading={remove.isPending}
                  data-testid="criteria-delete"
                >
                  Xóa
                </Button>
              </>
            ) : (
              <Button
                icon={<CopyOutlined />}
                onClick={startNewVersion}
                loading={newVersion.isPending}
                data-testid="criteria-new-version"
              >
                Tạo phiên bản mới
              </Button>
            )}
          </Flex>
        )
      }
      data-testid="criteria-drawer"
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'name', label: 'Tên', children: set.name },
          {
            key: 'status',
            label: 'Trạng thái',
            children: <Tag color={SET_STATUS_COLORS[set.status]}>{SET_STATUS_LABELS[set.status]}</Tag>,
          },
          { key: 'subject', label: 'Áp dụng cho', children: SUBJECT_KIND_LABELS[set.subjectKind] },
          {
            key: 'thresholds',
            label: 'Kết luận',
            children: `Đạt: từ ${set.passThreshold}% và mọi tiêu chí đạt/không đạt đều Đạt; Cần bồi dưỡng thêm: từ ${set.nurtureThreshold}%; còn lại: Chưa đạt.`,
          },
          ...(set.description
            ? [
                {
                  key: 'description',
                  label: 'Mô tả',
                  children: <span className="pre-wrap">{set.description}</span>,
                },
              ]
            : []),
          { key: 'publishedAt', label: 'Áp dụng từ', children: formatDateTime(set.publishedAt) || '—' },
          { key: 'updatedAt', label: 'Cập nhật', children: formatDateTime(set.updatedAt) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Tiêu chí (tổng trọng số {totalWeight})
      </Typography.Title>
      <Table<Criterion>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={set.criteria}
        columns={[
          { title: '#', dataIndex: 'position', key: 'position', width: 40 },
          {
            title: 'Tiêu chí',
            key: 'text',
            render: (_, criterion) => (
              <>
                <div>{criterion.text}</div>
                {criterion.guidance && (
                  <Typography.Text type="secondary">{criterion.guidance}</Typography.Text>
                )}
              </>
            ),
          },
          { title: 'Trọng số', dataIndex: 'weight', key: 'weight', width: 80 },
          {
            title: 'Cách đánh giá',
            key: 'mode',
            width: 130,
            render: (_, criterion) =>
              criterion.mode === 'score'
                ? `Chấm điểm (0–${criterion.maxScore})`
                : MODE_LABELS[criterion.mode],
          },
        ]}
        data-testid="criteria-table"
      />
    </Drawer>
  );
}
