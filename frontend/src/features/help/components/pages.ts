import type { Role } from '@/lib/api/models';
import { HELP_TOPICS } from '@/lib/help';
import { navItemsFor, PATHS, ROUTE_ROLES } from '@/lib/navigation';

/** What each page of the app is for, by its address; the anchor is its help section. */
const PAGE_TEXTS: Record<string, { anchor: string; text: string }> = {
  [PATHS.home]: {
    anchor: HELP_TOPICS.home,
    text: 'Việc cần làm của bạn (mỗi con số mở đúng danh sách hồ sơ cần xử lý), bài giới thiệu tháng này của đơn vị và các mốc thời gian sắp tới. Lãnh đạo Sở, Văn phòng Sở và quản trị còn thấy bức tranh chung của Sở trong năm.',
  },
  [PATHS.exemplars]: {
    anchor: HELP_TOPICS.exemplars,
    text: 'Danh sách điển hình tiên tiến: tìm theo tên (gõ không dấu cũng được), lọc theo đơn vị, giai đoạn, tình trạng hồ sơ, kết luận; xuất Excel; nhập nhiều điển hình từ tệp Excel hoặc CSV. Mỗi hồ sơ có các thẻ Thông tin chung, Kế hoạch bồi dưỡng, Tổng kết, Nhân rộng, Đánh giá, Tệp đính kèm và phần Diễn biến hồ sơ. Danh sách trống khi chưa có điển hình nào khớp bộ lọc: bỏ bớt bộ lọc, hoặc ghi nhận điển hình mới.',
  },
  [PATHS.introductions]: {
    anchor: HELP_TOPICS.introductions,
    text: 'Bảng theo dõi từng đơn vị theo tháng (đúng hạn, trễ hạn, chưa giới thiệu, chưa đến hạn, chưa áp dụng), xuất Excel, và các bài giới thiệu gương điển hình. Đơn vị mới thành lập hoặc vừa hoạt động trở lại bắt đầu giới thiệu từ tháng sau.',
  },
  [PATHS.movements]: {
    anchor: HELP_TOPICS.movements,
    text: 'Các phong trào thi đua mà điển hình gắn với, như "Bình dân học vụ số", "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", "Dân vận khéo". Văn phòng Sở và quản trị thêm, sửa phong trào.',
  },
  [PATHS.criteria]: {
    anchor: HELP_TOPICS.criteria,
    text: 'Các bộ tiêu chí đánh giá, có phiên bản; phiếu đánh giá mới dùng bộ đang áp dụng. Bộ tiêu chuẩn chung của Kế hoạch có sẵn cho cá nhân và cho tập thể. Văn phòng Sở và quản trị soạn, ban hành bộ tiêu chí.',
  },
  [PATHS.units]: {
    anchor: HELP_TOPICS.units,
    text: 'Cơ cấu tổ chức của Sở: đơn vị thuộc Sở và đơn vị trực thuộc, dạng cây và danh sách. Quản trị thêm, sửa, ngừng hoạt động đơn vị.',
  },
  [PATHS.users]: {
    anchor: HELP_TOPICS.users,
    text: 'Tài khoản người dùng: vai trò, đơn vị, khóa tài khoản, đặt lại mật khẩu tạm thời (người dùng phải đổi mật khẩu này khi đăng nhập).',
  },
  [PATHS.serviceAccounts]: {
    anchor: HELP_TOPICS.serviceAccounts,
    text: 'Tài khoản cho hệ thống của tỉnh và các tập lệnh đọc dữ liệu qua API, chỉ với những quyền đọc được cấp; khóa bí mật chỉ hiện một lần khi tạo hoặc đổi.',
  },
  [PATHS.audit]: {
    anchor: HELP_TOPICS.audit,
    text: 'Ai đã thay đổi gì, khi nào: mỗi thao tác ghi dữ liệu được lưu lại cùng nội dung trước và sau khi thay đổi.',
  },
  [PATHS.profile]: {
    anchor: HELP_TOPICS.profile,
    text: 'Thông tin liên hệ và mật khẩu của bạn.',
  },
};

export interface PageEntry {
  path: string | null;
  label: string;
  anchor: string;
  text: string;
}

/** The pages a role sees in the navigation, then the header's notifications. */
export function pagesFor(role: Role): PageEntry[] {
  const pages: PageEntry[] = navItemsFor(role).flatMap((item) => {
    const page = PAGE_TEXTS[item.path];
    return page ? [{ path: item.path, label: item.label, ...page }] : [];
  });
  return [
    ...pages,
    {
      path: null,
      label: 'Thông báo (biểu tượng chuông ở đầu trang)',
      anchor: HELP_TOPICS.notifications,
      text: 'Nhắc nhở của Văn phòng Sở và các tin liên quan đến bạn; bấm vào một thông báo để mở trang liên quan.',
    },
  ];
}

/** Whether a role may open an address (links to pages it may not open are shown as text). */
export function canOpen(role: Role, to: string): boolean {
  const path = to.split(/[?#]/)[0];
  if (path === PATHS.help) return true;
  if (path === PATHS.newExemplar) return (ROUTE_ROLES.exemplarWrite as readonly Role[]).includes(role);
  return navItemsFor(role).some((item) => item.path === path);
}
