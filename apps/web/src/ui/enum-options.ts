/**
 * Options (select, radio group) from labels keyed by a generated GraphQL enum: a value the API
 * adds fails to compile until it has a label here. Order is the labels' order.
 */
export function enumOptions<E extends string>(labels: Record<E, string>): { value: E; label: string }[] {
  return (Object.keys(labels) as E[]).map((value) => ({ value, label: labels[value] }));
}
