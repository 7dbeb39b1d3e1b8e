/**
 * Renderer test setup for waiting. Tests against the real core wait for its
 * answers with coreSettled() (core-calls.ts), without a deadline. Testing
 * Library's findBy* and waitFor give up after one second by default, which a
 * loaded machine exceeds for work that is merely slow; where they are still
 * used they get a bound that only a real hang reaches, below the test timeout
 * (vitest.config.ts) so that the failure shows the page.
 */
import { configure } from '@testing-library/react';
import { beforeEach } from 'vitest';
import { outstandingCalls } from './core-calls';

configure({ asyncUtilTimeout: 15_000 });

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => {
    const calls = outstandingCalls();
    if (calls.length) console.error(`calls to the core still unanswered when the test failed: ${calls.join(', ')}`);
  });
});
