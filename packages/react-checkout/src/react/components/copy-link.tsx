'use client';
import { useState, type ReactNode } from 'react';
import type { CopyDataState } from '../data-state.js';
import type { CheckoutMessages } from '../i18n/messages.js';
import { cx } from '../dom.js';

export interface CopyLinkProps {
  /** The text to copy, or a function that reads it at click time. */
  text: string | (() => string);
  messages: Pick<CheckoutMessages, 'copyLink' | 'linkCopied' | 'copyManually'>;
  className?: string;
}

/** Copies a link; where the clipboard is unavailable or refused, shows it in a field to copy by hand. */
export function CopyLink({ text, messages, className }: CopyLinkProps): ReactNode {
  const [state, setState] = useState<CopyDataState>('idle');
  const [value, setValue] = useState('');
  const copy = () => {
    const current = typeof text === 'function' ? text() : text;
    setValue(current);
    // A click only happens in a browser; the clipboard may still be missing (plain http, old browsers).
    const clipboard = navigator.clipboard;
    if (!clipboard?.writeText) return setState('manual');
    clipboard.writeText(current).then(
      () => setState('copied'),
      () => setState('manual'),
    );
  };
  return (
    <div className={cx('clink-copy', className)} data-state={state}>
      <button type="button" className="clink-button clink-button--secondary clink-copy__button" onClick={copy}>
        {messages.copyLink}
      </button>
      <span className="clink-copy__status" role="status">
        {state === 'copied' ? messages.linkCopied : ''}
      </span>
      {state === 'manual' && (
        <label className="clink-copy__manual">
          {messages.copyManually}
          <input className="clink-copy__input" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
    </div>
  );
}
