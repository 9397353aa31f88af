import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// View state lives in the URL (src/url-state): start every test from a clean address, as a fresh page would.
afterEach(() => {
  if (typeof window !== 'undefined') window.history.replaceState(null, '', '/');
});
