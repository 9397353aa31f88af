import { DataTable } from '../../ui/DataTable';
import { useId, useState, type FormEvent } from 'react';
import { usePublicData } from '../../hooks/use-public-data';
import { downloadFile } from '../../ui/download-file';
import { formatCount, formatMonth } from '../../ui/format';
import { OpenDataEthicsForm } from './OpenDataEthicsForm';
import './public-data.css';
import type { PublicDataSummary } from '../../import/public-data/public-data-summary';
import type { PublicDataSettings, ReferenceFile } from '../../import/public-data/public-data-state';

const months = (list: readonly string[]) => list.map(formatMonth).join(', ');

/**
 * A reference file as the panel lists it. A boundary file read for its codes has no rows: it is counted by the
 * area codes it gave (an LSOA file names its districts too, so 941 shapes give 955 codes).
 */
export function referenceFileText(r: ReferenceFile): string {
  return `${r.file} (${formatCount(r.rows)} ${r.kind === 'boundary-lookup' ? (r.rows === 1 ? 'area code' : 'area codes') : r.rows === 1 ? 'row' : 'rows'})`;
}

/**
 * Public data loaded so far (police.uk runs, reference files) and the choices the dashboard made for them,
 * which the user can change: the VRU area's name and code, its districts, and whether records it cannot place
 * count as "Area not known". A change loads as a small settings file, like any file.
 */
export function PublicDataPanel({ onLoad, busy }: { onLoad: (files: File[]) => Promise<void>; busy: boolean }) {
  const data = usePublicData();
  if (!data) return null;
  const { summary, datasets } = data;
  const apply = (settings: PublicDataSettings) => onLoad([data.settingsAsFile(settings)]);
  return (
    <section className="public-data" aria-labelledby="public-data-title">
      <h2 id="public-data-title">Public data</h2>
      {summary.runs.length > 0 ? <RunsTable runs={summary.runs} /> : null}
      {summary.references.length > 0 ? <p>Reference files: {summary.references.map(referenceFileText).join('; ')}.</p> : null}
      {summary.runs.length > 0 ? (
        <AreaChoices key={JSON.stringify(summary.settings)} summary={summary} busy={busy} onApply={apply} />
      ) : null}
      {datasets.map((d) => (
        <OpenDataEthicsForm
          key={`${d.id}-${JSON.stringify(summary.settings.ethics?.[d.id] ?? {})}`}
          dataset={d}
          busy={busy}
          onSave={(answers) => apply({ ethics: { ...summary.settings.ethics, [d.id]: answers } })}
        />
      ))}
      {datasets.length > 0 ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => downloadFile('manifest.json', data.manifestJson(), 'application/json')}
          >
            Download the manifest
          </button>{' '}
          <span className="hint">
            To keep your answers with your files, or edit them elsewhere: load the edited manifest back and its answers for the
            police.uk datasets are kept.
          </span>
        </p>
      ) : null}
    </section>
  );
}

function RunsTable({ runs }: { runs: PublicDataSummary['runs'] }) {
  return (
    <DataTable
      captionId="public-runs-caption"
      caption="police.uk files loaded"
      columns={[
        { label: 'Files' },
        { label: 'Force' },
        { label: 'Files', num: true },
        { label: 'Records', num: true },
        { label: 'Months' },
        { label: 'Months missing from the run' },
      ]}
    >
      <tbody>
        {runs.map((r) => (
          <tr key={`${r.kind}|${r.force}`}>
            <th scope="row">{r.title}</th>
            <td>{r.force}</td>
            <td className="num">{r.files}</td>
            <td className="num">{formatCount(r.records)}</td>
            <td>{r.from ? `${formatMonth(r.from)} to ${formatMonth(r.to)}` : 'none'}</td>
            <td>{r.missing.length > 0 ? months(r.missing) : 'None'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function AreaChoices({
  summary,
  busy,
  onApply,
}: {
  summary: PublicDataSummary;
  busy: boolean;
  onApply: (s: PublicDataSettings) => Promise<void>;
}) {
  const id = useId();
  const s = summary.settings;
  // With the user's own areas lookup, it decides the VRU area and its districts; only "area not known" is a choice.
  const own = summary.placed?.mode === 'loaded';
  const [name, setName] = useState(s.vruName ?? '');
  const [code, setCode] = useState(s.vruCode ?? '');
  const [unknown, setUnknown] = useState(s.unknownArea ?? false);
  const usual = summary.districts.filter((d) => d.usual);
  const [picked, setPicked] = useState<string[]>(s.districts?.length ? s.districts : usual.map((d) => d.code));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const same = picked.length === usual.length && usual.every((d) => picked.includes(d.code));
    void onApply(
      own
        ? { unknownArea: unknown }
        : { vruName: name.trim(), vruCode: code.trim(), unknownArea: unknown, districts: same ? [] : picked },
    );
  };
  const district = (d: PublicDataSummary['districts'][number]) => (
    <div className="choice" key={d.code}>
      <input
        id={`${id}-d-${d.code}`}
        type="checkbox"
        checked={picked.includes(d.code)}
        onChange={(e) => setPicked(e.target.checked ? [...picked, d.code] : picked.filter((c) => c !== d.code))}
      />
      <label htmlFor={`${id}-d-${d.code}`}>
        {d.name} ({formatCount(d.records)} {d.records === 1 ? 'record' : 'records'})
      </label>
    </div>
  );
  const others = summary.districts.filter((d) => !d.usual);
  return (
    <form className="public-data__choices" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your VRU area</h3>
      {own ? (
        <p>
          The records are placed in the areas lookup you loaded ({summary.placed?.vru.name}): it decides the VRU area and its
          districts.
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <span className="hint" id={`${id}-name-hint`}>
              Now “{summary.placed?.vru.name}”. Leave empty for the name the dashboard gives (from the districts or the force).
            </span>
            <input
              id={`${id}-name`}
              className="text-input"
              type="text"
              maxLength={120}
              value={name}
              aria-describedby={`${id}-name-hint`}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-code`}>Code</label>
            <span className="hint" id={`${id}-code-hint`}>
              Now “{summary.placed?.vru.code}”. Leave empty for “VRU”.
            </span>
            <input
              id={`${id}-code`}
              className="text-input"
              type="text"
              maxLength={20}
              value={code}
              aria-describedby={`${id}-code-hint`}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          {summary.districts.length > 0 ? (
            <fieldset>
              <legend>Districts in the area</legend>
              <span className="hint">
                Ticked at first: the districts holding at least 0.5% of the records with a location. Records in the districts left
                out are reported as outside the area.
              </span>
              <div className="choices">{usual.map(district)}</div>
              {others.length > 0 ? (
                <details>
                  <summary>
                    {others.length} other {others.length === 1 ? 'district holds' : 'districts hold'} a few records
                  </summary>
                  <div className="choices">{others.map(district)}</div>
                </details>
              ) : null}
            </fieldset>
          ) : null}
        </>
      )}
      <div className="choice">
        <input id={`${id}-unknown`} type="checkbox" checked={unknown} onChange={(e) => setUnknown(e.target.checked)} />
        <label htmlFor={`${id}-unknown`}>
          Count records with no location, or outside the districts, as “Area not known”, a part of the VRU area (its totals then
          include them)
        </label>
      </div>
      <button type="submit" className="button button--primary" disabled={busy || (!own && picked.length === 0)}>
        Apply these choices
      </button>
    </form>
  );
}
