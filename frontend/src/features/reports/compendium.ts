/** The most exemplars one compendium holds (the server's limit). */
export const MAX_COMPENDIUM = 200;

/**
 * The printing order after the table's selection changed: those kept stay where they were, the
 * newly ticked ones follow in the order given, the unticked ones leave.
 */
export function reconcileOrder(order: readonly number[], selected: readonly number[]): number[] {
  const chosen = new Set(selected);
  const kept = order.filter((id) => chosen.has(id));
  const known = new Set(kept);
  return [...kept, ...selected.filter((id) => !known.has(id))];
}

/** Moves the item at `index` one place up (`-1`) or down (`1`); out of range: unchanged. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
