import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A confirmation of what just happened ("Your draft was saved"), announced politely; after an
 * action on the same page it takes the focus, as the button that was pressed may be gone.
 */
export function Notice({ children, focus = false }: { children: ReactNode; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div ref={ref} className="notice" role="status" tabIndex={focus ? -1 : undefined}>
      {children}
    </div>
  );
}
