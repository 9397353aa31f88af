import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { supersededError } from '../../../src/engine/abort';
import { sharedRead } from '../../../src/hooks/shared-read';

describe('sharedRead', () => {
  it('reads again for a hook that joined a read another hook then abandoned', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    let rejectFirst!: (e: unknown) => void;
    const reads: string[] = [];
    const firstRequest = new AbortController();
    const first = sharedRead(
      client,
      ['slice', 'a'],
      () => {
        reads.push('first');
        return new Promise<string>((_, reject) => (rejectFirst = reject));
      },
      firstRequest.signal,
    );
    // A second hook asks while the first read is in flight: it joins it rather than reading twice.
    const second = sharedRead(
      client,
      ['slice', 'a'],
      async () => {
        reads.push('second');
        return 'cells';
      },
      new AbortController().signal,
    );
    expect(reads).toEqual(['first']);
    // The first hook's request is superseded, and its read with it: the first hook gives up, the second reads again.
    firstRequest.abort();
    rejectFirst(supersededError());
    await expect(first).rejects.toThrow('superseded');
    await expect(second).resolves.toBe('cells');
    expect(reads).toEqual(['first', 'second']);
    expect(client.getQueryData(['slice', 'a'])).toBe('cells');
  });

  it('passes other failures on, and keeps a finished read for the next hook', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    await expect(sharedRead(client, ['x'], () => Promise.reject(new Error('bad table')))).rejects.toThrow('bad table');
    let calls = 0;
    const read = async () => (calls++, 42);
    expect(await sharedRead(client, ['y'], read)).toBe(42);
    expect(await sharedRead(client, ['y'], read)).toBe(42);
    expect(calls).toBe(1);
  });
});
