import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition, multipart } from './files';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name, so Vietnamese file names keep their diacritics', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="bao-cao.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%91i%E1%BB%83n%20h%C3%ACnh.xlsx`,
      ),
    ).toBe('Báo cáo điển hình.xlsx');
  });

  it('falls back to the plain name, quoted or not', () => {
    expect(fileNameFromDisposition('attachment; filename="diem-hinh-tien-tien-2026-11-28.xlsx"')).toBe(
      'diem-hinh-tien-tien-2026-11-28.xlsx',
    );
    expect(fileNameFromDisposition('inline; filename=anh.png')).toBe('anh.png');
  });

  it('has no name without the header', () => {
    expect(fileNameFromDisposition(null)).toBeNull();
    expect(fileNameFromDisposition('inline')).toBeNull();
  });
});

describe('multipart', () => {
  it('sends the fields by the names given, leaving out empty ones', () => {
    const file = new File(['a;b'], 'danh-sach.csv', { type: 'text/csv' });
    const form = multipart<FormData>({
      file,
      dryRun: false,
      onlyValid: true,
      unitId: undefined,
      caption: '',
    });
    expect(form.get('dryRun')).toBe('false');
    expect(form.get('onlyValid')).toBe('true');
    expect(form.has('unitId')).toBe(false);
    expect(form.has('caption')).toBe(false);
    expect((form.get('file') as File).name).toBe('danh-sach.csv');
  });
});
