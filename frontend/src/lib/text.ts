/** Lower case without Vietnamese diacritics ("Đồng Tháp" → "dong thap"), for matching as people type. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** A select's search filter that ignores case and diacritics, over the options' `search` text. */
export const searchOptions = {
  filterOption: (input: string, option?: Record<string, unknown>) =>
    foldVietnamese(String(option?.search ?? '')).includes(foldVietnamese(input.trim())),
};
