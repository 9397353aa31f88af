/** "2019", "2019 and 2020", "2019, 2020 and 2021": a list as a sentence says it. */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
