/** Lower case without Vietnamese diacritics ("Đồng Tháp" → "dong thap"), for matching as people type. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** A select's search filter that ignores case and diacritics, over the options' `search` text. */
export const searchOptions = {
  filterOption: (input: string, option?: Record<string, unknown>) =>
    foldVietnamese(String(option?.search ?? '')).includes(foldVietnamese(input.trim())),
};

/** "1,5 MB", "320 KB", "12 B" (Vietnamese decimal comma). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: digits })} ${units[unit]}`;
}
