import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingEndpointError } from './config.js';

describe('missingEndpointError', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('tells a developer what to pass and where to put the provider', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(missingEndpointError('<ClinkPayButton>').message).toMatch(
      /^<ClinkPayButton> does not know where your checkout handler is: pass `endpoint`.*<ClinkCheckoutProvider endpoint=/,
    );
  });

  it('still names the component in a production build, in a few words', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(missingEndpointError('useClinkPayment()').message).toBe('useClinkPayment(): no checkout endpoint');
  });
});
