import { Alert, Steps } from 'antd';
import type { Exemplar } from '@/lib/api/models';
import { MAIN_STAGES, STAGE_LABELS } from '@/lib/vocabulary';
import { stageProgress } from './stage-progress';

/** The four stages of the plan, with where the exemplar stands and when it got there (discovered, moved). */
export function StageSteps({ exemplar }: { exemplar: Exemplar }) {
  const progress = stageProgress(exemplar);
  return (
    <>
      <Steps
        current={progress.current}
        status={progress.status}
        items={MAIN_STAGES.map((stage, index) => ({
          title: STAGE_LABELS[stage],
          content: index <= progress.current ? (progress.reachedOn[index] ?? undefined) : undefined,
        }))}
        data-testid="stage-steps"
      />
      {exemplar.stage === 'stopped' && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title="Dừng theo dõi"
          description={exemplar.stoppedReason ?? undefined}
          data-testid="stopped-alert"
        />
      )}
      {exemplar.stage === 'archived' && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title="Điển hình đã được lưu trữ, không thay đổi được nữa."
        />
      )}
    </>
  );
}
