import type { Engine, Row } from '../engine/engine-types';
import { ident, str, strList } from '../engine/sql-literals';
import { GEOGRAPHY_LEVELS, type Manifest, type TableKind } from '../contract';
import { EXAMPLES_PER_PROBLEM, runRowChecks, type RowCheck } from './column-checks';
import type { Problem } from './problems';
import { declaredNotReportedProblems } from './zero-rows-given';

export interface ValidationContext {
  manifest: Manifest | null;
  /** The month after which a period is "in the future"; YYYY-MM. */
  latestPeriod: string;
  file: string;
}

/** Key columns that identify one cell of each table. */
export const TABLE_KEYS: Record<TableKind, readonly string[]> = {
  extracts: ['indicator_id', 'period', 'area_code', 'age_band', 'sex'],
  areas: ['code'],
  population: ['area_code', 'year', 'age_band', 'sex'],
  area_deprivation: ['area_code'],
  benchmarks: ['indicator_id', 'benchmark', 'period'],
};

const C = (col: string, alias = '') => `${alias ? `${alias}.` : ''}${ident(col)}`;

/** A DOUBLE as a person writes it: 40, not 40.0. */
const numberText = (sql: string) =>
  `CASE WHEN ${sql} = floor(${sql}) THEN CAST(CAST(${sql} AS BIGINT) AS VARCHAR) ELSE CAST(${sql} AS VARCHAR) END`;

/**
 * Checks that need the manifest, the loaded areas or other rows: the meaning of the data, not its shape.
 * They run over `typed`, the staging rows already cast to the committed types, so that a key compares the
 * same way whichever format each file came in (a year of 2024 from CSV equals 2024.0 from a spreadsheet).
 */
export async function meaningProblems(
  engine: Engine,
  kind: TableKind,
  typed: string,
  ctx: ValidationContext,
): Promise<Problem[]> {
  if (kind === 'extracts') return extractProblems(engine, typed, ctx);
  if (kind === 'areas') return areaProblems(engine, typed, ctx);
  if (kind === 'area_deprivation') return deprivationProblems(engine, typed, ctx);
  if (kind === 'benchmarks') return benchmarkProblems(engine, typed, ctx);
  return [
    ...(await runRowChecks(engine, ctx.file, typed, [unknownAreaCode])),
    ...(await duplicateCells(engine, ctx.file, typed, 'population')),
  ];
}

/**
 * A deprivation lookup covers a whole country (File 1 has every LSOA in England), so codes outside the loaded
 * areas are expected and ignored; what is checked is that each area appears once and its decile is 1 to 10.
 */
async function deprivationProblems(engine: Engine, typed: string, ctx: ValidationContext): Promise<Problem[]> {
  const checks: RowCheck[] = [
    {
      column: 'imd_decile',
      where: `${C('imd_decile')} NOT BETWEEN 1 AND 10`,
      message: (v) => `decile ${v} is out of range: deciles run from 1 (most deprived tenth) to 10 (least deprived).`,
      fix: 'Use the national decile from the deprivation file (IMD 2019 File 1, "Index of Multiple Deprivation (IMD) Decile").',
    },
  ];
  return [
    ...(await runRowChecks(engine, ctx.file, typed, checks)),
    ...(await duplicateCells(engine, ctx.file, typed, 'area_deprivation')),
  ];
}

/** Benchmark values name an indicator of the manifest, once per benchmark and period, with limits either side. */
async function benchmarkProblems(engine: Engine, typed: string, ctx: ValidationContext): Promise<Problem[]> {
  const ids = ctx.manifest?.indicators.map((i) => i.id) ?? [];
  const checks: RowCheck[] = [
    {
      column: 'indicator_id',
      where: `${C('indicator_id')} NOT IN ${strList(ids.length ? ids : [''])}`,
      message: (v) => `indicator "${v}" is not in the manifest.`,
      fix: ids.length
        ? `Use an indicator id from the manifest (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}).`
        : 'Load the manifest (manifest.json) together with, or before, the benchmark values.',
    },
    {
      column: 'value',
      where: `${C('lower95')} > ${C('value')} OR ${C('upper95')} < ${C('value')}`,
      valueSql: `CAST(${C('value')} AS VARCHAR)`,
      message: (v) => `the value ${v} lies outside its own confidence limits.`,
      fix: 'Check the lower95 and upper95 columns are not swapped or shifted.',
    },
  ];
  return [
    ...(await runRowChecks(engine, ctx.file, typed, checks)),
    ...(await duplicateCells(engine, ctx.file, typed, 'benchmarks')),
  ];
}

