import type { CellStatus } from '@/lib/api/models';

/**
 * How a month's introduction looks in a unit × month grid (the monthly grid and the dashboard's
 * heatmap show them alike), with what each status means, in Vietnamese.
 */
export interface CellLook {
  label: string;
  /** What the status means, for the legend. */
  meaning: string;
  /** Text and border colour, and the fill. */
  color: string;
  border: string;
  background: string;
  /** What the cell shows (with the count of introductions when there are several). */
  symbol: string;
}

/** The grid's colours: green on time, orange late, red missing, blue not yet due, grey to come,
 * blank before the programme's first month. */
export const CELL_LOOKS: Record<CellStatus, CellLook> = {
  on_time: {
    label: 'Đúng hạn',
    meaning: 'đã gửi bài giới thiệu trước hoặc trong ngày hạn',
    color: '#237804',
    border: '#95de64',
    background: '#d9f7be',
    symbol: '✓',
  },
  late: {
    label: 'Trễ hạn',
    meaning: 'đã gửi, nhưng sau ngày hạn',
    color: '#ad4e00',
    border: '#ffc069',
    background: '#ffe7ba',
    symbol: '!',
  },
  missing: {
    label: 'Chưa giới thiệu',
    meaning: 'đã quá hạn mà chưa gửi bài nào',
    color: '#a8071a',
    border: '#ff9c9e',
    background: '#ffccc7',
    symbol: '✗',
  },
  pending: {
    label: 'Chưa đến hạn',
    meaning: 'tháng này, còn trong hạn, chưa gửi bài',
    color: '#10239e',
    border: '#adc6ff',
    background: '#f0f5ff',
    symbol: '…',
  },
  upcoming: {
    label: 'Tháng tới',
    meaning: 'các tháng chưa đến',
    color: '#8c8c8c',
    border: '#f0f0f0',
    background: '#fafafa',
    symbol: '',
  },
  not_applicable: {
    label: 'Chưa áp dụng',
    meaning:
      'không tính: trước khi chương trình bắt đầu, trước tháng kế tiếp ngày đơn vị được thành lập hoặc hoạt động lại, hay khi đơn vị ngừng hoạt động',
    color: '#bfbfbf',
    border: '#f0f0f0',
    background: '#ffffff',
    symbol: '–',
  },
};

export const LEGEND: readonly CellStatus[] = [
  'on_time',
  'late',
  'missing',
  'pending',
  'upcoming',
  'not_applicable',
];
