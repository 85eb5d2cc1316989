import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { exemplarPath } from '@/lib/navigation';
import type { ImportRowView } from './import-report';

interface ImportReportTableProps {
  rows: ImportRowView[];
}

/** Each spreadsheet row: its number, the name read, and what is wrong, column by column. */
export function ImportReportTable({ rows }: ImportReportTableProps) {
  return (
    <Table<ImportRowView>
      rowKey="row"
      size="small"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ y: 360 }}
      onRow={(row) =>
        ({ 'data-testid': `import-row-${row.row}`, 'data-ok': String(row.ok) }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: 'Dòng', dataIndex: 'row', key: 'row', width: 70 },
        {
          title: 'Tên điển hình',
          key: 'name',
          render: (_, row) =>
            row.createdId ? (
              <Link to={exemplarPath(row.createdId)} target="_blank">
                {row.name}
              </Link>
            ) : (
              (row.name ?? <Typography.Text type="secondary">(không đọc được)</Typography.Text>)
            ),
        },
        {
          title: 'Kết quả',
          key: 'problems',
          render: (_, row) =>
            row.ok ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> {row.createdId ? 'Đã nhập' : 'Hợp lệ'}
              </Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
                {row.problems.map((problem) => (
                  <li key={problem.column} data-testid="import-problem">
                    <CloseCircleFilled style={{ color: '#cf1322', marginInlineEnd: 6 }} />
                    <Tag>{problem.column}</Tag>
                    {problem.messages.join(' ')}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
      locale={{ emptyText: 'Không có dòng dữ liệu' }}
      data-testid="import-report"
    />
  );
}
