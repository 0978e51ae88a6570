import type { ReactNode } from 'react';

/** A highlighted panel, e.g. the confirmation with the dossier code. */
export function Panel({
  title,
  children,
  tone = 'success',
}: {
  title: ReactNode;
  children?: ReactNode;
  tone?: 'success' | 'info';
}) {
  return (
    <section className={`panel panel--${tone}`}>
      <h1 className="panel__title">{title}</h1>
      {children ? <div className="panel__body">{children}</div> : null}
    </section>
  );
}
