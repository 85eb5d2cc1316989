import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, List, Select, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useErrorNotice } from '@/components/use-error-notice';
import { formatDateTime } from '@/lib/dates';
import { formatBytes } from '@/lib/text';
import { optionsOf } from '@/lib/vocabulary';
import { useDeleteProposalFile, useDownloadDocument, useUploadProposalFile } from '../api/commendations';
import type { Proposal, ProposalFileKind } from '../api/models';
import { FILE_KIND_LABELS } from '../vocabulary';
import { isAllowed } from './proposal-actions';

/** The files of a proposal, typed (tờ trình, biên bản họp xét, báo cáo thành tích, minh chứng). */
export function AttachmentsCard({ proposal }: { proposal: Proposal }) {
  const { message, modal } = App.useApp();
  const notifyError = useErrorNotice();
  const upload = useUploadProposalFile();
  const remove = useDeleteProposalFile(proposal.id);
  const download = useDownloadDocument();
  const [kind, setKind] = useState<ProposalFileKind>('to_trinh');
  const [caption, setCaption] = useState('');
  const canAttach = isAllowed(proposal.allowedActions, 'attach');

  return (
    <Card title="Tệp đính kèm" style={{ marginBottom: 16 }} data-testid="proposal-attachments">
      {canAttach && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            value={kind}
            onChange={setKind}
            options={optionsOf(FILE_KIND_LABELS)}
            style={{ width: 200 }}
            data-testid="attachment-kind"
          />
          <Input
            value={caption}
            onChange={(event) => setCaption(event.target.value)}
            placeholder="Mô tả (không bắt buộc)"
            maxLength={300}
            style={{ width: 240 }}
          />
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(
                { proposalId: proposal.id, file, kind, caption: caption.trim() || null },
                {
                  onSuccess: () => {
                    message.success(`Đã đính kèm ${FILE_KIND_LABELS[kind].toLowerCase()}.`);
                    setCaption('');
                  },
                  onError: notifyError,
                },
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
              Chọn tệp
            </Button>
          </Upload>
        </Flex>
      )}
      <List
        dataSource={proposal.attachments}
        locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
        renderItem={(file) => (
          <List.Item
            data-testid={`attachment-${file.id}`}
            actions={[
              <Button
                key="download"
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => download.mutate({ kind: 'attachment', file }, { onError: notifyError })}
              >
                Tải về
              </Button>,
              ...(canAttach
                ? [
                    <Button
                      key="delete"
                      type="link"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() =>
                        modal.confirm({
                          title: `Gỡ tệp "${file.fileName}"?`,
                          okText: 'Gỡ tệp',
                          okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
                          cancelText: 'Hủy',
                          onOk: () => remove.mutateAsync(file).catch(notifyError),
                        })
                      }
                    >
                      Gỡ
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  <Tag data-testid="attachment-kind-tag">{FILE_KIND_LABELS[file.kind]}</Tag>
                  {file.fileName}
                </>
              }
              description={
                <Typography.Text type="secondary">
                  {[file.caption, formatBytes(file.sizeBytes), formatDateTime(file.createdAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
