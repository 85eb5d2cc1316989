/**
 * The plan's four general standards of an advanced collective or individual (section II.3,
 * verbatim; the criteria sets the server seeds carry the same text).
 */
export const GENERAL_STANDARDS: readonly string[] = [
  'Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, gắn với việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” theo tinh thần Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.',
  'Hoàn thành xuất sắc nhiệm vụ được giao.',
  'Có mô hình mới, cách làm hay, nhiều sáng kiến, giải pháp sáng tạo được áp dụng mang lại hiệu quả thiết thực và là nhân tố nổi trội, tiêu biểu, dẫn đầu trong các phong trào thi đua.',
  'Có tinh thần tương thân tương ái, giúp đỡ mọi người cùng tiến bộ; tích cực tham gia các hoạt động xã hội; hoạt động nhân đạo, từ thiện, góp phần tích cực vào sự phát triển của tỉnh.',
];
