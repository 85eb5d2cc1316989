import type { Role } from '@/lib/api/models';
import { helpPath } from '@/lib/help';
import { PATHS } from '@/lib/paths';

/** The roles of people who sign in to the web app (service accounts do not). */
export type PersonRole = Exclude<Role, 'integration'>;

export const GUIDE_ROLES: readonly PersonRole[] = ['unit_staff', 'unit_head', 'office', 'leader', 'admin'];

export function isPersonRole(role: Role): role is PersonRole {
  return role !== 'integration';
}

/** Where a task is done. */
export interface GuideLink {
  to: string;
  label: string;
}

export interface GuideTask {
  key: string;
  text: string;
  link?: GuideLink;
}

export interface GuideGroup {
  key: 'thuong-xuyen' | 'hang-thang' | 'hang-nam';
  title: string;
  tasks: GuideTask[];
}

export interface RoleGuide {
  role: PersonRole;
  /** The anchor of this role's section when it is not the reader's own. */
  anchor: string;
  summary: string;
  groups: GuideGroup[];
}

const exemplarList = (query: string, label: string): GuideLink => ({
  to: `${PATHS.exemplars}?${query}`,
  label,
});

/** The pages tasks lead to, named as the navigation and the page headings name them. */
export const LINKS = {
  home: { to: PATHS.home, label: 'Trang chủ' },
  exemplars: { to: PATHS.exemplars, label: 'Điển hình' },
  newExemplar: { to: PATHS.newExemplar, label: 'Thêm điển hình' },
  drafts: exemplarList('recordStatus=draft', 'Hồ sơ nháp'),
  returned: exemplarList('returned=true', 'Hồ sơ bị trả lại'),
  toConfirm: exemplarList('recordStatus=submitted', 'Hồ sơ chờ xác nhận'),
  proposals: exemplarList('hasProposal=true', 'Đề xuất chờ duyệt'),
  dueSoon: exemplarList('milestones=due_soon', 'Mốc bồi dưỡng sắp đến hạn'),
  overdue: exemplarList('milestones=overdue', 'Mốc bồi dưỡng quá hạn'),
  introductions: { to: PATHS.introductions, label: 'Giới thiệu hằng tháng' },
  movements: { to: PATHS.movements, label: 'Phong trào thi đua' },
  criteria: { to: PATHS.criteria, label: 'Tiêu chí đánh giá' },
  units: { to: PATHS.units, label: 'Đơn vị' },
  users: { to: PATHS.users, label: 'Người dùng' },
  serviceAccounts: { to: PATHS.serviceAccounts, label: 'Tài khoản tích hợp' },
  audit: { to: PATHS.audit, label: 'Nhật ký hệ thống' },
  profile: { to: PATHS.profile, label: 'Hồ sơ cá nhân' },
  calendar: { to: helpPath('calendar'), label: 'Lịch thực hiện kế hoạch' },
  stages: { to: helpPath('stages'), label: 'Bốn giai đoạn' },
  standards: { to: helpPath('standards'), label: 'Tiêu chuẩn chung' },
} as const satisfies Record<string, GuideLink>;

/**
 * What each role does in the programme, by rhythm: all along, each month, each year and at the
 * plan's reviews. `dueDay` is the monthly introductions' due day from the programme's settings
 * (undefined while they load).
 */
