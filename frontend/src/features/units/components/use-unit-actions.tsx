import { App } from 'antd';
import { useErrorNotice } from '@/components/use-error-notice';
import type { Unit } from '@/lib/api/models';
import { useDeleteUnit, useSetUnitActive } from '../api/units';

/**
 * Deactivate, activate and delete, each after a confirmation. A refusal (active users or
 * subordinate units, unit in use, someone else's change) is explained with the server's words;
 * the lists are refreshed either way, so a retry uses the newest version.
 */
export function useUnitActions() {
  const { modal, message } = App.useApp();
  const notifyError = useErrorNotice();
  const setActive = useSetUnitActive();
  const remove = useDeleteUnit();

  const confirmSetActive = (unit: Unit, active: boolean) =>
    modal.confirm({
      title: active ? `Kích hoạt lại đơn vị "${unit.name}"?` : `Ngừng hoạt động đơn vị "${unit.name}"?`,
      content: active
        ? 'Đơn vị sẽ xuất hiện lại trong các danh sách chọn.'
        : 'Đơn vị sẽ không còn được chọn cho người dùng và dữ liệu mới. Dữ liệu cũ vẫn được giữ nguyên.',
      okText: active ? 'Kích hoạt' : 'Ngừng hoạt động',
      okButtonProps: { danger: !active, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await setActive.mutateAsync({ unit, active });
          message.success(active ? 'Đã kích hoạt lại đơn vị.' : 'Đã ngừng hoạt động đơn vị.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  const confirmDelete = (unit: Unit) =>
    modal.confirm({
      title: `Xóa đơn vị "${unit.name}"?`,
      content:
        'Chỉ xóa được đơn vị tạo nhầm, chưa có đơn vị cấp dưới hay người dùng. Đơn vị đã sử dụng thì hãy ngừng hoạt động.',
      okText: 'Xóa',
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await remove.mutateAsync(unit);
          message.success('Đã xóa đơn vị.');
        } catch (error) {
          notifyError(error);
        }
      },
    });

  return { confirmSetActive, confirmDelete };
}
