import { useSyncExternalStore } from 'react';

/**
 * Stories never let the page leave the Storybook frame: every redirect, app launch and form post the
 * components start is recorded here instead, and shown under the story so a reader sees where a
 * customer would have gone.
 */
export type InterceptedNavigation =
  | { kind: 'navigate'; url: string }
  | { kind: 'form_post'; url: string; fields: ReadonlyArray<{ name: string; value: string }> };

export interface NavigationRecorder {
  /** Pass as the components' `navigate`. */
  navigate: (url: string) => void;
  /** Pass as the components' `submitForm`. */
  submitForm: (form: HTMLFormElement) => void;
  record: (entry: InterceptedNavigation) => void;
  entries: () => readonly InterceptedNavigation[];
  subscribe: (listener: () => void) => () => void;
}

export function createNavigationRecorder(): NavigationRecorder {
  let entries: readonly InterceptedNavigation[] = [];
  const listeners = new Set<() => void>();
  const record = (entry: InterceptedNavigation) => {
    entries = [...entries, entry];
    for (const listener of listeners) listener();
  };
  return {
    navigate: (url) => record({ kind: 'navigate', url }),
    submitForm: (form) => record({ kind: 'form_post', url: form.action, fields: formFields(form) }),
    record,
    entries: () => entries,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Frames being watched, with where their navigation is recorded. */
const watched = new Map<Element, NavigationRecorder>();

function recorderFor(element: Element): NavigationRecorder | undefined {
  for (const [root, recorder] of watched) if (root.contains(element)) return recorder;
  return undefined;
}

function formFields(form: HTMLFormElement) {
  return [...new FormData(form).entries()].map(([name, value]) => ({ name, value: String(value) }));
}

let installed = false;

// Installed once for the page, so several stories on one docs page do not stack patches.
function installInterceptors(): void {
  if (installed) return;
  installed = true;
  const nativeSubmit = HTMLFormElement.prototype.submit;
  // `form.submit()` fires no submit event, so it is caught here.
  HTMLFormElement.prototype.submit = function submit(this: HTMLFormElement) {
    const recorder = recorderFor(this);
    if (recorder) recorder.record({ kind: 'form_post', url: this.action, fields: formFields(this) });
    else nativeSubmit.call(this);
  };
  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      const recorder = form instanceof HTMLFormElement ? recorderFor(form) : undefined;
      if (!recorder || !(form instanceof HTMLFormElement)) return;
      event.preventDefault();
      recorder.record({ kind: 'form_post', url: form.action, fields: formFields(form) });
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return;
      const recorder = recorderFor(link);
      if (!recorder) return;
      event.preventDefault();
      recorder.navigate(link.href);
    },
    true,
  );
}

/**
 * Records what would leave the frame inside `root` instead of letting it go: form submissions (a
 * customer pressing the form's button, or a script calling `form.submit()`) and clicks on links that
 * navigate (downloads are let through). Returns a function that stops watching `root`.
 */
export function interceptLeavingThePage(root: HTMLElement, recorder: NavigationRecorder): () => void {
  installInterceptors();
  watched.set(root, recorder);
  return () => {
    watched.delete(root);
  };
}

/** What the components tried to open, in order. */
export function NavigationLog({ recorder }: { recorder: NavigationRecorder }) {
  const entries = useSyncExternalStore(recorder.subscribe, recorder.entries, recorder.entries);
  return (
    // The log is English tooling, not checkout text: it keeps its own direction on a right-to-left page.
    <section className="story-navigation" aria-label="Intercepted navigation" dir="ltr" lang="en">
      <h2>Intercepted navigation</h2>
      {entries.length === 0 ? (
        <p>Nothing yet. Redirects, app launches and form posts appear here instead of leaving the page.</p>
      ) : (
        <ol>
          {entries.map((entry, index) => (
            <li key={index} data-kind={entry.kind}>
              {entry.kind === 'navigate' ? 'Open' : 'POST form to'} <code>{entry.url}</code>
              {entry.kind === 'form_post' && entry.fields.length > 0 ? (
                <dl>
                  {entry.fields.map((field) => (
                    <div key={field.name}>
                      <dt>{field.name}</dt>
                      <dd>{field.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
