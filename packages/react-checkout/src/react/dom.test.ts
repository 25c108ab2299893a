import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigateTop } from './dom.js';

describe('navigateTop', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('navigates the top window through its href when framed (the one cross-origin Location setter)', () => {
    const location = { href: 'https://shop.example.com/' };
    vi.spyOn(window, 'top', 'get').mockReturnValue({ location } as unknown as Window);
    navigateTop('https://3ds.example.com/c');
    expect(location.href).toBe('https://3ds.example.com/c');
  });

  it('leaves the page alone when the parent refuses, so the visible link remains', () => {
    const location = {
      set href(_: string) {
        throw new DOMException('Blocked', 'SecurityError');
      },
    };
    vi.spyOn(window, 'top', 'get').mockReturnValue({ location } as unknown as Window);
    expect(() => navigateTop('https://3ds.example.com/c')).not.toThrow();
  });
});
