import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withQueryCache } from '../../../src/engine/cached-engine';
import type { Engine } from '../../../src/engine/engine-types';
import { createNodeEngine } from '../../../src/engine/node-engine';

let raw: Engine;
let sent: string[];
let engine: ReturnType<typeof withQueryCache>;
beforeAll(async () => {
  raw = await createNodeEngine();
  sent = [];
  const counting: Engine = {
    ...raw,
    query: (sql) => {
      sent.push(sql);
      return raw.query(sql);
    },
  };
  engine = withQueryCache(counting);
  await engine.exec('CREATE TABLE t AS SELECT * FROM range(5) r(x)');
});
afterAll(() => raw.close());

describe('the query cache in front of the engine (real engine)', () => {
  it('answers a repeated read from memory and shares one that is in flight', async () => {
    sent.length = 0;
    const sql = 'SELECT sum(x)::INTEGER AS s FROM t';
    const [a, b] = await Promise.all([engine.query(sql), engine.query(sql)]);
    expect(a).toEqual([{ s: 10 }]);
    expect(b).toBe(a);
    expect(await engine.query(sql)).toEqual([{ s: 10 }]);
    expect(sent).toEqual([sql]);
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

  it('does not keep a failed read', async () => {
    sent.length = 0;
    const sql = 'SELECT * FROM no_such_table';
    await expect(engine.query(sql)).rejects.toThrow();
    await expect(engine.query(sql)).rejects.toThrow();
    expect(sent).toEqual([sql, sql]);
  });
});
