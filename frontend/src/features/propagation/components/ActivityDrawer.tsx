import { DeleteOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, List, Skeleton, Space, Tag, Upload } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Attachment } from '@/lib/api/models';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { exemplarPath } from '@/lib/paths';
import {
  type PropagationActivity,
  useDeleteActivity,
  useDeletePropagationFile,
  useDownloadPropagationFile,
  usePropagationActivity,
  useUploadPropagationFile,
} from '../api/propagation';
import { CHANNEL_LABELS, reachText } from './channels';

interface Props {
  id: number;
  onEdit: (activity: PropagationActivity) => void;
  onClose: () => void;
}

/** One activity with its files; edit, delete and files only as the server allows. */
export function ActivityDrawer({ id, onEdit, onClose }: Props) {
  const activity = usePropagationActivity(id);
  const data = activity.data;
  return (
    <Drawer
      open
      title="Hoạt động tuyên truyền"
      size="large"
      onClose={onClose}
      data-testid="propagation-drawer"
    >
      <ProblemAlert error={activity.error} />
      {!data && !activity.error && <Skeleton active />}
      {data && <ActivityDetail activity={data} onEdit={onEdit} onDeleted={onClose} />}
    </Drawer>
  );
}

function ActivityDetail({
  activity,
  onEdit,
  onDeleted,
}: {
  activity: PropagationActivity;
  onEdit: (activity: PropagationActivity) => void;
  onDeleted: () => void;
}) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const remove = useDeleteActivity();
  const can = (action: PropagationActivity['allowedActions'][number]) =>
    activity.allowedActions.includes(action);

  const confirmDelete = () =>
    modal.confirm({
      title: `Xóa hoạt động "${activity.title}"?`,
      content: 'Hoạt động và các liên kết của nó bị xóa khỏi sổ tuyên truyền.',
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(activity);
          message.success('Đã xóa hoạt động tuyên truyền.');
          onDeleted();
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        {can('edit') && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(activity)} data-testid="propagation-edit">
            Sửa
          </Button>
        )}
        {can('delete') && (
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="propagation-delete">
            Xóa
          </Button>
        )}
      </Space>
      <Descriptions column={1} size="small" bordered data-testid="propagation-detail">
        <Descriptions.Item label="Tiêu đề">{activity.title}</Descriptions.Item>
        <Descriptions.Item label="Kênh">{CHANNEL_LABELS[activity.channel]}</Descriptions.Item>
        <Descriptions.Item label="Ngày">{formatApiDate(activity.heldOn)}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{activity.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Đường dẫn">
          {activity.url ? (
            <a href={activity.url} target="_blank" rel="noreferrer noopener">
              {activity.url}
            </a>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Mức độ lan tỏa">{reachText(activity)}</Descriptions.Item>
        <Descriptions.Item label="Điển hình được giới thiệu">
          {activity.featuredExemplars.length === 0
            ? '—'
            : activity.featuredExemplars.map((exemplar) => (
                <Tag key={exemplar.id}>
                  <Link to={exemplarPath(exemplar.id)}>{exemplar.name}</Link>
                </Tag>
              ))}
        </Descriptions.Item>
        {activity.note && <Descriptions.Item label="Ghi chú">{activity.note}</Descriptions.Item>}
        <Descriptions.Item label="Cập nhật">{formatDateTime(activity.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <ActivityFiles activity={activity} canChange={can('attach')} />
    </Flex>
  );
}

function ActivityFiles({ activity, canChange }: { activity: PropagationActivity; canChange: boolean }) {
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const upload = useUploadPropagationFile(activity.id);
  const remove = useDeletePropagationFile();
  const download = useDownloadPropagationFile();

  return (
    <div data-testid="propagation-files">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <strong>Tệp đính kèm ({activity.attachments.length})</strong>
        {canChange && (
          <Upload
            showUploadList={false}
            customRequest={({ file }) =>
              upload.mutate(
                { file: file as File },
                { onSuccess: () => message.success('Đã tải tệp lên.'), onError: notifyError },
              )
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="propagation-upload">
              Tải tệp lên
            </Button>
          </Upload>
        )}
      </Flex>
      <List<Attachment>
        size="small"
        bordered
        dataSource={activity.attachments}
        locale={{ emptyText: 'Chưa có tệp nào (bài viết PDF, ảnh chụp màn hình, ảnh sự kiện…).' }}
        renderItem={(attachment) => (
          <List.Item
            actions={[
              <Button
                key="download"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => download.mutate(attachment, { onError: notifyError })}
                aria-label="Tải về"
              />,
              ...(canChange
                ? [
                    <Button
                      key="delete"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove.mutate(attachment, { onError: notifyError })}
                      aria-label="Xóa tệp"
                    />,
                  ]
                : []),
            ]}
          >
            {attachment.caption ?? attachment.fileName}
          </List.Item>
        )}
      />
    </div>
  );
}