const unknownAreaCode: RowCheck = {
  column: 'area_code',
  where: `${C('area_code')} NOT IN (SELECT code FROM areas)`,
  message: (v) => `area code "${v}" is not in the areas lookup.`,
  fix: 'Load an areas lookup (code, name, level, parent_code) that includes this area, or correct the code.',
};

async function extractProblems(engine: Engine, typed: string, ctx: ValidationContext): Promise<Problem[]> {
  const manifest = ctx.manifest;
  if (!manifest) {
    return [
      {
        file: ctx.file,
        severity: 'error',
        message: 'cannot be checked because no manifest is loaded, so its indicators are unknown.',
        fix: 'Load the manifest (manifest.json) together with, or before, the extracts.',
      },
    ];
  }
  const ids = manifest.indicators.map((i) => i.id);
  const periodFix = 'Check the period column holds the month the events happened, written YYYY-MM, and that the year is right.';
  const fromExtract = manifest.indicators.filter((i) => i.denominatorSource === 'extract').map((i) => i.id);
  const checks: RowCheck[] = [
    {
      column: 'indicator_id',
      where: `${C('indicator_id')} NOT IN ${strList(ids)}`,
      message: (v) => `indicator "${v}" is not in the manifest.`,
      fix: `Use an indicator id from the manifest (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''}) or add the indicator to the manifest.`,
    },
    unknownAreaCode,
    {
      column: 'period',
      where: `${C('period')} > ${str(ctx.latestPeriod)}`,
      message: (v) =>
        `period ${v} is out of range: it is after ${ctx.latestPeriod}, the current month, so it has not happened yet.`,
      fix: periodFix,
    },
    {
      column: 'period',
      where: `${C('period')} < '2000-01'`,
      message: (v) => `period ${v} is out of range: it is before 2000-01, earlier than any extract the dashboard takes.`,
      fix: periodFix,
    },
    {
      column: 'count',
      where: `${C('count')} > ${C('denominator')}`,
      valueSql: `${C('count')} || ' of ' || ${numberText(C('denominator'))}`,
      message: (v) => `the count is larger than its denominator (${v}).`,
      fix: 'For a proportion the count is part of the denominator; check the two columns are not swapped.',
    },
    {
      column: 'denominator',
      where: `${C('indicator_id')} IN ${strList(fromExtract)} AND ${C('denominator')} IS NULL`,
      valueSql: C('indicator_id'),
      message: (v) => `is empty, but the manifest says indicator "${v}" takes its denominator from the extract.`,
      fix: 'Fill in the denominator (the number of people or events the count is out of) on every row of this indicator.',
    },
    ...coverageCheck(manifest),
  ];
  const problems = [
    ...(await runRowChecks(engine, ctx.file, typed, checks)),
    ...(await duplicateCells(engine, ctx.file, typed, 'extracts')),
    ...(await declaredNotReportedProblems(engine, ctx.file, typed, manifest)),
  ];
  const levels = await mixedLevels(engine, ctx, typed, manifest);
  problems.push(...levels.problems);
  if (levels.nested) problems.push(...(await partsWithWholes(engine, ctx.file, typed)));
  return problems;
}

/**
 * A period outside the coverage the manifest declares makes the catalogue misdescribe the data: said, not refused.
 * Each indicator's coverage is looked up with CASE rather than a correlated subquery, which the engine would run
 * by holding a copy of every staged row (over 300 MB at 10M rows).
 */
function coverageCheck(manifest: Manifest): RowCheck[] {
  const covered = manifest.indicators.flatMap((i) => {
    const d = manifest.datasets.find((x) => x.id === i.dataset);
    return d ? [{ indicator: i.id, dataset: d.id, from: d.coverage.from, to: d.coverage.to }] : [];
  });
  if (covered.length === 0) return [];
  const lookup = (field: 'dataset' | 'from' | 'to') =>
    `CASE t.indicator_id ${covered.map((c) => `WHEN ${str(c.indicator)} THEN ${str(c[field])}`).join(' ')} END`;
  return [
    ...notReportedCheck(manifest),
    ...breakdownCheck(manifest),
    {
      column: 'period',
      severity: 'warning',
      where: `t.period < ${lookup('from')} OR t.period > ${lookup('to')}`,
      valueSql: `t.period || ' is outside the coverage the manifest declares for dataset "' || ${lookup('dataset')} || '" (' || ${lookup('from')} || ' to ' || ${lookup('to')} || ')'`,
      message: (v) => `period ${v}.`,
      fix: "Update the dataset's coverage (from, to) in the manifest, or check the period.",
    },
  ];
}

