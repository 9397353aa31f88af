// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { preloadable } from '../../../src/ui/preloadable';

afterEach(cleanup);

function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      {label} {n}
    </button>
  );
}

/** A module load the test settles by hand. */
function deferredLoad() {
  const calls: { resolve: (c: typeof Counter) => void; reject: (e: Error) => void }[] = [];
  const load = () => new Promise<typeof Counter>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

const inSuspense = (node: React.ReactNode) => <Suspense fallback={<p>Loading…</p>}>{node}</Suspense>;

describe('preloadable', () => {
  it('suspends to its fallback while its code is not here, then shows it', async () => {
    const { load, calls } = deferredLoad();
    const { Component } = preloadable(load);
    render(inSuspense(<Component label="Views" />));
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]!.resolve(Counter));
    expect(await screen.findByRole('button', { name: 'Views 0' })).toBeTruthy();
  });

  it('renders at once, with no fallback, once preloaded (React would hold back a suspended reveal)', async () => {
    const { load, calls } = deferredLoad();
    const { Component, preload } = preloadable(load);
    const p = preload();
    expect(preload()).toBe(p); // loaded once, whoever asks
    await act(async () => {
      calls[0]!.resolve(Counter);
      await p;
    });
    render(inSuspense(<Component label="Trends" />));
    // Synchronously after the first render: a lazy component would show its fallback here.
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Trends 0' })).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('keeps a view mounted before its code came as the same view after (no remount, state kept)', async () => {
    const { load, calls } = deferredLoad();
    const { Component } = preloadable(load);
    function Parent() {
      const [tick, setTick] = useState(0);
      return (
        <>
          <button type="button" onClick={() => setTick(tick + 1)}>
            rerender {tick}
          </button>
          {inSuspense(<Component label="Map" />)}
        </>
      );
    }
    render(<Parent />);
    await act(async () => calls[0]!.resolve(Counter));
    fireEvent.click(await screen.findByRole('button', { name: 'Map 0' }));
    fireEvent.click(screen.getByRole('button', { name: 'rerender 0' }));
    expect(screen.getByRole('button', { name: 'Map 1' })).toBeTruthy();
  });

  it('lets a failed load be tried again', async () => {
    const { load, calls } = deferredLoad();
    const { preload } = preloadable(load);
    const first = preload();
    calls[0]!.reject(new Error('network'));
    await expect(first).rejects.toThrow('network');
    const second = preload();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(Counter);
    await expect(second).resolves.toBe(Counter);
  });
});
