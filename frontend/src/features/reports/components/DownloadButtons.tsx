import { FileExcelOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import { type ReportFile, useDownloadReport } from '../api/reports';

const FILES: { file: ReportFile; label: string; icon: typeof FileWordOutlined }[] = [
  { file: 'docx', label: 'Tải văn bản (DOCX)', icon: FileWordOutlined },
  { file: 'xlsx', label: 'Phụ lục số liệu (Excel)', icon: FileExcelOutlined },
  { file: 'csv', label: 'Phụ lục số liệu (CSV)', icon: FileTextOutlined },
];

/** The report as an official document (Nghị định 30/2020) and its figure tables. */
export function DownloadButtons({ reportId }: { reportId: number }) {
  const download = useDownloadReport();
  const notifyError = useErrorNotice();
  const pending = download.isPending ? download.variables?.file : undefined;
  return (
    <>
      {FILES.map(({ file, label, icon: Icon }) => (
        <Button
          key={file}
          icon={<Icon />}
          loading={pending === file}
          onClick={() => download.mutate({ id: reportId, file }, { onError: notifyError })}
          data-testid={`report-download-${file}`}
        >
          {label}
        </Button>
      ))}
    </>
  );
}