/**
 * A row in a span the manifest declares not reported contradicts it: the row still counts (a figure sent is never
 * dropped), but the declaration is probably out of date. Spans naming codes are matched on the row's own code.
 */
function notReportedCheck(manifest: Manifest): RowCheck[] {
  const spans = manifest.indicators.flatMap((i) =>
    (manifest.datasets.find((d) => d.id === i.dataset)?.coverage.notReported ?? []).map((s) => {
      const areas = s.areas === 'all' ? 'TRUE' : `t.area_code IN ${strList(s.areas)}`;
      return `(t.indicator_id = ${str(i.id)} AND t.period BETWEEN ${str(s.from)} AND ${str(s.to)} AND ${areas})`;
    }),
  );
  if (spans.length === 0) return [];
  return [
    {
      column: 'period',
      severity: 'warning',
      where: spans.join(' OR '),
      valueSql: `t.period || ' in ' || t.area_code`,
      message: (v) => `a row for ${v}, which the manifest declares not reported; it is counted.`,
      fix: "Remove the span from the dataset's coverage.notReported in the manifest if the agency did report it.",
    },
  ];
}

/**
 * Rows in an age band or sex an indicator's declared breakdowns leave out would make cells outside its complete
 * grid, whose existence would say someone was counted in them: said, so the declaration can be corrected.
 */
function breakdownCheck(manifest: Manifest): RowCheck[] {
  const declared = manifest.indicators.filter((i) => i.breakdowns);
  if (declared.length === 0) return [];
  const outside = declared.map((i) => {
    const bands = i.breakdowns?.ageBands.length ? i.breakdowns.ageBands : ['all'];
    const sexes = i.breakdowns?.bySex ? ['female', 'male'] : ['all'];
    // "all" rows beside banded ones are ignored by the cube, so they are not outside.
    const band = i.breakdowns?.ageBands.length ? `t.age_band NOT IN ${strList([...bands, 'all'])}` : `t.age_band <> 'all'`;
    const sex = i.breakdowns?.bySex ? `t.sex NOT IN ${strList([...sexes, 'all'])}` : `t.sex <> 'all'`;
    return `(t.indicator_id = ${str(i.id)} AND (${band} OR ${sex}))`;
  });
  return [
    {
      column: 'age_band',
      severity: 'warning',
      where: outside.join(' OR '),
      valueSql: `t.indicator_id || ': ' || t.age_band || ', ' || t.sex`,
      message: (v) => `${v} is not among the breakdowns the manifest declares for the indicator.`,
      fix: "Add the age band or sex to the indicator's breakdowns in the manifest, or check the row.",
    },
  ];
}

