import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { CategoryTag } from '@/components/ExemplarTags';
import { HelpEmpty } from '@/components/HelpEmpty';
import type { Exemplar, Initiative } from '@/lib/api/models';
import { formatApiDate, formatDateTime } from '@/lib/dates';
import { SUBJECT_KIND_LABELS } from '@/lib/vocabulary';

/** The exemplar's own fields: who, what kind, achievements, initiatives and movements. */
export function GeneralInfo({ exemplar }: { exemplar: Exemplar }) {
  const individual = exemplar.subjectKind === 'individual';
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'subject', label: 'Đối tượng', children: SUBJECT_KIND_LABELS[exemplar.subjectKind] },
          { key: 'unit', label: 'Đơn vị', children: exemplar.unit.name },
          ...(individual
            ? [
                { key: 'position', label: 'Chức vụ', children: exemplar.position ?? '—' },
                { key: 'title', label: 'Chức danh', children: exemplar.title ?? '—' },
              ]
            : [{ key: 'members', label: 'Số thành viên', children: exemplar.memberCount ?? '—' }]),
          { key: 'category', label: 'Phân loại', children: <CategoryTag category={exemplar.category} /> },
          { key: 'field', label: 'Lĩnh vực', children: exemplar.fieldOfWork },
          { key: 'discoveredOn', label: 'Ngày phát hiện', children: formatApiDate(exemplar.discoveredOn) },
          { key: 'method', label: 'Cách phát hiện', children: exemplar.discoveryMethod ?? '—' },
          { key: 'by', label: 'Người phát hiện', children: exemplar.discoveredBy ?? '—' },
          { key: 'updatedAt', label: 'Cập nhật lần cuối', children: formatDateTime(exemplar.updatedAt) },
          {
            key: 'achievements',
            label: 'Thành tích',
            span: 'filled',
            children: (
              <Typography.Paragraph
                className="pre-wrap"
                style={{ marginBottom: 0 }}
                data-testid="exemplar-achievements"
              >
                {exemplar.achievements}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'movements',
            label: 'Phong trào thi đua',
            span: 'filled',
            children:
              exemplar.movements.length > 0 ? (
                <Space size={[4, 4]} wrap data-testid="exemplar-movements">
                  {exemplar.movements.map((movement) => (
                    <Tag key={movement.id} color="blue" style={{ whiteSpace: 'normal' }}>
                      {movement.code} – {movement.name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
        data-testid="exemplar-info"
      />
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        Sáng kiến, giải pháp
      </Typography.Title>
      {exemplar.initiatives.length === 0 ? (
        <HelpEmpty description="Chưa ghi nhận sáng kiến" topic="stages" />
      ) : (
        <Table<Initiative>
          size="small"
          rowKey={(_, index) => String(index)}
          dataSource={exemplar.initiatives}
          pagination={false}
          columns={[
            { title: 'Tên sáng kiến', dataIndex: 'title', key: 'title' },
            { title: 'Năm', dataIndex: 'year', key: 'year', render: (year?: number | null) => year ?? '—' },
            {
              title: 'Cấp công nhận',
              dataIndex: 'recognisedBy',
              key: 'recognisedBy',
              render: (v) => v ?? '—',
            },
            { title: 'Phạm vi áp dụng', dataIndex: 'scope', key: 'scope', render: (v) => v ?? '—' },
          ]}
          data-testid="exemplar-initiatives"
        />
      )}
    </>
  );
}
