import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_STATE,
  decodeCohort,
  encodeCohort,
  parseViewState,
  serializeViewState,
} from '../../../src/url-state/view-state';

describe('view state in the URL', () => {
  it('writes only what differs from the defaults, and reads it back', () => {
    expect(serializeViewState(DEFAULT_VIEW_STATE)).toBe('');
    const state = {
      ...DEFAULT_VIEW_STATE,
      view: 'trends' as const,
      indicator: 'vwi',
      area: 'E07000123',
      sex: 'female' as const,
      cohort: {
        name: 'Young men in Preston',
        ages: ['15-17' as const, '18-24' as const],
        sex: 'male' as const,
        area: 'E07000123',
      },
    };
    const search = serializeViewState(state);
    expect(search).toContain('view=trends');
    expect(search).not.toContain('audience');
    expect(parseViewState(search)).toEqual({ state, notices: [] });
  });

  it('turns unknown or malformed settings into notices and defaults, never an error', () => {
    const { state, notices } = parseViewState('?view=nowhere&age=banana&period=2024-13&cohort=zz|x&colour=blue&area=<script>');
    expect(state).toEqual(DEFAULT_VIEW_STATE);
    expect(notices).toHaveLength(6);
    expect(notices.join(' ')).toMatch(/view "nowhere" is not recognised/);
    expect(notices.join(' ')).toMatch(/"colour" is not used/);
  });

  it('round-trips cohorts and rejects bad ones', () => {
    const c = { name: 'Girls aged 10-17', ages: ['10-14' as const, '15-17' as const], sex: 'female' as const, area: null };
    expect(decodeCohort(encodeCohort(c))).toEqual(c);
    expect(decodeCohort('99-100|male||x')).toBeNull();
    expect(decodeCohort('15-17|nobody||x')).toBeNull();
    expect(decodeCohort('15-17+junk|male||x')).toBeNull();
  });

  it('round-trips the 65+ band, whose name ends with the separator, alone and beside others', () => {
    for (const ages of [['65+'], ['50-64', '65+'], ['65+', '0-9']] as const) {
      const c = { name: 'Older people', ages: [...ages], sex: 'all' as const, area: 'E07000124' };
      expect(decodeCohort(encodeCohort(c))).toEqual(c);
      const viaUrl = parseViewState(serializeViewState({ ...parseViewState('').state, cohort: c })).state.cohort;
      expect(viaUrl).toEqual(c);
    }
  });
});
