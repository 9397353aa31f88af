import type { EthicsCanvas } from '../../contract';

/**
 * The Data Ethics Canvas answers that hold for police.uk open data whoever loads it. They are a starting point:
 * the partnership edits them (Load data, "Public data"), and its edits replace these.
 */
export function openDataEthics(what: string): EthicsCanvas {
  return {
    dataSources: `${what}, downloaded from data.police.uk, where the Home Office publishes every force's monthly files. Each record is a crime, an outcome or a search; the dashboard counts them by area and month in this browser and keeps only the counts.`,
    limitations:
      'Recorded crime shows what was reported and recorded, not all harm: some people and communities report less. Locations are moved to the nearest of a set of map points to protect privacy, so counts for small areas are approximate; records that could not be located have no area. Forces change their recording practice and systems, and months can be missing from the published files.',
    ethicalAndLegislativeContext:
      'Published under the Open Government Licence v3.0 after the police anonymised it for publication. Using it supports the strategic needs assessment the Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022) asks for. No personal data are processed: the files hold no names, and the dashboard does not try to link records to people.',
    rightsAroundData:
      'Anyone may copy, publish and adapt the data under the Open Government Licence v3.0, with the attribution "Contains public sector information licensed under the Open Government Licence v3.0" and data.police.uk named as the source.',
    reasonForUsingData:
      'To see where and when violence and related crime concentrate across the area, next to population and deprivation, as the starting point of a needs assessment that partners can check against the same public files.',
    communicatingPurpose:
      'The dashboard says beside each figure that it comes from police.uk open data, with its licence, caveats and the months missing. The purpose, understanding patterns of harm to prevent violence, is stated with the needs assessment.',
    positiveEffects:
      'Every partner can reproduce the figures from public files, so attention and resources can be agreed on an open basis and directed to the places and times of greatest harm.',
    negativeEffects:
      'Maps of crime can stigmatise neighbourhoods and the people who live in them, and be read as showing where offenders live rather than where crimes were recorded. Counts reflect police activity as well as harm (drugs, weapons, stop and search).',
    minimisingNegativeImpact:
      'Labels say what was recorded and where, not who people are; rates are shown with their uncertainty and beside deprivation; figures driven by police activity carry that caveat. The partnership reviews public outputs before release.',
    engagingWithPeople:
      'The partnership should review how these maps and labels are read with community representatives and young people in the most affected areas before publishing them.',
    opennessAndTransparency:
      'The source files, their months and the counting method (records counted by LSOA, crime type and month; no rows dropped without being reported) are stated in the dashboard and its exports.',
    sharingDataWithOthers:
      'The data are already public. The counts can be shared with anyone; exports keep the source, the licence and the caveats with them.',
    ongoingImplementation:
      'Load each new month as police.uk publishes it; the dashboard reports months missing from the run and records without a location each time.',
    reviewsAndIterations:
      'Review these answers when the partnership changes how it uses the figures, and when police.uk changes its files or categories.',
    actions: 'Check the months reported missing; say in any publication which months and areas the figures cover.',
  };
}
