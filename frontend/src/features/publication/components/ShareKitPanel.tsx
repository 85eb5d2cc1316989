import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Row, Skeleton, Space, Typography } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useShareKit } from '../api/publication';
import { cardFileName, cardPath, copyText } from './share';

/** Ready-to-post texts for Zalo and Facebook and the 1200×630 card, while the exemplar is public. */
export function ShareKitPanel({ exemplarId }: { exemplarId: number }) {
  const kit = useShareKit(exemplarId, true);
  const { message } = App.useApp();
  if (kit.error) return <ProblemAlert error={kit.error} />;
  if (!kit.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const { zalo, facebook, cardWidth, cardHeight, publicUrl, hashtags } = kit.data;

  const copy = async (text: string, where: string) => {
    if (await copyText(text)) message.success(`Đã chép nội dung đăng ${where}.`);
    else message.error('Trình duyệt không cho chép tự động: hãy chọn nội dung rồi chép thủ công.');
  };

  const texts = [
    { key: 'zalo', label: 'Zalo', text: zalo, rows: 5 },
    { key: 'facebook', label: 'Facebook', text: facebook, rows: 9 },
  ];
  return (
    <Card title="Bộ tài liệu chia sẻ" size="small" data-testid="share-kit">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={12}>
            {texts.map((item) => (
              <div key={item.key}>
                <Space style={{ marginBottom: 4 }}>
                  <Typography.Text strong>Bài đăng {item.label}</Typography.Text>
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() => void copy(item.text, item.label)}
                    data-testid={`share-copy-${item.key}`}
                  >
                    Chép
                  </Button>
                </Space>
                <Input.TextArea
                  value={item.text}
                  readOnly
                  rows={item.rows}
                  data-testid={`share-${item.key}`}
                />
              </div>
            ))}
            <Typography.Text type="secondary">
              Đường dẫn: <Typography.Text copyable>{publicUrl}</Typography.Text>
              {hashtags.length > 0 && <> · {hashtags.join(' ')}</>}
            </Typography.Text>
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>
            Ảnh chia sẻ ({cardWidth}×{cardHeight})
          </Typography.Text>
          <img
            src={cardPath(exemplarId)}
            alt="Ảnh chia sẻ của điển hình"
            width={cardWidth}
            height={cardHeight}
            style={{
              display: 'block',
              width: '100%',
              height: 'auto',
              margin: '8px 0',
              border: '1px solid #eee',
            }}
            data-testid="share-card"
          />
          <Button
            icon={<DownloadOutlined />}
            href={cardPath(exemplarId)}
            download={cardFileName(exemplarId)}
            data-testid="share-card-download"
          >
            Tải ảnh PNG
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