async function areaProblems(engine: Engine, typed: string, ctx: ValidationContext): Promise<Problem[]> {
  // Rows this file loaded before are about to be replaced, so they do not count as "already loaded".
  const others = `(SELECT * FROM areas WHERE source_file <> ${str(ctx.file)})`;
  const checks: RowCheck[] = [
    {
      column: 'parent_code',
      where: `${C('parent_code')} = ${C('code')}`,
      message: (v) => `area "${v}" is given as its own parent.`,
      fix: 'Give the code of the larger area this one lies in, or leave parent_code empty for the top level.',
    },
    {
      column: 'parent_code',
      where: `${C('parent_code')} IS NOT NULL AND ${C('parent_code')} NOT IN (SELECT code FROM ${ident(typed)}) AND ${C('parent_code')} NOT IN (SELECT code FROM ${others})`,
      message: (v) => `parent area "${v}" is not in this file or in the areas already loaded.`,
      fix: 'Include the parent area as a row of its own, load the lookup that has it first, or correct the code.',
    },
  ];
  if (ctx.manifest) {
    const levels = ctx.manifest.geographies.map((g) => g.level);
    checks.push({
      column: 'level',
      where: `${C('level')} NOT IN ${strList(levels)}`,
      message: (v) => `geography level "${v}" is not declared in the manifest.`,
      fix: `Declare it under "geographies" in the manifest with its parent level, or use one of: ${levels.join(', ')}.`,
    });
    // An aggregate rather than LIMIT 1, which the engine can turn into one join instead of a lookup per row.
    const parentLevel = `(SELECT max(p.level) FROM (SELECT code, level FROM ${ident(typed)} UNION ALL SELECT code, level FROM ${others}) p WHERE p.code = t.parent_code)`;
    for (const g of ctx.manifest.geographies) {
      if (!g.parentLevel) continue;
      checks.push({
        column: 'parent_code',
        where: `t.level = ${str(g.level)} AND t.parent_code IS NOT NULL AND ${parentLevel} <> ${str(g.parentLevel)}`,
        valueSql: `t.parent_code || '|' || ${parentLevel}`,
        message: (v) => {
          const [code, level] = (v ?? '').split('|');
          return `the parent "${code}" is a ${level}, but the manifest says a ${g.level} lies within a ${g.parentLevel}.`;
        },
        fix: `Give the code of the ${g.parentLevel} this ${g.level} lies in, or correct the hierarchy (parentLevel) in the manifest.`,
      });
    }
  }
  return [...(await duplicateCells(engine, ctx.file, typed, 'areas')), ...(await runRowChecks(engine, ctx.file, typed, checks))];
}

/** Rows of the staged file grouped at once by the duplicate check: at most this many keys in one hash table. */
const DUPLICATE_PASS_ROWS = 2_000_000;

/**
 * The first cells given more than once within the staged file, with their rows, and how many such cells there
 * are. Repeated keys are found with plain counts first; only the few shown are listed row by row, since
 * aggregating every cell's row numbers would cost as much as the rest of the checks together. The counts group
 * a hash of each row's key (a third of the memory of grouping the key's text), then the text of the few keys
 * whose hash repeats, so a hash collision is never reported; a large file is counted in passes over ranges of
 * the hash, so no pass groups more than DUPLICATE_PASS_ROWS keys (10M keys at once took about 330 MB).
 */
