import { useEffect, useRef } from 'react';

/** The desk's keyboard shortcuts (issue 16, item 13): one table, read by the handler and the help dialog. */
export const DESK_SHORTCUTS = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: '/', action: 'search' },
  { key: 'a', action: 'actions' },
  { key: '?', action: 'help' },
] as const;
export type DeskShortcut = (typeof DESK_SHORTCUTS)[number]['action'];

/** Where typing goes: a shortcut must never steal a letter typed into a field. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Radios, checkboxes and buttons take no text.
  return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
}

/**
 * The shortcut a key press asks for, or null: not while typing in a field, not with Ctrl, Alt or
 * Meta (the browser's and the screen reader's own keys), not while a modal dialog is open.
 */
export function shortcutOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>,
): DeskShortcut | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (isTypingTarget(e.target)) return null;
  if (typeof document !== 'undefined' && document.querySelector('[aria-modal="true"]')) return null;
  return DESK_SHORTCUTS.find((s) => s.key === e.key)?.action ?? null;
}

/** Run `handlers` on the desk's shortcuts while the component is mounted. */
export function useDeskShortcuts(handlers: Partial<Record<DeskShortcut, () => void>>): void {
  const ref = useRef(handlers);
  // The latest handlers, without re-adding the listener on every render.
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutOf(e);
      const run = action ? ref.current[action] : undefined;
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** Move the focus to the next (or previous) dossier link of the list, from the focused one. */
export function focusDossier(container: HTMLElement | null, step: 1 | -1): void {
  if (!container) return;
  const links = [...container.querySelectorAll<HTMLElement>('[data-dossier-link]')];
  if (links.length === 0) return;
  const at = links.findIndex((l) => l === document.activeElement || l.closest('tr')?.contains(document.activeElement));
  const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
  links[next].focus();
}
