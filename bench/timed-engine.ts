import type { Table } from 'apache-arrow';
import type { Engine, Row } from '../src/engine/engine-types';

/** One call to the engine: what it was, how long it took, and how long JavaScript ran before it. */
export interface EngineCall {
  method: keyof Engine;
  /** The SQL, or the table or file name for insertArrow / registerFile. */
  text: string;
  start: number;
  ms: number;
  /** Time since the previous call ended: JavaScript work (decoding, protection) done between statements. */
  gapBefore: number;
  phase: string;
}

/**
 * Wraps an engine so every call is timed, without changing what it does. The benchmark uses it to say where
 * the time of a load goes (reading, checks, commit, cube, protection) on the bare engine in Node.
 */
export function timedEngine(engine: Engine): { engine: Engine; calls: EngineCall[]; setPhase: (phase: string) => void } {
  const calls: EngineCall[] = [];
  let phase = '';
  let lastEnd = performance.now();
  function timed<T>(method: keyof Engine, text: string, run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const gapBefore = start - lastEnd;
    return run().finally(() => {
      lastEnd = performance.now();
      calls.push({ method, text, start, ms: lastEnd - start, gapBefore, phase });
    });
  }
  const wrapped: Engine = {
    query: <T extends Row = Row>(sql: string) => timed('query', sql, () => engine.query<T>(sql)),
    queryArrow: (sql: string): Promise<Table> => timed('queryArrow', sql, () => engine.queryArrow(sql)),
    queryIpc: (sql: string): Promise<Uint8Array> => timed('queryIpc', sql, () => engine.queryIpc(sql)),
    exec: (sql: string) => timed('exec', sql, () => engine.exec(sql)),
    insertArrow: (table: Table, name: string, mode: 'create' | 'append') =>
      timed('insertArrow', `${name} (${table.numRows.toLocaleString('en-GB')} rows)`, () =>
        engine.insertArrow(table, name, mode),
      ),
    insertIpc: (bytes: Uint8Array, name: string, mode: 'create' | 'append') =>
      timed('insertIpc', `${name} (${bytes.length.toLocaleString('en-GB')} bytes)`, () => engine.insertIpc(bytes, name, mode)),
    registerFile: (name: string, bytes: Uint8Array) => timed('registerFile', name, () => engine.registerFile(name, bytes)),
    dropFile: (name: string) => timed('dropFile', name, () => engine.dropFile(name)),
    close: () => engine.close(),
  };
  return {
    engine: wrapped,
    calls,
    setPhase: (p) => {
      phase = p;
      lastEnd = performance.now();
    },
  };
}

/**
 * The step of the data path a call belongs to, from its SQL. The JavaScript time before a call is counted with
 * it: before the staging insert that is decoding the file, before the protected insert it is protection itself.
 */
export function classifyCall(c: EngineCall): string {
  const t = c.text.replace(/\s+/g, ' ');
  if (c.phase === 'protect') {
    if (c.method === 'queryIpc') return 'protect: read cube out of the engine (IPC bytes)';
    if (/SELECT code, parent_code FROM areas/.test(t)) return 'protect: other';
    // The JavaScript before this call: decoding the cube's columns, making cells, protecting them (protectCubeColumns).
    if (/DROP TABLE IF EXISTS "protected_/.test(t)) return 'protect: protectCubeColumns (JS: decode, cells, protectCube)';
    if (c.method === 'insertArrow') return 'protect: insert flag and value columns (Arrow IPC)';
    if (/JOIN .* USING \(cell_id\)/.test(t)) return 'protect: join to the cube and sort the protected table';
    return 'protect: other';
  }
  if (c.phase === 'prepare') {
    if (/area_ancestors|cube/.test(t)) return 'prepare: build cube';
    return 'prepare: other';
  }
  if (c.method === 'insertArrow' || c.method === 'registerFile' || /read_csv|_raw|\(_row DOUBLE/.test(t))
    return 'load: read file into staging (incl. JS decode)';
  if (/count\(\*\) FILTER \(WHERE (TRY_CAST\(trim\("count"\) AS DOUBLE\)|"count") = 1\)/.test(t))
    return 'load: person-level check';
  if (/_typed.* AS SELECT _row|INSERT INTO "stg_\d+_typed"/.test(t)) return 'load: cast to typed staging';
  if (/count\(\*\) FILTER/.test(t)) return 'load: row checks (types, vocab, codes, periods)';
  if (/HAVING count\(\*\) > 1|JOIN "extracts" c|JOIN "population" c|JOIN "areas" c/.test(t)) return 'load: duplicate-cell checks';
  if (/WITH r AS|partsWithWholes|parent/.test(t)) return 'load: geography checks';
  if (/BEGIN|DELETE FROM|INSERT INTO|UPDATE|COMMIT/.test(t)) return 'load: commit';
  if (/DROP TABLE IF EXISTS/.test(t)) return 'load: drop staging';
  return 'load: other';
}

/** Sums calls by step: engine time and JavaScript time before the calls. */
export function summariseCalls(calls: readonly EngineCall[]): { step: string; engineMs: number; jsMs: number; calls: number }[] {
  const by = new Map<string, { step: string; engineMs: number; jsMs: number; calls: number }>();
  for (const c of calls) {
    const step = classifyCall(c);
    const s = by.get(step) ?? { step, engineMs: 0, jsMs: 0, calls: 0 };
    s.engineMs += c.ms;
    s.jsMs += c.gapBefore;
    s.calls++;
    by.set(step, s);
  }
  return [...by.values()];
}
