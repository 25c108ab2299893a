/** The test setup turns every unannounced `console.error` into a failure; these tests check that guard itself. */
import { render } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { expectConsoleError, takeUnexpectedConsoleErrors } from './console.js';

describe('the console.error guard of the DOM tests', () => {
  it('records an error nobody announced, so the test fails', () => {
    console.error('Something went wrong: %s', 'details');
    // Taken here so this test can check it; left alone, the setup's afterEach throws with this text.
    expect(takeUnexpectedConsoleErrors()).toEqual(['Something went wrong: details']);
  });

  it('records React’s act warning for a state update outside act', async () => {
    let update!: () => void;
    function Counter() {
      const [count, setCount] = useState(0);
      useEffect(() => {
        update = () => setCount((value) => value + 1);
      }, []);
      return <p>{count}</p>;
    }
    render(<Counter />);
    update();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(takeUnexpectedConsoleErrors().join('\n')).toMatch(/not wrapped in act/);
  });

  it('lets through what a test announced', () => {
    expectConsoleError(/expected failure/);
    console.error('An expected failure');
    expect(takeUnexpectedConsoleErrors()).toEqual([]);
  });
});
