'use client';
import { Children, cloneElement, forwardRef, isValidElement, version, type ReactElement, type ReactNode, type Ref } from 'react';

type AnyProps = Record<string, unknown>;

function composeRefs<T>(...refs: Array<Ref<T> | undefined>): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

/**
 * Renders its single child element with the given props merged in (Radix-style `asChild`): class names are
 * joined, event handlers both run (the child's first; ours is skipped if it called `preventDefault()`),
 * refs are both set, other props from the child win.
 */
// forwardRef (not a `ref` prop) so refs also reach it on React 18.
export const Slot = /* @__PURE__ */ forwardRef<HTMLElement, AnyProps & { children?: ReactNode }>(function Slot({ children, ...slotProps }, ref) {
  const child = Children.only(children);
  if (!isValidElement(child)) return null;
  const element = child as ReactElement<AnyProps>;
  const childProps = element.props;
  const merged: AnyProps = { ...slotProps, ...childProps };
  for (const name of Object.keys(slotProps)) {
    const ours = slotProps[name];
    const theirs = childProps[name];
    if (/^on[A-Z]/.test(name) && typeof ours === 'function' && typeof theirs === 'function') {
      merged[name] = (event: { defaultPrevented?: boolean }) => {
        (theirs as (event: unknown) => void)(event);
        if (!event?.defaultPrevented) (ours as (event: unknown) => void)(event);
      };
    } else if (name === 'className' && theirs) {
      merged[name] = `${String(ours)} ${String(theirs)}`;
    } else if (name.startsWith('data-') || name.startsWith('aria-') || name === 'disabled') {
      merged[name] = ours; // State attributes must reflect the payment, not a stale value on the child.
    }
  }
  // React 19 passes `ref` as a prop (and warns when `element.ref` is read); React 18 keeps it on the element.
  const childRef = (version.startsWith('18.') ? (element as unknown as { ref?: unknown }).ref : childProps.ref) as
    | Ref<HTMLElement>
    | undefined;
  merged.ref = ref || childRef ? composeRefs(ref, childRef) : undefined;
  return cloneElement(element, merged);
});
