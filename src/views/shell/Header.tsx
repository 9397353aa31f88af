import type { MouseEvent } from 'react';
import { useSessionSnapshot } from '../../hooks/session-context';
import { useViewState } from '../../url-state/use-view-state';
import { serializeViewState, VIEW_TITLES, VIEWS, type ViewName } from '../../url-state/view-state';

export function Header() {
  const { state: loaded, demo } = useSessionSnapshot();
  const { state, update } = useViewState();
  const synthetic = loaded.manifest?.synthetic ?? false;
  const go = (view: ViewName) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    update({ view });
    document.getElementById('main')?.focus();
  };
  return (
    <header className="header">
      <div className="header__bar">
        <p className="header__title">
          {loaded.manifest?.area.name ?? 'Violence needs assessment'}
          <span className="header__subtitle"> violence needs assessment</span>
        </p>
        {synthetic ? (
          <strong className="tag tag--synthetic" title="These are made-up numbers for demonstration, not real people.">
            Synthetic {demo ? 'demo ' : ''}data
          </strong>
        ) : null}
      </div>
      <nav aria-label="Dashboard views" className="nav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v}>
              <a
                href={serializeViewState({ ...state, view: v }) || '?'}
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
