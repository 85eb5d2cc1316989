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
  it('marks the current stage and when each stage was reached', () => {
    const progress = stageProgress({
      stage: 'nurturing',
      createdAt: '2026-03-02T01:00:00Z',
      timeline: [created, event('proposed', '2026-04-01T00:00:00Z', 'discovered', 'nurturing'), toNurturing],
    });
    expect(progress).toEqual({
      current: 1,
      status: 'process',
      reachedAt: ['2026-03-02T01:00:00Z', '2026-04-10T02:00:00Z', null, null],
    });
  });

  it('shows a stopped exemplar as an error at the stage where it stopped', () => {
    const progress = stageProgress({
      stage: 'stopped',
      createdAt: created.occurredAt,
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
    expect(stageProgress({ stage: 'archived', createdAt: created.occurredAt, timeline })).toMatchObject({
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
    expect(stageProgress({ stage: 'archived', createdAt: created.occurredAt, timeline })).toMatchObject({
      current: 0,
      status: 'error',
    });
  });
});
