import type { DifficultyAction, DifficultyStatus } from './api/difficulties';

export const DIFFICULTY_STATUS: Record<DifficultyStatus, { label: string; color: string }> = {
  open: { label: 'Chờ Văn phòng Sở xử lý', color: 'gold' },
  answered: { label: 'Văn phòng Sở đã trả lời', color: 'blue' },
  referred: { label: 'Đã báo cáo Lãnh đạo Sở', color: 'purple' },
  directed: { label: 'Lãnh đạo Sở đã chỉ đạo', color: 'cyan' },
  closed: { label: 'Đã kết thúc', color: 'default' },
};

export const DIFFICULTY_ACTION: Record<DifficultyAction, string> = {
  raise: 'Gửi phản ánh',
  edit: 'Sửa',
  delete: 'Xóa',
  answer: 'Trả lời',
  refer: 'Báo cáo Lãnh đạo Sở',
  direct: 'Chỉ đạo',
  close: 'Kết thúc',
  reopen: 'Phản ánh lại',
  attach: 'Đính kèm tệp',
};

/** The note each step asks for, and whether it may be left out. */
export const STEP_NOTE: Record<
  'answer' | 'refer' | 'direct' | 'close' | 'reopen',
  { label: string; required: boolean }
> = {
  answer: { label: 'Nội dung trả lời, hướng dẫn', required: true },
  refer: { label: 'Nội dung báo cáo Lãnh đạo Sở', required: true },
  direct: { label: 'Ý kiến chỉ đạo', required: true },
  close: { label: 'Ghi chú khi kết thúc (không bắt buộc)', required: false },
  reopen: { label: 'Lý do phản ánh lại', required: true },
};

/** A handling time as people say it: "45 phút", "3 giờ 20 phút", "2 ngày 4 giờ". */
export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} giờ ${minutes % 60} phút` : `${hours} giờ`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ngày ${hours % 24} giờ` : `${days} ngày`;
}
