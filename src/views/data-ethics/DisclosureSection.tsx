import { DataTable } from '../../ui/DataTable';
import { useState } from 'react';
import { AUDIENCES, type Audience, type Manifest, AUDIENCE_WORDS, openDataShare, policyInWords } from '../../contract';
import { useProtectionSummary } from '../../hooks/use-protection-summary';
import { LP_AUDIT_METHOD } from '../../disclosure/audit-method';
import { useViewState } from '../../url-state/use-view-state';

/**
 * The disclosure rules per audience, how many cells show `c`, and whether the audit passed and by which method.
 * Never how many hidden cells are small or were hidden to protect another (see PublishedProtection).
 */
export function DisclosureSection({ manifest }: { manifest: Manifest }) {
  const { state } = useViewState();
  // Published open data (police.uk) are shown exactly for every audience: no rule below touches them.
  const open = openDataShare(manifest);
  return (
    <>
      {open === 'all' ? (
        <p>
          Every figure loaded is published open data, shown exactly as published for every audience: no number is hidden or
          rounded, as they are public already. The rules below apply to the partnership&rsquo;s own data when they are loaded.
        </p>
      ) : (
        <p>
          Every figure of the partnership&rsquo;s own data passes through the disclosure-control layer before it is shown,
          exported or put in a link. Small numbers are hidden (shown as <strong>c</strong>); other cells are hidden too wherever a
          hidden number could otherwise be worked out by subtracting visible figures from a total, across areas, months, age bands
          and sex together. Rounded figures are marked <sup>r</sup>.
          {open === 'some' ? ' Published open data are shown exactly as published, for every audience.' : ''}
        </p>
      )}
      <DataTable
        captionId="disclosure-caption"
        caption="Disclosure rules and the audit of the loaded data, by audience"
        columns={[
          { label: 'Audience' },
          { label: 'Rule' },
          { label: 'Cells under the rules', num: true },
          { label: 'Hidden (c)', num: true },
          { label: 'Audit' },
        ]}
      >
        <tbody>
          {AUDIENCES.map((a) => (
            <AudienceRow key={a} audience={a} manifest={manifest} inUse={a === state.audience} openOnly={open === 'all'} />
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

/** The audience in use is protected at once; the others on request (each takes the worker a few seconds). */
function AudienceRow({
  audience,
  manifest,
  inUse,
  openOnly,
}: {
  audience: Audience;
  manifest: Manifest;
  inUse: boolean;
  /** Every figure loaded is published open data: no cell is under the rules, so nothing is audited. */
  openOnly: boolean;
}) {
  const policy = manifest.disclosure[audience];
  const [requested, setRequested] = useState(false);
  const summary = useProtectionSummary(audience, inUse || requested);
  const words = policyInWords(policy);
  const rule = `${words.charAt(0).toUpperCase()}${words.slice(1)}; rates from fewer than ${policy.lowCountBelow} events flagged as low counts.`;
  const s = summary.data;
  return (
    <tr>
      <th scope="row">{AUDIENCE_WORDS[audience].full}</th>
      <td>{rule}</td>
      <td className="num">{s ? s.cells.toLocaleString('en-GB') : '…'}</td>
      <td className="num">{s ? s.hidden.toLocaleString('en-GB') : '…'}</td>
      <td>
        {openOnly ? (
          'Nothing to audit: no figure loaded is under these rules.'
        ) : summary.isError ? (
          <span role="alert">The rules could not be applied: {summary.error.message}</span>
        ) : !s && !summary.isFetching ? (
          <button type="button" className="button" onClick={() => setRequested(true)}>
            Apply these rules and audit them
            <span className="visually-hidden">{` (${AUDIENCE_WORDS[audience].full.toLowerCase()})`}</span>
          </button>
        ) : !s ? (
          'Running…'
        ) : s.audit.pass && s.audit.method === LP_AUDIT_METHOD ? (
          <>
            <strong className="tag tag--ok">Passed</strong> No hidden small number can be narrowed below the rule from the figures
            shown (method: {s.audit.method}).
          </>
        ) : s.audit.pass ? (
          // Only the exact LP over every group proves it: where larger groups had the weaker check, say that it passed
          // the checks run, not that no number can be narrowed (on the demo an LP without the cap narrows some).
          <>
            <strong className="tag tag--ok">Passed</strong> No check found a way to narrow a hidden small number below the rule,
            but the largest groups of linked cells had only the weaker check, so this is not proof for them (method:{' '}
            {s.audit.method}).
          </>
        ) : (
          <>
            <strong className="tag tag--error">Failed</strong> Some hidden numbers could be narrowed (method: {s.audit.method}).
          </>
        )}
      </td>
    </tr>
  );
}
