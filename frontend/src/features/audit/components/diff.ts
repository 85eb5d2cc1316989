export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown> | null | undefined;

/** Fields that change with every write and tell the reader nothing. */
const BOOKKEEPING = new Set(['version', 'updatedAt']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The fields that differ between two snapshots of a record, in the record's own field order.
 * A creation lists every field of `after`, a deletion every field of `before`.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => !BOOKKEEPING.has(field))
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((change) => !before || !after || !same(change.before, change.after))
    .filter((change) => change.before != null || change.after != null);
}