export async function repeatedCells(
  engine: Engine,
  typed: string,
  key: readonly string[],
  passRows = DUPLICATE_PASS_ROWS,
): Promise<Row[] & { total: number }> {
  const keySql = key.map((k) => C(k)).join(', ');
  const [{ n } = { n: 0 }] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${ident(typed)}`);
  const passes = Math.max(1, Math.ceil(n / passRows));
  const found: Row[] = [];
  let total = 0;
  for (let pass = 0; pass < passes; pass++) {
    const inPass = passes > 1 ? `hash(${keySql}) % ${passes} = ${pass}` : 'true';
    const rows = await engine.query(
      `WITH repeated AS (SELECT hash(${keySql}) AS h FROM ${ident(typed)} WHERE ${inPass} GROUP BY h HAVING count(*) > 1),
       dup AS (
         SELECT ${keySql}, min(_row) AS first_row, count(*) OVER () AS total FROM ${ident(typed)}
         WHERE hash(${keySql}) IN (SELECT h FROM repeated)
         GROUP BY ${keySql} HAVING count(*) > 1 ORDER BY first_row LIMIT ${EXAMPLES_PER_PROBLEM})
       SELECT string_agg(t._row::VARCHAR, ', ' ORDER BY t._row) AS rows, min(t._row) AS first_row, any_value(dup.total) AS total,
         ${key.map((k) => `CAST(${C(k, 'dup')} AS VARCHAR) AS ${ident(k)}`).join(', ')}
       FROM dup JOIN ${ident(typed)} t ON ${key.map((k) => `${C(k, 't')} = ${C(k, 'dup')}`).join(' AND ')}
       GROUP BY ${key.map((k) => C(k, 'dup')).join(', ')}, dup.first_row ORDER BY dup.first_row`,
    );
    total += Number(rows[0]?.total ?? 0);
    // Each pass counts its own cells: the total is their sum, not any one row's.
    found.push(...rows.map(({ total: _passTotal, ...row }) => row));
  }
  const first = found.sort((a, b) => Number(a.first_row) - Number(b.first_row)).slice(0, EXAMPLES_PER_PROBLEM);
  return Object.assign(first, { total });
}

/** A cell given twice, within the file or by a different file already loaded, would be counted twice. */
async function duplicateCells(engine: Engine, file: string, typed: string, kind: TableKind): Promise<Problem[]> {
  const key = TABLE_KEYS[kind];
  const describe = (r: Row) => key.map((k) => String(r[k])).join(' / ');
  const within = await repeatedCells(engine, typed, key);
  const fixWithin = 'Each combination of the key columns must appear once; add the rows together or remove the repeat.';
  const problems: Problem[] = within.map((d) => {
    const rows = String(d.rows).split(', ').map(Number);
    return {
      file,
      severity: 'error',
      // The repeat is the row to remove or merge; the message names every row of the cell.
      row: rows[1] ?? rows[0] ?? 0,
      message: `the cell ${describe(d)} (${key.join(' / ')}) appears more than once (rows ${String(d.rows)}).`,
      fix: fixWithin,
    };
  });
  const moreWithin = within.total - within.length;
  if (moreWithin > 0)
    problems.push({ file, severity: 'error', message: `and ${moreWithin} more repeated cells.`, fix: fixWithin });

  const join = key.map((k) => `${C(k, 's')} = ${C(k, 'c')}`).join(' AND ');
  const across = await engine.query(
    `SELECT s._row, c.source_file, count(*) OVER () AS total, ${key.map((k) => `CAST(${C(k, 's')} AS VARCHAR) AS ${ident(k)}`).join(', ')}
     FROM ${ident(typed)} s JOIN ${ident(kind)} c ON ${join}
     WHERE c.source_file <> ${str(file)} ORDER BY s._row LIMIT ${EXAMPLES_PER_PROBLEM}`,
  );
  problems.push(
    ...across.map((d) => ({
      file,
      severity: 'error' as const,
      row: Number(d._row),
      message: `the cell ${describe(d)} (${key.join(' / ')}) was already loaded from ${String(d.source_file)}.`,
      fix: `Load each cell from one file only: remove these rows, or reload ${String(d.source_file)} without them.`,
    })),
  );
  const moreAcross = Number(across[0]?.total ?? 0) - across.length;
  if (moreAcross > 0) {
    problems.push({
      file,
      severity: 'error',
      message: `and ${moreAcross} more cells already loaded from other files.`,
      fix: 'Load each cell from one file only.',
    });
  }
  return problems;
}

/**
 * An indicator given at two geography levels is only meaningful when the manifest declares how they nest.
 * Rows of the same indicator already loaded from other files count too: the mix is in the data, whichever
 * file brings it. Returns whether any indicator mixes levels that do nest, for the double-counting check.
 */
async function mixedLevels(
  engine: Engine,
  ctx: ValidationContext,
  typed: string,
  manifest: Manifest,
): Promise<{ problems: Problem[]; nested: boolean }> {
  const rows = await engine.query<{ indicator_id: string; level: string; first_row: number | null; other_file: string | null }>(
    `WITH r AS (
       SELECT indicator_id, area_code, _row, NULL::VARCHAR AS source_file FROM ${ident(typed)}
       UNION ALL
       SELECT indicator_id, area_code, NULL, source_file FROM extracts
       WHERE source_file <> ${str(ctx.file)} AND indicator_id IN (SELECT DISTINCT indicator_id FROM ${ident(typed)}))
     SELECT r.indicator_id, a.level, min(r._row) AS first_row, min(r.source_file) AS other_file
     FROM r JOIN areas a ON a.code = r.area_code GROUP BY 1, 2 ORDER BY 1, min(r._row) NULLS FIRST, 2`,
  );
  const parentOf = new Map<string, string | null>(manifest.geographies.map((g) => [g.level, g.parentLevel]));
  const ancestors = (level: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(level); p && !out.includes(p); p = parentOf.get(p)) out.push(p);
    return out;
  };
  const nests = (a: string, b: string) => a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
  const byIndicator = new Map<string, typeof rows>();
  for (const r of rows) byIndicator.set(r.indicator_id, [...(byIndicator.get(r.indicator_id) ?? []), r]);

  const problems: Problem[] = [];
  let nested = false;
  for (const [indicator, levels] of byIndicator) {
    if (levels.length < 2) continue;
    // Levels come in order of appearance (other files first): the clash is the first row whose level does not
    // nest with a level seen before it, which is the row to point at.
    const clash = levels.find((b, i) => b.first_row !== null && levels.slice(0, i).some((a) => !nests(a.level, b.level)));
    if (!clash) {
      nested = true;
      continue;
    }
    const where = (l: (typeof levels)[number]) =>
      l.first_row !== null ? `${l.level} from row ${l.first_row}` : `${l.level} in ${l.other_file}`;
    const other = levels.find((a) => !nests(a.level, clash.level))?.level ?? clash.level;
    const [smaller, larger] = [clash.level, other].sort((a, b) => rank(a) - rank(b));
    problems.push({
      file: ctx.file,
      severity: 'error',
      row: clash.first_row ?? undefined,
      column: 'area_code',
      message: `indicator "${indicator}" mixes geography levels (${levels.map(where).join('; ')}) that the manifest does not declare as nesting.`,
      fix: `Give each indicator at one level, or declare in the manifest how the levels nest (for example "parentLevel": "${larger}" for the ${smaller} level, if every ${smaller} lies within one ${larger}).`,
    });
  }
  return { problems, nested };
}

/** Position from smallest (lsoa) to largest (vru), to suggest which way two levels nest. */
const rank = (level: string) => (GEOGRAPHY_LEVELS as readonly string[]).indexOf(level);

/**
 * An area and one of its own parts given for the same indicator, period, age band and sex: rolled up, the
 * larger area would count the parts' events twice. Only asked when levels that nest are mixed.
 */
async function partsWithWholes(engine: Engine, file: string, typed: string): Promise<Problem[]> {
  const cell = ['indicator_id', 'period', 'age_band', 'sex'];
  const rows = await engine.query<{
    part: string;
    part_level: string;
    part_row: number | null;
    part_file: string | null;
    whole: string;
    whole_level: string;
    whole_row: number | null;
    whole_file: string | null;
    cell: string;
    total: number;
  }>(
    `WITH RECURSIVE anc(code, ancestor) AS (
       SELECT code, parent_code FROM areas WHERE parent_code IS NOT NULL
       UNION
       SELECT anc.code, p.parent_code FROM anc JOIN areas p ON p.code = anc.ancestor WHERE p.parent_code IS NOT NULL),
     r AS (
       SELECT ${cell.map((c) => C(c)).join(', ')}, area_code, _row, NULL::VARCHAR AS source_file FROM ${ident(typed)}
       UNION ALL
       SELECT ${cell.map((c) => C(c)).join(', ')}, area_code, NULL, source_file FROM extracts
       WHERE source_file <> ${str(file)} AND indicator_id IN (SELECT DISTINCT indicator_id FROM ${ident(typed)}))
     SELECT d.area_code AS part, pa.level AS part_level, d._row AS part_row, d.source_file AS part_file,
       w.area_code AS whole, wa.level AS whole_level,
       w._row AS whole_row, w.source_file AS whole_file, concat_ws(', ', ${cell.map((c) => C(c, 'd')).join(', ')}) AS cell,
       count(*) OVER () AS total
     FROM r d JOIN anc ON anc.code = d.area_code
     JOIN r w ON w.area_code = anc.ancestor AND ${cell.map((c) => `${C(c, 'w')} = ${C(c, 'd')}`).join(' AND ')}
     JOIN areas pa ON pa.code = d.area_code JOIN areas wa ON wa.code = w.area_code
     WHERE d._row IS NOT NULL OR w._row IS NOT NULL
     ORDER BY coalesce(d._row, w._row), d._row NULLS LAST LIMIT ${EXAMPLES_PER_PROBLEM}`,
  );
  const fix =
    "Give each indicator, period, age band and sex at one level per place: remove either the larger area's row or the rows of the areas within it (the dashboard adds the smaller areas up itself).";
  const from = (row: number | null, other: string | null) => (row !== null ? `row ${row}` : `loaded from ${other}`);
  const problems: Problem[] = rows.map((r) => ({
    file,
    severity: 'error',
    row: r.part_row ?? r.whole_row ?? undefined,
    column: 'area_code',
    message: `double counting: ${r.part_level} ${r.part} (${from(r.part_row, r.part_file)}) lies within ${r.whole_level} ${r.whole} (${from(r.whole_row, r.whole_file)}), and both are given for ${r.cell}.`,
    fix,
  }));
  const more = (rows[0]?.total ?? 0) - rows.length;
  if (more > 0)
    problems.push({
      file,
      severity: 'error',
      column: 'area_code',
      message: `and ${more} more areas given together with an area they lie within.`,
      fix,
    });
  return problems;
}
