'use client';
import { useInsertionEffect, useRef, type RefObject } from 'react';

/**
 * A ref that always holds the latest `value`, so inline callbacks never re-subscribe or re-fire effects.
 * Updated in an insertion effect: before any other effect reads it, and (unlike a layout effect) silent when
 * rendered on a server.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
