import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Loadable } from './hooks';

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorNote({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Loading / error / ready, one place. */
export function Show<T>({ value, what, children }: { value: Loadable<T>; what: string; children: (v: T) => ReactNode }) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorNote error={`Could not load ${what}: ${value.error}`} />;
  return <>{children(value.value)}</>;
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="small"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setDone(true), () => setDone(false));
      }}
    >
      {done ? 'Copied' : label}
      <span className="sr-only" aria-live="polite">
        {done ? ' to the clipboard' : ''}
      </span>
    </button>
  );
}

const STATUS_WORDS: Record<string, string> = { connected: 'Connected', disconnected: 'Disconnected', error: 'Error', '': 'Not checked' };

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status || 'unknown'}`}>{STATUS_WORDS[status] ?? status}</span>;
}

export function Time({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="muted">never</span>;
  const d = new Date(at);
  return (
    <time dateTime={at} title={d.toISOString()}>
      {d.toLocaleString()}
    </time>
  );
}

/** A page heading that takes focus on navigation, so screen readers announce the new page. */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
    document.title = `${typeof children === 'string' ? children : 'Patchbay'} · Patchbay console`;
  }, [children]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

export function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
}
