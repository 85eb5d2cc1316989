/**
 * The usual fields of work of a provincial Department of Justice, offered as suggestions
 * (the field is free text: a unit may record another one).
 */
export const FIELDS_OF_WORK = [
  'Trợ giúp pháp lý',
  'Hộ tịch',
  'Quốc tịch',
  'Chứng thực',
  'Công chứng',
  'Luật sư',
  'Đấu giá tài sản',
  'Giám định tư pháp',
  'Hòa giải ở cơ sở',
  'Phổ biến, giáo dục pháp luật',
  'Xây dựng và kiểm tra văn bản quy phạm pháp luật',
  'Theo dõi thi hành pháp luật',
  'Xử lý vi phạm hành chính',
  'Lý lịch tư pháp',
  'Bồi thường nhà nước',
  'Hành chính tư pháp',
  'Văn phòng',
] as const;

export const FIELD_OPTIONS = FIELDS_OF_WORK.map((value) => ({ value }));
