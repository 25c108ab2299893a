'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import type { FormField } from '../../core/index.js';
import { cx, useFramed } from '../dom.js';
import type { CheckoutMessages } from '../i18n/messages.js';

export interface FormPostActionProps {
  /** A URL already checked by `classifyAction` (`plan.url`). */
  url: string;
  fields: ReadonlyArray<FormField>;
  messages: Pick<CheckoutMessages, 'redirecting' | 'continue' | 'formPostHint'>;
  /** How to submit. @default `form.submit()` */
  submit?: (form: HTMLFormElement) => void;
  className?: string;
}

const submitForm = (form: HTMLFormElement) => form.submit();

/** Posts `fields` to `url` once on mount, with a visible Continue button in case the browser blocks it. */
export function FormPostAction({ url, fields, messages, submit = submitForm, className }: FormPostActionProps): ReactNode {
  const framed = useFramed();
  const form = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    // StrictMode runs effects twice on the same instance (and a new `submit` re-runs it): one submission only.
    if (submitted.current || !form.current) return;
    submitted.current = true;
    submit(form.current);
  }, [submit]);
  return (
    <form
      ref={form}
      className={cx('clink-form-post', className)}
      method="post"
      action={url}
      target={framed ? '_top' : undefined}
      data-state="submitting"
    >
      {fields.map((field, index) => (
        // The fields of a plan never change while its form shows: the position is key enough.
        <input key={index} type="hidden" name={field.name} value={field.value} />
      ))}
      <p className="clink-form-post__message" role="status">
        {messages.redirecting} {messages.formPostHint}
      </p>
      <button type="submit" className="clink-button clink-form-post__submit">
        {messages.continue}
      </button>
    </form>
  );
}
