import { describe, expect, it } from 'vitest';
import type { Stage, TimelineEvent } from '@/lib/api/models';
import { stageProgress } from './stage-progress';

let nextId = 1;
function event(action: TimelineEvent['action'], occurredAt: string, from?: Stage, to?: Stage): TimelineEvent {
  return {
    id: nextId++,
    action,
    actorName: 'vanphong',
    occurredAt,
    fromStage: from ?? null,
    toStage: to ?? null,
  };
}

const created = event('created', '2026-03-02T01:00:00Z', undefined, 'discovered');
const toNurturing = event('moved', '2026-04-10T02:00:00Z', 'discovered', 'nurturing');

describe('stageProgress', () => {
  it('marks the current stage and when each stage was reached: discovered, then moved', () => {
    const progress = stageProgress({
      stage: 'nurturing',
      discoveredOn: '2026-02-14',
      timeline: [created, event('proposed', '2026-04-01T00:00:00Z', 'discovered', 'nurturing'), toNurturing],
    });
    expect(progress).toEqual({
      current: 1,
      status: 'process',
      // The discovery date, not the day it was recorded (02/03); moves on their Vietnam day.
      reachedOn: ['14/02/2026', '10/04/2026', null, null],
    });
  });

  it('dates a move by its day in Vietnam', () => {
    const lateMove = event('moved', '2026-04-10T18:30:00Z', 'discovered', 'nurturing');
    const progress = stageProgress({
      stage: 'nurturing',
      discoveredOn: '2026-02-14',
      timeline: [created, lateMove],
    });
    expect(progress.reachedOn[1]).toBe('11/04/2026');
  });

  it('shows a stopped exemplar as an error at the stage where it stopped', () => {
    const progress = stageProgress({
      stage: 'stopped',
      discoveredOn: '2026-02-14',
      timeline: [created, toNurturing, event('moved', '2026-05-01T00:00:00Z', 'nurturing', 'stopped')],
    });
    expect(progress.current).toBe(1);
    expect(progress.status).toBe('error');
  });

  it('shows an exemplar archived after replication as finished', () => {
    const timeline = [
      created,
      toNurturing,
      event('moved', '2026-06-01T00:00:00Z', 'nurturing', 'summarized'),
      event('moved', '2026-07-01T00:00:00Z', 'summarized', 'replicated'),
      event('moved', '2026-08-01T00:00:00Z', 'replicated', 'archived'),
    ];
    expect(stageProgress({ stage: 'archived', discoveredOn: '2026-02-14', timeline })).toMatchObject({
      current: 3,
      status: 'finish',
    });
  });

  it('looks past the stop when an exemplar was stopped, then archived', () => {
    const timeline = [
      created,
      event('rejected', '2026-03-05T00:00:00Z', 'discovered', 'stopped'),
      event('moved', '2026-03-09T00:00:00Z', 'discovered', 'stopped'),
      event('moved', '2026-03-20T00:00:00Z', 'stopped', 'archived'),
    ];
    expect(stageProgress({ stage: 'archived', discoveredOn: '2026-02-14', timeline })).toMatchObject({
      current: 0,
      status: 'error',
    });
  });
});
