import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status label: the text carries the meaning, the colour only repeats it. */
export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ReactNode }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}
