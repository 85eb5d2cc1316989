import type { Exemplar, Stage, TimelineEvent } from '@/lib/api/models';
import { formatApiDate, formatDate } from '@/lib/dates';
import { MAIN_STAGES } from '@/lib/vocabulary';

export interface StageProgress {
  /** Index in the four stages of the stage reached (for a stopped one: where it stopped). */
  current: number;
  /** `error` when the exemplar stopped being followed; `finish` once archived after replication. */
  status: 'process' | 'finish' | 'error';
  /**
   * When each of the four stages was reached (dd/mm/yyyy), if it was: the discovery date for
   * the first, the day of the move for the others.
   */
  reachedOn: (string | null)[];
}

function lastMoveTo(timeline: TimelineEvent[], stage: Stage): TimelineEvent | undefined {
  return timeline.findLast((event) => event.action === 'moved' && event.toStage === stage);
}

/** The main stage an exemplar was in before it was stopped or archived. */
function stageBefore(timeline: TimelineEvent[], stage: Stage): Stage {
  const from = lastMoveTo(timeline, stage)?.fromStage;
  if (!from) return 'discovered';
  if (from === 'stopped' || from === 'archived') return stageBefore(timeline, from);
  return from;
}

/** Where an exemplar stands on the four stages, for the stage steps, from its timeline. */
export function stageProgress(
  exemplar: Pick<Exemplar, 'stage' | 'timeline' | 'discoveredOn'>,
): StageProgress {
  const { stage, timeline } = exemplar;
  const reachedOn = MAIN_STAGES.map(
    (main) =>
      (main === 'discovered'
        ? formatApiDate(exemplar.discoveredOn)
        : formatDate(lastMoveTo(timeline, main)?.occurredAt)) || null,
  );
  const index = MAIN_STAGES.indexOf(stage);
  if (index >= 0) return { current: index, status: 'process', reachedOn };

  const stoppedOnTheWay = stage === 'stopped' || lastMoveTo(timeline, 'stopped') !== undefined;
  const before = stageBefore(timeline, stage);
  return {
    current: MAIN_STAGES.indexOf(before),
    status: stoppedOnTheWay ? 'error' : 'finish',
    reachedOn,
  };
}
