import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { councilMeetingPath } from '@/lib/paths';
import { useCreateMeeting } from '../api/council';
import { useProposalsInState } from '../api/proposals';
import type { Council } from '../api/types';
import { ROLE_LABELS } from './ballot-logic';

const FIELDS = [
  'subject',
  'meetsAt',
  'venue',
  'chairMemberId',
  'secretaryMemberId',
  'proposalIds',
  'content',
];

interface MeetingValues {
  subject: string;
  meetsAt: Dayjs;
  venue: string;
  chairMemberId: number;
  secretaryMemberId: number;
  proposalIds: number[];
  content?: string;
}

/** Schedules a meeting of the council with its agenda (proposals waiting for the vote). */
export function MeetingFormModal({ council, onClose }: { council: Council; onClose: () => void }) {
  const [form] = Form.useForm<MeetingValues>();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const waiting = useProposalsInState('in_council');
  const members = council.members.filter((member) => member.active);
  const memberOptions = members.map((member) => ({
    value: member.id,
    label: `${member.fullName} — ${ROLE_LABELS[member.role]}`,
  }));
  const chair = members.find((member) => member.role === 'chair');
  const standing = members.find((member) => member.role === 'standing');

  const submit = (values: MeetingValues) =>
    create.mutate(
      {
        councilId: council.id,
        subject: values.subject,
        meetsAt: values.meetsAt.toISOString(),
        venue: values.venue,
        chairMemberId: values.chairMemberId,
        secretaryMemberId: values.secretaryMemberId,
        proposalIds: values.proposalIds,
        content: values.content || null,
      },
      {
        onSuccess: (meeting) => {
          onClose();
          navigate(councilMeetingPath(meeting.id));
        },
      },
    );

  return (
    <Modal
      open
      width={720}
      title="Lên lịch họp Hội đồng"
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'meeting-form-ok' }}
      mask={{ closable: false }}
      data-testid="meeting-form"
    >
      <ProblemAlert error={create.error} formFields={FIELDS} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          subject: `Họp xét đề nghị khen thưởng năm ${council.year}`,
          venue: 'Phòng họp Sở Tư pháp',
          meetsAt: dayjs().add(1, 'hour').startOf('hour'),
          chairMemberId: chair?.id,
          secretaryMemberId: standing?.id,
          proposalIds: [],
        }}
      >
        <Form.Item name="subject" label="Nội dung cuộc họp" rules={[{ required: true, min: 3, max: 300 }]}>
          <Input data-testid="meeting-form-subject" />
        </Form.Item>
        <Form.Item name="meetsAt" label="Thời gian" rules={[{ required: true, message: 'Chọn thời gian' }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            data-testid="meeting-form-time"
          />
        </Form.Item>
        <Form.Item name="venue" label="Địa điểm" rules={[{ required: true, min: 2, max: 300 }]}>
          <Input data-testid="meeting-form-venue" />
        </Form.Item>
        <Form.Item
          name="chairMemberId"
          label="Chủ trì"
          rules={[{ required: true, message: 'Chọn người chủ trì' }]}
        >
          <Select options={memberOptions} data-testid="meeting-form-chair" />
        </Form.Item>
        <Form.Item
          name="secretaryMemberId"
          label="Thư ký"
          rules={[{ required: true, message: 'Chọn thư ký' }]}
        >
          <Select options={memberOptions} data-testid="meeting-form-secretary" />
        </Form.Item>
        <Form.Item
          name="proposalIds"
          label="Hồ sơ đề nghị đưa ra xét"
          rules={[
            { required: true, type: 'array', min: 1, message: 'Chọn ít nhất một hồ sơ chờ Hội đồng xét' },
          ]}
        >
          <Select
            mode="multiple"
            loading={waiting.isFetching}
            options={(waiting.data?.items ?? []).map((proposal) => ({
              value: proposal.id,
              label: `${proposal.title} — ${proposal.unit.shortName} (${proposal.awardForm.name})`,
            }))}
            placeholder="Các hồ sơ đang chờ Hội đồng xét"
            notFoundContent="Không có hồ sơ nào đang chờ Hội đồng xét"
            data-testid="meeting-form-proposals"
          />
        </Form.Item>
        <Form.Item name="content" label="Nội dung trình bày (ghi vào biên bản)">
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
