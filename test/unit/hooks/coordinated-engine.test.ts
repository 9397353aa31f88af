// The coordinator's engine: every read a shared read in the one cache (the query client's), keyed by its SQL and
// the engine's write count; on the real engine and its statement queue.
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuperseded } from '../../../src/engine/abort';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';
import { withWriteGeneration } from '../../../src/engine/write-generation';
import { coordinatedEngine } from '../../../src/hooks/coordinator/coordinated-engine';
import { SharedReads } from '../../../src/hooks/coordinator/shared-reads';

let raw: Engine;
let sent: string[];
let engine: Engine;
const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
beforeAll(async () => {
  raw = await createNodeEngine();
  sent = [];
  const counting: Engine = {
    ...raw,
    query: (sql, signal) => {
      sent.push(sql);
      return raw.query(sql, signal);
    },
  };
  engine = coordinatedEngine(withWriteGeneration(counting), new SharedReads(client));
  await engine.exec('CREATE TABLE t AS SELECT * FROM range(5) r(x)');
});
afterAll(() => raw.close());

describe('the reads of the coordinator’s engine (real engine)', () => {
  it('answers a repeated read from memory and shares one that is in flight', async () => {
    sent.length = 0;
    const sql = 'SELECT sum(x)::INTEGER AS s FROM t';
    const [a, b] = await Promise.all([engine.query(sql), engine.query(sql)]);
    expect(a).toEqual([{ s: 10 }]);
    expect(b).toBe(a);
    expect(await engine.query(sql)).toEqual([{ s: 10 }]);
    expect(sent).toEqual([sql]);
    // Kept in the one cache, under the SQL and the write count.
    expect(
      client
        .getQueryCache()
        .findAll({ queryKey: ['sql'] })
        .map((q) => q.queryKey[2]),
    ).toContain(sql);
  });

  it('forgets everything on a write, so a read never outlives the table it came from', async () => {
    const sql = 'SELECT count(*)::INTEGER AS n FROM t';
    expect(await engine.query(sql)).toEqual([{ n: 5 }]);
    await engine.exec('INSERT INTO t VALUES (5)');
    expect(await engine.query(sql)).toEqual([{ n: 6 }]);
    await engine.query('CREATE TABLE u AS SELECT 1 AS one'); // a write sent through query() counts too
    await engine.exec('DELETE FROM t WHERE x = 5');
    expect(await engine.query(sql)).toEqual([{ n: 5 }]);
  });

  it('does not keep a read that a write overtook while it ran', async () => {
    const sql = "SELECT count(*)::INTEGER AS n, 'overtaken' AS o FROM t";
    const read = engine.query(sql);
    const write = engine.exec('INSERT INTO t VALUES (7)');
    expect(await read).toEqual([{ n: 5, o: 'overtaken' }]);
    await write;
    sent.length = 0;
    expect(await engine.query(sql)).toEqual([{ n: 6, o: 'overtaken' }]);
    expect(sent).toEqual([sql]);
    await engine.exec('DELETE FROM t WHERE x = 7');
  });

  it('does not keep a failed read', async () => {
    sent.length = 0;
    const sql = 'SELECT * FROM no_such_table';
    await expect(engine.query(sql)).rejects.toThrow();
    await expect(engine.query(sql)).rejects.toThrow();
    expect(sent).toEqual([sql, sql]);
  });
});

describe('superseded reads (real engine, its statement queue)', () => {
  it('drops a queued read whose asker has given up, and runs the rest in order', async () => {
    await engine.exec('CREATE SEQUENCE runs START 1');
    const gaveUp = new AbortController();
    // The middle read would advance the sequence if it ran; dropped at the head of the queue, it never runs.
    const first = engine.query('SELECT count(*)::INTEGER AS n FROM range(200000)');
    const dropped = engine.query("SELECT nextval('runs')::INTEGER AS v", gaveUp.signal);
    const last = engine.query('SELECT 2 AS two');
    gaveUp.abort();
    await expect(dropped).rejects.toSatisfy(isSuperseded);
    expect(await first).toEqual([{ n: 200000 }]);
    expect(await last).toEqual([{ two: 2 }]);
    expect(await engine.query("SELECT nextval('runs')::INTEGER AS v")).toEqual([{ v: 1 }]);
  });

  it('keeps a shared read for the asker still waiting, and cancels it only when all have gone', async () => {
    const sql = "SELECT 'shared' AS s, count(*)::INTEGER AS n FROM range(1000)";
    const blocker = engine.query('SELECT count(*)::INTEGER AS n FROM range(300000)');
    const [a, b] = [new AbortController(), new AbortController()];
    const fromA = engine.query(sql, a.signal);
    const fromB = engine.query(sql, b.signal);
    a.abort();
    await expect(fromA).rejects.toSatisfy(isSuperseded);
    expect(await fromB).toEqual([{ s: 'shared', n: 1000 }]);
    await blocker;

    const other = "SELECT nextval('runs')::INTEGER AS v, 'alone' AS y";
    const blocker2 = engine.query('SELECT count(*)::INTEGER AS n FROM range(300000)');
    const [c, d] = [new AbortController(), new AbortController()];
    const fromC = engine.query(other, c.signal);
    const fromD = engine.query(other, d.signal);
    c.abort();
    d.abort();
    await expect(fromC).rejects.toSatisfy(isSuperseded);
    await expect(fromD).rejects.toSatisfy(isSuperseded);
    await blocker2;
    // It never ran, and is not kept as a cancelled answer: asked again, it runs, once.
    expect(await engine.query(other)).toEqual([{ v: 2, y: 'alone' }]);
  });
});
