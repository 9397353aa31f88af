import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW_STATE,
  decodeCohort,
  encodeCohort,
  parseViewState,
  serializeViewState,
} from '../../../src/url-state/view-state';
import { withOption, type ViewOptions } from '../../../src/url-state/view-options';

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

  it('round-trips a cohort of people of all ages, which a link could not carry before', () => {
    const everyone = { name: 'People of all ages in Preston', ages: ['all' as const], sex: 'all' as const, area: 'E07000123' };
    expect(decodeCohort(encodeCohort(everyone))).toEqual(everyone);
    expect(decodeCohort('all+15-17|all||x')).toBeNull();
    expect(decodeCohort('allall|all||x')).toBeNull();
  });

  it('round-trips the 65+ band, whose name ends with the separator, alone and beside others', () => {
    for (const ages of [['65+'], ['50-64', '65+'], ['65+', '0-9']] as const) {
      const c = { name: 'Older people', ages: [...ages], sex: 'all' as const, area: 'E07000124' };
      expect(decodeCohort(encodeCohort(c))).toEqual(c);
      const viaUrl = parseViewState(serializeViewState({ ...parseViewState('').state, cohort: c })).state.cohort;
      expect(viaUrl).toEqual(c);
    }
  });

  it('keeps how a view draws its figures in the link, writes no defaults, and gives notices for bad values', () => {
    const options: ViewOptions = {
      measure: 'compare',
      method: 'fixed',
      palette: 'diverging',
      classes: 4,
      breaks: [2.5, 10, 20],
      series: 'rolling',
      limits: 'off',
      pathway: 'quarter',
      need: 'persistent_absence',
      harm: 'hes_sharp_object_admissions',
      with: ['police_violence_with_injury', 'ed_assault_attendances'],
      part: 'compare',
    };
    const search = serializeViewState({ ...DEFAULT_VIEW_STATE, view: 'map', options });
    expect(search).toContain('breaks=2.5_10_20');
    expect(search).toContain('with=police_violence_with_injury.ed_assault_attendances');
    const back = parseViewState(search);
    expect(back.notices).toEqual([]);
    expect(back.state.options).toEqual(options);

    expect(withOption({ measure: 'count' }, 'measure', 'rate', 'rate')).toEqual({});
    expect(withOption({}, 'breaks', [], [])).toEqual({});
    expect(serializeViewState({ ...DEFAULT_VIEW_STATE, options: withOption({}, 'series', 'month', 'month') })).toBe('');
    expect(
      serializeViewState({ ...DEFAULT_VIEW_STATE, options: withOption({ part: 'compare' }, 'part', 'trend', 'trend') }),
    ).toBe('');

    const bad = parseViewState('?measure=volume&classes=12&breaks=5_3&with=a.B!&limits=maybe&part=forecast');
    expect(bad.state.options).toEqual({});
    expect(bad.notices).toHaveLength(6);
    expect(bad.notices.join(' ')).toMatch(/measure "volume" is not recognised/);
  });
});
