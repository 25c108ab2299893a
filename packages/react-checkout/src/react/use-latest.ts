'use client';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

// useLayoutEffect does nothing on the server; the plain effect avoids React 18's server warning there.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** A ref that always holds the latest `value`, so inline callbacks never re-subscribe or re-fire effects. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useIsomorphicLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
