import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { UnitSelect } from '@/components/UnitSelect';
import { isApiError } from '@/lib/api/problem';
import type { ImportReport } from '@/lib/api/models';
import { unitTreeQuery } from '@/lib/api/queries/units';
import { useDownloadImportTemplate, useImportExemplars } from '../api/exemplars';
import {
  IMPORT_COLUMNS,
  importChoices,
  importRowsView,
  importSummary,
  rowsFromProblem,
} from './import-report';
import { ImportReportTable } from './ImportReportTable';

interface ImportModalProps {
  /** The Office chooses a default unit for rows without "Mã đơn vị"; units import into their own. */
  chooseUnit: boolean;
  onClose: () => void;
}

/** Import from a spreadsheet: check it first (nothing is written), then import. */
export function ImportModal({ chooseUnit, onClose }: ImportModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<number>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const importer = useImportExemplars();
  const template = useDownloadImportTemplate();
  const units = useQuery(unitTreeQuery(false));

  const run = (dryRun: boolean, onlyValid: boolean) => {
    if (!file) return;
    importer.mutate({ file, dryRun, onlyValid, unitId }, { onSuccess: setReport });
  };

  const pickFile = (picked: File) => {
    setFile(picked);
    setReport(null);
    importer.reset();
    return false;
  };

  const choices = report ? importChoices(report) : { all: false, onlyValid: false };
  // A refused import (422) names the rows at fault: show them in the table too.
  const refusedRows = isApiError(importer.error, 'validation_failed')
    ? rowsFromProblem(importer.error.problem)
    : [];
  const rows = refusedRows.length > 0 ? refusedRows : report ? importRowsView(report.rows) : [];
  const done = report?.committed === true;

  return (
    <Modal
      open
      title="Nhập điển hình từ tệp Excel/CSV"
      onCancel={onClose}
      width={900}
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onClose} data-testid="import-close">
            {done ? 'Đóng' : 'Hủy'}
          </Button>
          {!done && (
            <Button
              onClick={() => run(true, false)}
              disabled={!file}
              loading={importer.isPending && importer.variables?.dryRun}
              type={report ? 'default' : 'primary'}
              data-testid="import-check"
            >
              {report ? 'Kiểm tra lại' : 'Kiểm tra tệp'}
            </Button>
          )}
          {choices.onlyValid && (
            <Button
              type="primary"
              onClick={() => run(false, true)}
              loading={importer.isPending && !importer.variables?.dryRun}
              data-testid="import-only-valid"
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
              title={choices.all ? undefined : 'Chỉ nhập được cả tệp khi không dòng nào có lỗi'}
              data-testid="import-commit"
            >
              Nhập
            </Button>
          )}
        </Flex>
      }
      data-testid="import-modal"
    >
      {!done && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            Dòng 1 là tiêu đề cột. Các cột:{' '}
            {IMPORT_COLUMNS.map((column, index) => (
              <span key={column.header}>
                {index > 0 && ', '}
                {column.required ? <strong>{column.header}</strong> : column.header}
              </span>
            ))}{' '}
            (in đậm: bắt buộc). Ngày ghi dd/mm/yyyy; nhiều phong trào hoặc sáng kiến cách nhau bởi dấu ";".{' '}
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              style={{ padding: 0 }}
              loading={template.isPending}
              onClick={() => template.mutate()}
              data-testid="import-template"
            >
              Tải tệp mẫu (.xlsx)
            </Button>
          </Typography.Paragraph>
          <Form layout="vertical">
            {chooseUnit && (
              <Form.Item label="Đơn vị cho các dòng không ghi mã đơn vị" style={{ marginBottom: 12 }}>
                <UnitSelect
                  tree={units.data}
                  allowClear
                  placeholder="Chọn đơn vị (không bắt buộc)"
                  value={unitId}
                  onChange={(value) => {
                    setUnitId(value);
                    setReport(null);
                  }}
                  style={{ width: '100%' }}
                  data-testid="import-unit"
                />
              </Form.Item>
            )}
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              maxCount={1}
              beforeUpload={pickFile}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              onRemove={() => {
                setFile(null);
                setReport(null);
                importer.reset();
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Bấm hoặc kéo tệp .xlsx/.csv vào đây</p>
            </Upload.Dragger>
          </Form>
        </>
      )}
      <div style={{ marginTop: 16 }}>
        <ProblemAlert error={importer.error} />
        {report && refusedRows.length === 0 && (
          <Alert
            type={done ? 'success' : report.errorRows > 0 ? 'warning' : 'info'}
            showIcon
            title={importSummary(report)}
            description={
              !done && report.errorRows > 0 && report.validRows > 0
                ? 'Sửa các dòng có lỗi rồi kiểm tra lại, hoặc chỉ nhập các dòng hợp lệ.'
                : !done && report.errorRows === 0 && report.validRows > 0
                  ? 'Chưa có gì được ghi. Bấm "Nhập" để ghi các điển hình vào hệ thống.'
                  : undefined
            }
            style={{ marginBottom: 12 }}
            data-testid="import-summary"
          />
        )}
        {rows.length > 0 && <ImportReportTable rows={rows} />}
      </div>
    </Modal>
  );
}
