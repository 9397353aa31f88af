// Identifier quoting and literal escaping live in exactly one place, so no query builds SQL by hand.

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function str(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function strList(values: readonly string[]): string {
  return values.length === 0 ? '(NULL)' : `(${values.map(str).join(', ')})`;
}

export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}