export function roleGuides(dueDay: number | undefined): Record<PersonRole, RoleGuide> {
  const due = dueDay === undefined ? '…' : String(dueDay);
  return {
    unit_staff: {
      role: 'unit_staff',
      anchor: 'vai-tro-can-bo-don-vi',
      summary:
        'Bạn phát hiện, ghi nhận và soạn hồ sơ gương điển hình tiên tiến của đơn vị, bổ sung hình ảnh, minh chứng và viết bài giới thiệu hằng tháng. Thủ trưởng đơn vị gửi hồ sơ và bài giới thiệu cho Văn phòng Sở.',
      groups: [
        {
          key: 'thuong-xuyen',
          title: 'Thường xuyên',
          tasks: [
            {
              key: 'record',
              text: 'Khi phát hiện một tập thể, cá nhân tiêu biểu: ghi nhận điển hình (đối tượng, phân loại, lĩnh vực, thành tích, sáng kiến, cách phát hiện, phong trào thi đua liên quan). Hồ sơ mới là bản nháp của đơn vị.',
              link: LINKS.newExemplar,
            },
            {
              key: 'files',
              text: 'Tải ảnh và minh chứng lên thẻ "Tệp đính kèm" của hồ sơ, chọn ảnh đại diện cho điển hình.',
              link: LINKS.exemplars,
            },
            {
              key: 'records',
              text: 'Lập và cập nhật hồ sơ của từng giai đoạn: kế hoạch bồi dưỡng (cập nhật tiến độ các mốc), kết quả tổng kết, nơi nhân rộng.',
              link: LINKS.stages,
            },
            {
              key: 'returned',
              text: 'Sửa hồ sơ bị Văn phòng Sở trả lại theo ý kiến ghi trong "Diễn biến hồ sơ", rồi báo Thủ trưởng đơn vị gửi lại.',
              link: LINKS.returned,
            },
            {
              key: 'self-assess',
              text: 'Tự đánh giá điển hình theo bốn tiêu chuẩn chung ở thẻ "Đánh giá" của hồ sơ.',
              link: LINKS.standards,
            },
          ],
        },
        {
          key: 'hang-thang',
          title: 'Hằng tháng',
          tasks: [
            {
              key: 'write-up',
              text: `Viết bài giới thiệu gương điển hình của tháng và lưu nháp sớm, để Thủ trưởng đơn vị gửi trước hoặc trong ngày ${due}.`,
              link: LINKS.introductions,
            },
          ],
        },
        {
          key: 'hang-nam',
          title: 'Hằng năm và theo kế hoạch',
          tasks: [
            {
              key: 'report-data',
              text: 'Giúp Thủ trưởng đơn vị chuẩn bị số liệu cho báo cáo năm (hạn 20/10): lọc danh sách điển hình của đơn vị và bấm "Xuất Excel".',
              link: LINKS.exemplars,
            },
          ],
        },
      ],
    },
    unit_head: {
      role: 'unit_head',
      anchor: 'vai-tro-thu-truong-don-vi',
      summary:
        'Bạn chịu trách nhiệm về điển hình tiên tiến của đơn vị: gửi hồ sơ, đề xuất chuyển giai đoạn, giới thiệu điển hình đúng hạn hằng tháng và báo cáo về Văn phòng Sở.',
      groups: [
        {
          key: 'thuong-xuyen',
          title: 'Thường xuyên',
          tasks: [
            {
              key: 'submit',
              text: 'Xem các hồ sơ nháp của đơn vị và gửi hồ sơ đã hoàn thiện cho Văn phòng Sở xác nhận.',
              link: LINKS.drafts,
            },
            {
              key: 'returned',
              text: 'Hồ sơ bị trả lại: đọc ý kiến của Văn phòng Sở, giao cán bộ sửa rồi gửi lại.',
              link: LINKS.returned,
            },
            {
              key: 'propose',
              text: 'Đề xuất chuyển giai đoạn khi điển hình đã có hồ sơ của giai đoạn mới (kế hoạch bồi dưỡng, kết quả tổng kết, nơi nhân rộng); Văn phòng Sở duyệt. Có thể rút đề xuất khi chưa được duyệt.',
              link: LINKS.stages,
            },
            {
              key: 'milestones',
              text: 'Theo dõi các mốc bồi dưỡng đến hạn trong 30 ngày tới, đôn đốc cán bộ cập nhật tiến độ.',
              link: LINKS.dueSoon,
            },
            {
              key: 'self-assess',
              text: 'Đơn vị tự đánh giá điển hình theo bốn tiêu chuẩn chung ở thẻ "Đánh giá" của hồ sơ.',
              link: LINKS.standards,
            },
          ],
        },
        {
          key: 'hang-thang',
          title: 'Hằng tháng',
          tasks: [
            {
              key: 'introduce',
              text: `Gửi tối thiểu 01 bài giới thiệu gương điển hình tiên tiến tiêu biểu của đơn vị trước hoặc trong ngày ${due}. Gửi sau hạn vẫn được ghi nhận nhưng là trễ hạn.`,
              link: LINKS.introductions,
            },
          ],
        },
        {
          key: 'hang-nam',
          title: 'Hằng năm và theo kế hoạch',
          tasks: [
            {
              key: 'annual-report',
              text: 'Gửi báo cáo định kỳ của đơn vị về Văn phòng Sở chậm nhất ngày 20/10 hằng năm; số liệu lấy từ danh sách điển hình (nút "Xuất Excel").',
              link: LINKS.exemplars,
            },
            {
              key: 'reviews',
              text: 'Báo cáo sơ kết giai đoạn 2026–2028 trước ngày 20/05/2028 và tổng kết giai đoạn 2026–2030 trước ngày 20/07/2030 về Văn phòng Sở.',
              link: LINKS.calendar,
            },
            {
              key: 'commend',
              text: 'Trong các dịp sơ kết, tổng kết của đơn vị: đề xuất biểu dương, khen thưởng các điển hình tiên tiến, mô hình mới, nhân tố mới.',
            },
          ],
        },
      ],
    },
    office: {
      role: 'office',
      anchor: 'vai-tro-van-phong-so',
      summary:
        'Bạn theo dõi, đôn đốc, nhắc nhở các đơn vị thực hiện Kế hoạch; xác nhận hồ sơ, duyệt đề xuất chuyển giai đoạn, thẩm định điển hình; tổng hợp kết quả, tham mưu khen thưởng và báo cáo Sở Nội vụ.',
      groups: [
        {
          key: 'thuong-xuyen',
          title: 'Thường xuyên',
          tasks: [
            {
              key: 'confirm',
              text: 'Xem hồ sơ các đơn vị đã gửi: xác nhận, hoặc trả lại kèm ý kiến để đơn vị bổ sung.',
              link: LINKS.toConfirm,
            },
            {
              key: 'proposals',
              text: 'Duyệt hoặc từ chối đề xuất chuyển giai đoạn của đơn vị; khi cần, tự chuyển giai đoạn cho điển hình.',
              link: LINKS.proposals,
            },
            {
              key: 'overdue',
              text: 'Đôn đốc các đơn vị có mốc bồi dưỡng đã quá hạn mà chưa hoàn thành.',
              link: LINKS.overdue,
            },
            {
              key: 'review',
              text: 'Thẩm định điển hình theo bốn tiêu chuẩn chung (phiếu "Văn phòng Sở thẩm định" ở thẻ "Đánh giá" của hồ sơ).',
              link: LINKS.standards,
            },
            {
              key: 'programme',
              text: 'Cập nhật danh mục phong trào thi đua và các bộ tiêu chí đánh giá.',
              link: LINKS.movements,
            },
            {
              key: 'audit',
              text: 'Khi cần biết ai đã thay đổi gì và lúc nào, tra cứu nhật ký hệ thống.',
              link: LINKS.audit,
            },
          ],
        },
        {
          key: 'hang-thang',
          title: 'Hằng tháng',
          tasks: [
            {
              key: 'grid',
              text: `Sau ngày ${due}, xem bảng theo dõi giới thiệu hằng tháng: đơn vị nào đúng hạn, trễ hạn, chưa giới thiệu; bấm "Nhắc các đơn vị chưa giới thiệu" để gửi thông báo nhắc nhở.`,
              link: LINKS.introductions,
            },
            {
              key: 'due-day',
              text: 'Đổi hạn giới thiệu hằng tháng (nút "Đổi hạn giới thiệu") khi Lãnh đạo Sở quyết định.',
              link: LINKS.introductions,
            },
          ],
        },
        {
          key: 'hang-nam',
          title: 'Hằng năm và theo kế hoạch',
          tasks: [
            {
              key: 'consolidate',
              text: 'Tổng hợp báo cáo của các đơn vị (hạn 20/10), tham mưu Giám đốc Sở và báo cáo Sở Nội vụ chậm nhất ngày 30/10 hằng năm; xuất bảng theo dõi giới thiệu và danh sách điển hình ra Excel làm số liệu.',
              link: LINKS.introductions,
            },
            {
              key: 'reviews',
              text: 'Báo cáo sơ kết giai đoạn 2026–2028 trước ngày 30/05/2028 và tổng kết giai đoạn 2026–2030 trước ngày 31/07/2030 về Sở Nội vụ.',
              link: LINKS.calendar,
            },
            {
              key: 'commend',
              text: 'Tham mưu Giám đốc Sở đề nghị khen thưởng các điển hình tiêu biểu theo quy định.',
              link: LINKS.exemplars,
            },
          ],
        },
      ],
    },
    leader: {
      role: 'leader',
      anchor: 'vai-tro-lanh-dao-so',
      summary:
        'Bạn nắm bức tranh chung về điển hình tiên tiến của toàn Sở, quyết định các đề xuất, chỉ đạo việc biểu dương, khen thưởng và duyệt báo cáo tổng hợp.',
      groups: [
        {
          key: 'thuong-xuyen',
          title: 'Thường xuyên',
          tasks: [
            {
              key: 'picture',
              text: 'Xem bức tranh chung của Sở trên Trang chủ: điển hình theo giai đoạn, theo đơn vị, kết luận đánh giá, tình hình giới thiệu hằng tháng và các nơi đã nhân rộng.',
              link: LINKS.home,
            },
            {
              key: 'proposals',
              text: 'Duyệt hoặc từ chối đề xuất chuyển giai đoạn; xác nhận hoặc trả lại hồ sơ khi cần.',
              link: LINKS.proposals,
            },
            {
              key: 'council',
              text: 'Đánh giá điển hình với tư cách thành viên Hội đồng Thi đua – Khen thưởng (thẻ "Đánh giá" của hồ sơ).',
              link: LINKS.standards,
            },
          ],
        },
        {
          key: 'hang-thang',
          title: 'Hằng tháng',
          tasks: [
            {
              key: 'grid',
              text: `Sau ngày ${due}, xem đơn vị nào đã giới thiệu điển hình đúng hạn, trễ hạn hay chưa giới thiệu.`,
              link: LINKS.introductions,
            },
          ],
        },
        {
          key: 'hang-nam',
          title: 'Hằng năm và theo kế hoạch',
          tasks: [
            {
              key: 'approve',
              text: 'Cho ý kiến và duyệt báo cáo tổng hợp Văn phòng Sở gửi Sở Nội vụ (hạn 30/10 hằng năm; sơ kết trước 30/05/2028, tổng kết trước 31/07/2030).',
              link: LINKS.calendar,
            },
            {
              key: 'decide',
              text: 'Quyết định biểu dương, khen thưởng các điển hình tiêu biểu do Văn phòng Sở tham mưu.',
              link: LINKS.exemplars,
            },
          ],
        },
      ],
    },
    admin: {
      role: 'admin',
      anchor: 'vai-tro-quan-tri-he-thong',
      summary:
        'Bạn thiết lập và duy trì hệ thống: cơ cấu đơn vị, tài khoản người dùng, tài khoản tích hợp cho hệ thống của tỉnh, và theo dõi nhật ký hệ thống.',
      groups: [
        {
          key: 'thuong-xuyen',
          title: 'Thường xuyên',
          tasks: [
            {
              key: 'units',
              text: 'Thêm, sửa, ngừng hoạt động đơn vị khi cơ cấu tổ chức thay đổi. Đơn vị mới (hoặc hoạt động trở lại) bắt đầu phải giới thiệu điển hình từ tháng sau.',
              link: LINKS.units,
            },
            {
              key: 'users',
              text: 'Tạo tài khoản, gán vai trò và đơn vị, khóa tài khoản, đặt lại mật khẩu tạm thời khi người dùng quên mật khẩu.',
              link: LINKS.users,
            },
            {
              key: 'service-accounts',
              text: 'Cấp tài khoản tích hợp cho hệ thống của tỉnh và các tập lệnh; đổi khóa bí mật khi cần.',
              link: LINKS.serviceAccounts,
            },
            {
              key: 'audit',
              text: 'Tra cứu nhật ký hệ thống: ai đã thay đổi gì, khi nào.',
              link: LINKS.audit,
            },
          ],
        },
        {
          key: 'hang-thang',
          title: 'Hằng tháng',
          tasks: [
            {
              key: 'review-accounts',
              text: 'Rà soát tài khoản của người đã chuyển công tác, nghỉ việc và tài khoản tích hợp không còn dùng; khóa các tài khoản đó.',
              link: LINKS.users,
            },
          ],
        },
        {
          key: 'hang-nam',
          title: 'Hằng năm và theo kế hoạch',
          tasks: [
            {
              key: 'before-reports',
              text: 'Trước kỳ báo cáo (20/10 và 30/10), bảo đảm danh sách đơn vị và tài khoản khớp với thực tế để số liệu tổng hợp đúng.',
              link: LINKS.units,
            },
          ],
        },
      ],
    },
  };
}
