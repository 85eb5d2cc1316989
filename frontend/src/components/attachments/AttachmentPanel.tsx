import {
  CheckCircleFilled,
  DeleteOutlined,
  DownloadOutlined,
  FileOutlined,
  FilePdfOutlined,
  PictureOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Spin, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { HelpEmpty } from '@/components/HelpEmpty';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Attachment } from '@/lib/api/models';
import { formatDateTime } from '@/lib/dates';
import { formatBytes } from '@/lib/text';
import {
  type AttachmentOwner,
  useAttachmentContent,
  useAttachmentThumbnail,
  useBlobUrl,
  useDeleteAttachment,
  useDownloadAttachment,
  useUploadAttachment,
} from './attachments-api';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt';

interface AttachmentPanelProps {
  owner: AttachmentOwner;
  attachments: Attachment[];
  /** Whether the caller may add and remove files here. */
  canChange: boolean;
  /** Refreshes the record the files belong to. */
  onChanged: () => void;
  testId?: string;
  /** An exemplar's picture: which image it is, and choosing another (when files may change). */
  photo?: PhotoChoice;
}

export interface PhotoChoice {
  currentId: number | null;
  onChoose: (attachment: Attachment) => void;
  /** The attachment being made the picture, while the server answers. */
  choosingId: number | null;
}

/** The files of a record: image thumbnails with a preview, downloads, uploads with a caption. */
export function AttachmentPanel({
  owner,
  attachments,
  canChange,
  onChanged,
  testId,
  photo,
}: AttachmentPanelProps) {
  const { message } = App.useApp();
  const notifyError = useErrorNotice();
  const [caption, setCaption] = useState('');
  const upload = useUploadAttachment(owner, onChanged);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const prefix = testId ?? `attachments-${owner.kind}-${owner.id}`;

  return (
    <div data-testid={prefix}>
      {canChange && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input
            placeholder="Chú thích (không bắt buộc)"
            value={caption}
            maxLength={300}
            onChange={(event) => setCaption(event.target.value)}
            style={{ maxWidth: 320 }}
            data-testid={`${prefix}-caption`}
          />
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => {
              upload.mutate(
                { file: file as File, caption },
                {
                  onSuccess: (saved) => {
                    message.success(`Đã tải lên ${saved.fileName}.`);
                    setCaption('');
                  },
                  onError: notifyError,
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid={`${prefix}-upload`}>
              Tải tệp lên
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            PDF, ảnh, Word, Excel, PowerPoint; tối đa 20 MB.
          </Typography.Text>
        </Flex>
      )}
      {attachments.length === 0 ? (
        <HelpEmpty description="Chưa có tệp đính kèm" topic="exemplars" />
      ) : (
        <Flex gap={12} wrap>
          {attachments.map((attachment) => (
            <AttachmentCard
              key={attachment.id}
              attachment={attachment}
              canDelete={canChange}
              photo={photo}
              canChoosePhoto={canChange}
              onPreview={() => setPreviewing(attachment)}
              onChanged={onChanged}
            />
          ))}
        </Flex>
      )}
      {previewing && <PreviewModal attachment={previewing} onClose={() => setPreviewing(null)} />}
    </div>
  );
}

function AttachmentCard({
  attachment,
  canDelete,
  photo,
  canChoosePhoto,
  onPreview,
  onChanged,
}: {
  attachment: Attachment;
  canDelete: boolean;
  photo?: PhotoChoice;
  canChoosePhoto: boolean;
  onPreview: () => void;
  onChanged: () => void;
}) {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const thumbnail = useAttachmentThumbnail(attachment);
  const thumbnailUrl = useBlobUrl(thumbnail.data);
  const download = useDownloadAttachment();
  const remove = useDeleteAttachment(onChanged);
  const isImage = Boolean(attachment.thumbnailUrl);
  const isPdf = attachment.contentType === 'application/pdf';
  const isPhoto = photo !== undefined && photo.currentId === attachment.id;

  const confirmDelete = () =>
    modal.confirm({
      title: `Gỡ tệp "${attachment.fileName}"?`,
      content: 'Tệp sẽ không còn trong hồ sơ (hệ thống vẫn lưu vết để đối chiếu).',
      okText: 'Gỡ tệp',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(attachment);
          message.success('Đã gỡ tệp.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return (
    <div className="attachment-card" data-testid={`attachment-${attachment.id}`}>
      <button
        type="button"
        className="attachment-thumb"
        onClick={isImage ? onPreview : () => download.mutate(attachment, { onError: notifyError })}
        title={isImage ? 'Xem ảnh' : 'Tải xuống'}
      >
        {isImage ? (
          thumbnailUrl ? (
            <img src={thumbnailUrl} alt={attachment.caption ?? attachment.fileName} />
          ) : (
            <Spin size="small" />
          )
        ) : isPdf ? (
          <FilePdfOutlined style={{ fontSize: 36, color: '#cf1322' }} />
        ) : (
          <FileOutlined style={{ fontSize: 36, color: '#8c8c8c' }} />
        )}
      </button>
      <div className="attachment-meta">
        <Typography.Text ellipsis={{ tooltip: attachment.fileName }} strong>
          {attachment.fileName}
        </Typography.Text>
        {attachment.caption && (
          <Typography.Text ellipsis={{ tooltip: attachment.caption }} data-testid="attachment-caption">
            {attachment.caption}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBytes(attachment.sizeBytes)} · {formatDateTime(attachment.createdAt)}
        </Typography.Text>
        {isPhoto && (
          <span>
            <Tag color="blue" icon={<CheckCircleFilled />} data-testid={`attachment-photo-${attachment.id}`}>
              Ảnh đại diện
            </Tag>
          </span>
        )}
        <Flex gap={4} wrap>
          <Tooltip title="Tải xuống">
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={download.isPending}
              onClick={() => download.mutate(attachment, { onError: notifyError })}
              aria-label="Tải xuống"
              data-testid={`attachment-download-${attachment.id}`}
            />
          </Tooltip>
          {photo && isImage && !isPhoto && canChoosePhoto && (
            <Button
              size="small"
              icon={<PictureOutlined />}
              loading={photo.choosingId === attachment.id}
              onClick={() => photo.onChoose(attachment)}
              data-testid={`attachment-choose-photo-${attachment.id}`}
            >
              Đặt làm ảnh đại diện
            </Button>
          )}
          {canDelete && (
            <Tooltip title="Gỡ tệp">
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={confirmDelete}
                aria-label="Gỡ tệp"
                data-testid={`attachment-delete-${attachment.id}`}
              />
            </Tooltip>
          )}
        </Flex>
      </div>
    </div>
  );
}

/** An image, in full, in a dialog. */
export function PreviewModal({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const content = useAttachmentContent(attachment, true);
  const url = useBlobUrl(content.data);
  return (
    <Modal
      open
      title={attachment.caption || attachment.fileName}
      footer={null}
      onCancel={onClose}
      width={900}
      destroyOnHidden
    >
      <div style={{ display: 'grid', placeItems: 'center', minHeight: 200 }} data-testid="attachment-preview">
        {url ? (
          <img src={url} alt={attachment.caption ?? attachment.fileName} style={{ maxWidth: '100%' }} />
        ) : content.isError ? (
          <Typography.Text type="danger">Không tải được ảnh.</Typography.Text>
        ) : (
          <Spin />
        )}
      </div>
    </Modal>
  );
}
