import { describe, expect, it } from 'vitest';
import { manifestFile } from '../../fixtures/mini-contract';
import { csvFile, extracts, load, manifestWith, sharedBase, snapshot } from '../../fixtures/import-helpers';

const base = sharedBase();

const newManifest = () =>
  manifestFile(
    manifestWith((m) => {
      m.title = 'A partner’s manifest';
      m.indicators.push({ ...m.indicators[0]!, id: 'ed', title: 'ED assault attendances' });
    }),
  );

describe('a manifest is kept only with its data (real engine)', () => {
  it('is not kept when every table file loaded with it is refused, and says why', async () => {
    const { state, outcomes } = await load(
      base.engine,
      [
        newManifest(),
        extracts('ed.csv', 'ed,2024-01,D1,all,all,2.5,'),
        csvFile('people.csv', 'name,postcode,count\nA,PR1 1AA,1\n'),
      ],
      base.state,
    );
    const manifest = outcomes.find((o) => o.file === 'manifest.json');
    expect(manifest).toMatchObject({ kind: 'manifest', status: 'rejected' });
    expect(manifest?.problems[0]?.message).toBe(
      'was not kept, because none of the files loaded with it could be loaded (ed.csv, people.csv).',
    );
    expect(state.manifest).toEqual(base.state.manifest);
    expect(await snapshot(base.engine)).toEqual(base.before);
  });

  it('is kept when one of its table files loads', async () => {
    const { state, outcomes } = await load(
      base.engine,
      [newManifest(), extracts('ed.csv', 'ed,2024-01,D1,all,all,3,'), extracts('bad.csv', 'ed,2024-01,D2,all,all,-1,')],
      base.state,
    );
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['manifest.json', 'loaded'],
      ['ed.csv', 'loaded'],
      ['bad.csv', 'rejected'],
    ]);
    expect(state.manifest?.title).toBe('A partner’s manifest');
    await base.engine.exec("DELETE FROM extracts WHERE source_file = 'ed.csv'");
  });

  it('is kept when it comes alone (to describe data loaded before or after it)', async () => {
    const { state, outcomes } = await load(base.engine, [newManifest()], base.state);
    expect(outcomes[0]?.status).toBe('loaded');
    expect(state.manifest?.indicators.map((i) => i.id)).toContain('ed');
  });
});
