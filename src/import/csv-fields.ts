/** Fields of one CSV line; a field that starts with a double quote runs to its closing quote ("" is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= line.length;) {
    let value = '';
    if (line[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          value += line.slice(j);
          i = line.length;
          break;
        }
        value += line.slice(j, q);
        if (line[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        value += '"';
        j = q + 2;
      }
    }
    const next = line.indexOf(delimiter, i);
    out.push(value + line.slice(i, next < 0 ? line.length : next));
    if (next < 0) break;
    i = next + 1;
  }
  return out;
}
