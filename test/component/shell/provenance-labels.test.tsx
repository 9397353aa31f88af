// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestSchema, type Manifest, type ManifestInput } from '../../../src/contract';
import { SessionContext } from '../../../src/hooks/session-context';
import { mergeManifests } from '../../../src/import/merge-manifest';
import type { DashboardSession, SessionSnapshot, Workspace } from '../../../src/session/dashboard-session';
import { Header } from '../../../src/views/shell/Header';
import { PublishBundle } from '../../../src/views/overview/PublishBundle';
import { SyntheticNotice } from '../../../src/views/shell/SyntheticNotice';
import { miniManifest } from '../../fixtures/mini-contract';

afterEach(cleanup);

const demo = manifestSchema.parse(miniManifest);
function realInput(): ManifestInput {
  const m = structuredClone(miniManifest);
  m.synthetic = false;
  m.datasets = [{ ...m.datasets[0]!, id: 'health', title: 'ED attendances', synthetic: false }];
  m.indicators = [{ ...m.indicators[0]!, id: 'ed', title: 'ED assault attendances', dataset: 'health' }];
  return m;
}
const real = manifestSchema.parse(realInput());
const mixed = mergeManifests(demo, real);

function withSession(manifest: Manifest, workspace: Workspace, ui: ReactNode) {
  const snapshot = {
    state: { manifest, boundaries: {} },
    version: 1,
    lastLoad: [],
    workspace,
    storage: { available: true, stored: null, saving: false, problem: null, unfinished: null },
    choices: {},
    absentRows: [],
    absentRowsQuestions: [],
    protecting: null,
    protection: {},
    bundle: null,
    rawData: true,
  } satisfies SessionSnapshot;
  const session = { subscribe: () => () => {}, getSnapshot: () => snapshot } as unknown as DashboardSession;
  return render(<SessionContext.Provider value={session}>{ui}</SessionContext.Provider>);
}

describe('labels follow each figure’s datasets', () => {
  it('the demo: every figure here is made up, and the header says synthetic demo data', () => {
    withSession(demo, { kind: 'demo' }, <SyntheticNotice indicatorIds={['vwi', 'reoff']} />);
    expect(screen.getByTestId('synthetic-notice')).toHaveTextContent('Every figure here is made up for demonstration');
    cleanup();
    withSession(demo, { kind: 'demo' }, <Header />);
    expect(screen.getByText('Synthetic demo data')).toBeInTheDocument();
  });

  it('real data alone: no notice, no badge, and the header names the own workspace', () => {
    withSession(real, { kind: 'own', files: ['manifest.json'] }, <SyntheticNotice indicatorIds={['ed']} />);
    expect(screen.queryByTestId('synthetic-notice')).toBeNull();
    cleanup();
    withSession(real, { kind: 'own', files: ['manifest.json'] }, <Header />);
    expect(screen.queryByText(/synthetic/i)).toBeNull();
    expect(screen.getByTestId('workspace-indicator')).toHaveTextContent('Your own data');
  });

  it('real and synthetic together: a figure of the real dataset has no label; one that draws on both names the synthetic dataset', () => {
    withSession(mixed, { kind: 'own', files: [] }, <SyntheticNotice indicatorIds={['ed']} />);
    expect(screen.queryByTestId('synthetic-notice')).toBeNull();
    cleanup();
    withSession(mixed, { kind: 'own', files: [] }, <SyntheticNotice indicatorIds={['ed', 'vwi']} />);
    expect(screen.getByTestId('synthetic-notice')).toHaveTextContent(
      'Synthetic data. Figures from Police recorded crime are made up for demonstration.',
    );
    cleanup();
    withSession(mixed, { kind: 'own', files: [] }, <Header />);
    expect(screen.getByText('Includes synthetic data')).toBeInTheDocument();
  });
});

/** A dataset already published as open data (police.uk is read so), whose counts every audience sees exactly. */
function openInput(): ManifestInput {
  const m = realInput();
  m.datasets = [{ ...m.datasets[0]!, id: 'policeuk', title: 'police.uk street-level crime', published: true }];
  m.indicators = [{ ...m.indicators[0]!, id: 'pvs', title: 'Violence and sexual offences', dataset: 'policeuk' }];
  return m;
}
const open = manifestSchema.parse(openInput());
const openAndOwn = mergeManifests(real, open);

describe('the rules named for an audience hold for every figure loaded', () => {
  const partnerRule = (m: Manifest) =>
    `counts of 1 to ${m.disclosure.partner.suppressBelowOrEqual} hidden, others rounded to the nearest ${m.disclosure.partner.roundTo}`;

  it('the partner banner: the rules for own data, exact counts for published open data, both when both are loaded', () => {
    window.history.replaceState(null, '', '/?audience=partner');
    withSession(real, { kind: 'own', files: [] }, <Header />);
    expect(screen.getByRole('note', { name: 'Disclosure rules' })).toHaveTextContent(`Partner view: ${partnerRule(real)}.`);
    cleanup();
    withSession(open, { kind: 'own', files: [] }, <Header />);
    const banner = screen.getByRole('note', { name: 'Disclosure rules' });
    expect(banner).toHaveTextContent('Partner view: published open data only: exact counts, as published.');
    expect(banner).not.toHaveTextContent(/hidden|rounded/);
    cleanup();
    withSession(openAndOwn, { kind: 'own', files: [] }, <Header />);
    expect(screen.getByRole('note', { name: 'Disclosure rules' })).toHaveTextContent(
      `Partner view: ${partnerRule(openAndOwn)}; published open data exact, as published.`,
    );
  });

  it('publishing: each audience’s choice says what its bundle will hold, and the button names the audience chosen', () => {
    withSession(open, { kind: 'own', files: [] }, <PublishBundle />);
    for (const name of [/^Partner organisations/, /^The public/]) {
      expect(screen.getByLabelText(name).closest('.choice')).toHaveTextContent(
        '(published open data only: exact counts, as published)',
      );
    }
    expect(screen.getByRole('button', { name: 'Publish for partners' })).toBeInTheDocument();
    fireEvent.click(screen.getByLabelText(/^The public/));
    expect(screen.getByRole('button', { name: 'Publish for the public' })).toBeInTheDocument();
    cleanup();
    withSession(real, { kind: 'own', files: [] }, <PublishBundle />);
    expect(screen.getByLabelText(/^Partner organisations/).closest('.choice')).toHaveTextContent(`(${partnerRule(real)})`);
  });
});
