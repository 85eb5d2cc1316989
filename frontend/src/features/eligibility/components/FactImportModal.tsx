import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { type FactKind, useDownloadFactTemplate, useImportFacts } from '../api/facts';
import type { FactImportReport } from '../api/types';
import {
  FACT_COLUMNS,
  factImportChoices,
  factImportSummary,
  factRowsFromProblem,
  factRowsView,
  type FactRowView,
} from './fact-import';

const TEXT = {
  titles: {
    title: 'Nhập danh hiệu đã đạt từ tệp Excel/CSV',
    noun: 'danh hiệu',
    hint: 'Danh hiệu ghi mã (LDTT) hoặc tên; ngày ghi dd/mm/yyyy.',
  },
  discipline: {
    title: 'Nhập kỷ luật, vụ việc đang xem xét từ tệp Excel/CSV',
    noun: 'bản ghi kỷ luật',
    hint: 'Ngày ghi dd/mm/yyyy; để trống "Đến ngày" khi còn hiệu lực.',
  },
} as const;

/** Import facts from a spreadsheet: check it first (nothing is written), then import. */
export function FactImportModal({ kind, onClose }: { kind: FactKind; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<FactImportReport | null>(null);
  const importer = useImportFacts(kind);
  const template = useDownloadFactTemplate(kind);

  const run = (dryRun: boolean, onlyValid: boolean) => {
    if (file) importer.mutate({ file, dryRun, onlyValid }, { onSuccess: setReport });
  };
  const reset = (picked: File | null) => {
    setFile(picked);
    setReport(null);
    importer.reset();
  };

  const choices = report ? factImportChoices(report) : { all: false, onlyValid: false };
  const refusedRows = isApiError(importer.error, 'validation_failed')
    ? factRowsFromProblem(importer.error.problem)
    : [];
  const rows = refusedRows.length > 0 ? refusedRows : report ? factRowsView(report.rows) : [];
  const done = report?.committed === true;

  return (
    <Modal
      open
      title={TEXT[kind].title}
      onCancel={onClose}
      width={860}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose} data-testid="fact-import-close">
            {done ? 'Đóng' : 'Hủy'}
          </Button>
          {!done && (
            <Button
              onClick={() => run(true, false)}
              disabled={!file}
              loading={importer.isPending && importer.variables?.dryRun}
              type={report ? 'default' : 'primary'}
              data-testid="fact-import-check"
            >
              {report ? 'Kiểm tra lại' : 'Kiểm tra tệp'}
            </Button>
          )}
          {choices.onlyValid && (
            <Button
              type="primary"
              onClick={() => run(false, true)}
              loading={importer.isPending && !importer.variables?.dryRun}
              data-testid="fact-import-only-valid"
            >
              Chỉ nhập các dòng hợp lệ ({report?.validRows})
            </Button>
          )}
          {!done && report && (
            <Button
              type="primary"
              onClick={() => run(false, false)}
              disabled={!choices.all}
              loading={importer.isPending && !importer.variables?.dryRun && !importer.variables?.onlyValid}
              data-testid="fact-import-commit"
            >
              Nhập
            </Button>
          )}
        </Flex>
      }
      data-testid="fact-import-modal"
    >
      {!done && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            Dòng 1 là tiêu đề cột. Các cột: {FACT_COLUMNS[kind].join(', ')}. {TEXT[kind].hint}{' '}
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              style={{ padding: 0 }}
              loading={template.isPending}
              onClick={() => template.mutate()}
              data-testid="fact-import-template"
            >
              Tải tệp mẫu (.xlsx)
            </Button>
          </Typography.Paragraph>
          <ProblemAlert error={template.error} />
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            maxCount={1}
            beforeUpload={(picked) => {
              reset(picked);
              return false;
            }}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            onRemove={() => reset(null)}
            data-testid="fact-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">Bấm hoặc kéo tệp .xlsx/.csv vào đây</p>
          </Upload.Dragger>
        </>
      )}
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={importer.error} />
        {report && refusedRows.length === 0 && (
          <Alert
            type={done ? 'success' : report.errorRows > 0 ? 'warning' : 'info'}
            showIcon
            title={factImportSummary(report, TEXT[kind].noun)}
            style={{ marginBottom: 12 }}
            data-testid="fact-import-summary"
          />
        )}
        {rows.length > 0 && <FactRowsTable rows={rows} />}
      </div>
    </Modal>
  );
}

function FactRowsTable({ rows }: { rows: FactRowView[] }) {
  return (
    <Table<FactRowView>
      rowKey="row"
      size="small"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ y: 360 }}
      onRow={(row) =>
        ({
          'data-testid': `fact-import-row-${row.row}`,
          'data-ok': String(row.ok),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: 'Dòng', dataIndex: 'row', key: 'row', width: 70 },
        {
          title: 'Họ và tên',
          key: 'name',
          render: (_, row) =>
            row.name ?? <Typography.Text type="secondary">(không đọc được)</Typography.Text>,
        },
        {
          title: 'Kết quả',
          key: 'problems',
          render: (_, row) =>
            row.ok ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> {row.created ? 'Đã nhập' : 'Hợp lệ'}
              </Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
                {row.problems.map((problem) => (
                  <li key={problem.column} data-testid="fact-import-problem">
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
      data-testid="fact-import-report"
    />
  );
}
