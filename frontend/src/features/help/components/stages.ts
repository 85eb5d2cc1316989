import type { Stage } from '@/lib/api/models';

export interface StageGuide {
  /** What the stage means in the plan. */
  purpose: string;
  /** The record the exemplar needs to be in this stage, and where it is kept. */
  record: string;
  /** The exemplar page's tab that keeps it. */
  tab: string;
}

/** The four stages of the plan (Phát hiện → Bồi dưỡng → Tổng kết → Nhân rộng) and their records. */
export const STAGE_GUIDES: Partial<Record<Stage, StageGuide>> = {
  discovered: {
    purpose:
      'Qua các phong trào thi đua, đơn vị phát hiện tập thể, cá nhân có thành tích tiêu biểu, sáng kiến, cách làm hay, gương người tốt việc tốt.',
    record:
      'Hồ sơ điển hình: đối tượng (cá nhân hoặc tập thể), phân loại, lĩnh vực, thành tích, sáng kiến, ngày và cách phát hiện, người phát hiện, phong trào thi đua liên quan; ảnh và minh chứng.',
    tab: 'Thông tin chung, Tệp đính kèm',
  },
  nurturing: {
    purpose:
      'Xác định nhân tố cần bồi dưỡng, tạo điều kiện hỗ trợ vật chất, tinh thần và có biện pháp khắc phục mặt còn hạn chế.',
    record:
      'Kế hoạch bồi dưỡng: điểm mạnh cần phát huy, hạn chế cần khắc phục, biện pháp bồi dưỡng, hỗ trợ vật chất, tinh thần, người hướng dẫn, giúp đỡ và các mốc có hạn, tiến độ.',
    tab: 'Kế hoạch bồi dưỡng',
  },
  summarized: {
    purpose: 'Tổng kết cách làm hay, kết quả và bài học kinh nghiệm để biểu dương, chia sẻ.',
    record: 'Kết quả tổng kết: cách làm hay, kết quả đạt được (kèm số liệu), bài học kinh nghiệm.',
    tab: 'Tổng kết',
  },
  replicated: {
    purpose:
      'Đơn vị, địa phương khác học tập, áp dụng; điển hình lan tỏa trong cơ quan, đơn vị và cộng đồng.',
    record: 'Ít nhất một nơi nhân rộng: nơi áp dụng, ngày áp dụng, quy mô, kết quả, minh chứng.',
    tab: 'Nhân rộng',
  },
};
