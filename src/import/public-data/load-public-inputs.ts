import type { Manifest, TableKind } from '../../contract';
import type { Engine } from '../../engine/engine-types';
import type { FileOutcome } from '../load-files';
import { addGeneratedToManifest } from '../merge-manifest';
import { loadPreparedExtract, loadPreparedRows } from '../prepared-tables';
import { rejectionProblems, type Problem } from '../problems';
import { generatePublicInputs } from './generate-public-inputs';
import type { PublicDataState } from './public-data-state';

export interface PublicLoad {
  engine: Engine;
  /** Everything public loaded so far, this batch's files included. */
  publicData: PublicDataState;
  /** The public state before this batch, kept if what it generates is refused. */
  previous: PublicDataState | undefined;
  manifest: Manifest | null;
  /** Whether this batch brought a manifest of the user's (theirs then keeps its title and area). */
  ownManifest: boolean;
  /** The batch's outcomes: the public files' ones get their notes, and the generated inputs' ones are added. */
  outcomes: FileOutcome[];
  today: string;
  tick: (step: string) => void;
  /** A fresh staging table name. */
  staging: () => string;
}

/**
 * Builds the inputs public data make (areas lookup, population, extracts, manifest entries) and loads them.
 * Returns the manifest and public state to keep: if a generated extract is refused, the manifest stays as it was
 * and every police.uk file of the batch says why; records that cannot be placed yet are kept for a later lookup.
 */
export async function loadPublicInputs(
  p: PublicLoad,
): Promise<{ manifest: Manifest | null; publicData: PublicDataState | undefined }> {
  const { engine, outcomes, tick } = p;
  p.tick('Placing public data in areas');
  const generated = await generatePublicInputs(engine, p.publicData, p.today);
  let publicData: PublicDataState = { ...p.publicData, placed: { mode: generated.plan.mode, vru: generated.plan.vru } };
  const mine = (o: FileOutcome) => o.kind === 'police-uk' && publicData.police.some((f) => f.file === o.file);
  if (generated.plan.mode === 'none') {
    const reason = generated.plan.reason ?? 'The records could not be placed in areas.';
    for (const o of outcomes.filter(mine)) {
      o.problems.push({
        file: o.file,
        severity: 'warning',
        message: 'was read and counted, but is not shown yet: its LSOAs cannot be placed in districts.',
        fix: reason,
      });
    }
    return { manifest: p.manifest, publicData };
  }
  // A manifest made from public data follows the user's choices (the VRU area's name); a user's own keeps theirs.
  publicData = { ...publicData, ownsManifest: !p.ownManifest && (p.manifest === null || publicData.ownsManifest === true) };
  const manifest = generated.manifest
    ? addGeneratedToManifest(p.manifest, generated.manifest, publicData.ownsManifest)
    : p.manifest;

  const results: FileOutcome[] = [];
  const load = async (
    name: string,
    kind: TableKind,
    run: (staging: string) => Promise<{ rows: number; problems: Problem[] }>,
  ) => {
    tick(`Checking ${name}`);
    try {
      const { rows, problems } = await run(p.staging());
      results.push({ file: name, kind, status: 'loaded', rows, problems });
    } catch (e) {
      const problems = rejectionProblems(e, name, 'Load the files again.');
      results.push({ file: name, kind, status: 'rejected', rows: 0, problems });
    }
    tick(`Checked ${name}`);
  };
  for (const x of generated.rows) await load(x.name, x.kind, (staging) => loadPreparedRows(engine, x, staging));
  for (const x of generated.prepared) await load(x.name, 'extracts', (staging) => loadPreparedExtract(engine, x, staging));
  outcomes.push(...results);

  for (const o of results) {
    o.notes = generated.notes.get(o.file);
    const missing = generated.missing.get(o.file);
    if (missing && o.status === 'loaded') {
      o.problems.push({
        file: o.file,
        severity: 'warning',
        message: `months are missing from the run: ${missing}.`,
        fix: 'Add the files for these months if police.uk has them; until then they show as not available, not as zero.',
      });
    }
  }
  for (const o of outcomes) if (o.kind === 'police-uk' && generated.notes.has(o.file)) o.notes = generated.notes.get(o.file);
  const refused = results.filter((o) => o.status === 'rejected');
  if (refused.length === 0) return { manifest, publicData };

  // The counts could not be committed: the manifest and public state stay as they were, and every public file
  // of this batch says why.
  for (const o of outcomes.filter(mine)) {
    o.status = 'rejected';
    o.problems.push({
      file: o.file,
      severity: 'error',
      message: `its counts could not be loaded: ${refused.map((r) => r.file).join(', ')} ${refused.length === 1 ? 'was' : 'were'} refused (see below).`,
      fix: 'Fix what the message below says (often an areas lookup loaded earlier that clashes with the one built here), then load the files again.',
    });
  }
  return { manifest: refused.some((o) => o.kind === 'extracts') ? p.manifest : manifest, publicData: p.previous };
}
