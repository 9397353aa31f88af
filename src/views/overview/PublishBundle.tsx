import { useState, type FormEvent } from 'react';
import { AUDIENCE_WORDS, BUNDLE_AUDIENCES, DEFAULT_POLICIES, rulesInBrief, type GeographyLevel } from '../../contract';
import { auditsPassed, type BundleAudience } from '../../bundle/bundle-format';
import { useSessionSnapshot } from '../../hooks/session-context';
import { usePublishBundle } from '../../hooks/use-briefing-publish';
import { PublishResult } from './PublishResult';

const LEVEL_NAMES: Record<GeographyLevel, string> = {
  vru: 'VRU area',
  district: 'Districts',
  ward: 'Wards',
  msoa: 'MSOAs',
  lsoa: 'LSOAs',
};
const DEFAULT_LEVELS: GeographyLevel[] = ['vru', 'district'];

/**
 * "Publish a bundle for partners or the public": writes a bundle of what a partner (or the public) may see, to host
 * on any web server. The files are offered as downloads, only when the bundle's audits passed; nothing is uploaded.
 */
export function PublishBundle() {
  const { state: loaded } = useSessionSnapshot();
  const { state, publish, canPublish } = usePublishBundle();
  const [audience, setAudience] = useState<BundleAudience>('partner');
  const [levels, setLevels] = useState<GeographyLevel[]>(DEFAULT_LEVELS);
  const available = (loaded.manifest?.geographies ?? []).map((g) => g.level);

  if (!canPublish) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void publish(audience, levels);
  };
  const toggle = (level: GeographyLevel, on: boolean) => setLevels((ls) => (on ? [...ls, level] : ls.filter((l) => l !== level)));
  const pageAddress = `${window.location.origin}${window.location.pathname}`;
  return (
    <div className="publish">
      <p>
        Makes a set of files holding only the figures the chosen audience may see, under the rules named beside it below, with the
        areas and population lookups and the manifest. Raw extracts are never part of it. Put the files in one folder on a web
        server and share a link to the dashboard with <code>?bundle=</code> and that folder&apos;s address.
      </p>
      <form onSubmit={submit} className="publish__form">
        <fieldset>
          <legend>Audience</legend>
          {BUNDLE_AUDIENCES.map((a) => (
            <div key={a} className="choice">
              <input
                type="radio"
                id={`publish-${a}`}
                name="publish-audience"
                value={a}
                checked={audience === a}
                onChange={() => setAudience(a)}
              />
              <label htmlFor={`publish-${a}`}>
                {AUDIENCE_WORDS[a].full} (
                {rulesInBrief(loaded.manifest ?? null, loaded.manifest?.disclosure[a] ?? DEFAULT_POLICIES[a])})
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Geography levels</legend>
          {available.map((level) => (
            <div key={level} className="choice">
              <input
                type="checkbox"
                id={`publish-level-${level}`}
                checked={levels.includes(level)}
                onChange={(e) => toggle(level, e.target.checked)}
              />
              <label htmlFor={`publish-level-${level}`}>{LEVEL_NAMES[level]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="action-button" disabled={state.kind === 'working' || levels.length === 0}>
          Publish for {AUDIENCE_WORDS[audience].people}
        </button>
      </form>
      <div role="status" aria-live="polite" className="publish__status">
        {state.kind === 'working' ? <p>{state.step}…</p> : null}
        {state.kind === 'done' ? (
          auditsPassed(state.bundle.metadata.audit) ? (
            <p>
              The bundle is ready: {state.bundle.metadata.cells.toLocaleString('en-GB')} cells for the{' '}
              {state.bundle.metadata.audience} audience, {state.bundle.metadata.suppressed.toLocaleString('en-GB')} of them
              hidden.
            </p>
          ) : (
            <p>The bundle did not pass its disclosure audit, so it is not offered for download.</p>
          )
        ) : null}
      </div>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice notice--error">
          The bundle could not be made: {state.error}
        </p>
      ) : null}
      {state.kind === 'done' ? <PublishResult bundle={state.bundle} pageAddress={pageAddress} /> : null}
    </div>
  );
}
