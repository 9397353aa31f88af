import { useEffect, type MouseEvent } from 'react';
import { AUDIENCE_PERMISSIONS, DEFAULT_POLICIES, rulesInBrief, syntheticShare, AUDIENCE_WORDS } from '../../contract';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useFiguresCurrent } from '../../hooks/coordinator/use-figures-current';
import { formatDate } from '../../ui/format';
import { lockAudience, useViewState } from '../../url-state/use-view-state';
import { serializeViewState, VIEW_TITLES, VIEWS, type ViewName } from '../../url-state/view-state';
import { CopyLinkButton } from './CopyLinkButton';

const LEVEL_NAMES: Record<string, string> = {
  vru: 'VRU area',
  district: 'districts',
  ward: 'wards',
  msoa: 'MSOAs',
  lsoa: 'LSOAs',
};

export function Header() {
  const { state: loaded, workspace, bundle } = useSessionSnapshot();
  const { state, update } = useViewState();
  // Provenance is per dataset: the badge says whether all, some or none of what is shown is made up.
  const synthetic = syntheticShare(loaded.manifest);
  const figuresCurrent = useFiguresCurrent();
  const policy = loaded.manifest?.disclosure[state.audience] ?? DEFAULT_POLICIES[state.audience];

  // A bundle dropped on the page fixes the audience just as one opened from a link does.
  useEffect(() => lockAudience(bundle?.audience ?? null), [bundle]);

  const go = (view: ViewName) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    update({ view });
    document.getElementById('main')?.focus();
  };
  const audit = bundle?.audits.at(-1);
  return (
    <header className="header">
      <div className="header__bar">
        <p className="header__title">
          {loaded.manifest?.area.name ?? 'Violence needs assessment'}
          <span className="header__subtitle"> violence needs assessment</span>
        </p>
        {synthetic !== 'none' ? (
          <strong className="tag tag--synthetic" title="These are made-up numbers for demonstration, not real people.">
            {synthetic === 'some' ? 'Includes synthetic data' : `Synthetic ${workspace.kind === 'demo' ? 'demo ' : ''}data`}
          </strong>
        ) : null}
        {workspace.kind === 'own' && loaded.manifest ? (
          <strong className="tag tag--workspace" data-testid="workspace-indicator">
            Your own data
          </strong>
        ) : null}
        {bundle ? (
          <strong className="tag tag--audience" data-testid="audience-indicator">
            {AUDIENCE_WORDS[bundle.audience].label} bundle: audience fixed
          </strong>
        ) : null}
        <CopyLinkButton className="header__copy-link no-print" disabled={!figuresCurrent} />
      </div>
      {AUDIENCE_PERMISSIONS[state.audience].rulesBanner ? (
        <div className="audience-banner" role="note" aria-label="Disclosure rules">
          <p>
            <strong>
              {AUDIENCE_WORDS[state.audience].label} view: {rulesInBrief(loaded.manifest ?? null, policy)}.
            </strong>
            {bundle ? (
              <>
                {' '}
                Opened from a bundle published on {formatDate(bundle.createdAt.slice(0, 10))} (levels:{' '}
                {bundle.levels.map((l) => LEVEL_NAMES[l] ?? l).join(', ')}
                ); no raw data are in it.{' '}
                {audit ? (
                  <span data-testid="bundle-audit">
                    Disclosure audit on opening: {audit.pass ? 'passed' : 'failed'} ({audit.method}).
                  </span>
                ) : null}
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      <nav aria-label="Dashboard views" className="nav no-print">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a
                href={serializeViewState({ ...state, view: v }, window.location.search) || '?'}
                aria-current={state.view === v ? 'page' : undefined}
                onClick={go(v)}
              >
                {VIEW_TITLES[v]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
