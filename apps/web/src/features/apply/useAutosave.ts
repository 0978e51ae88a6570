import type { DossierDto, UpdateDossierRequest } from '@motcua/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** How long typing must pause before the draft is saved (issue 16: debounced ~1.5 s). */
export const AUTOSAVE_DELAY_MS = 1500;

export type AutosaveState =
  { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: Date } | { status: 'failed'; error: unknown };

export interface Autosave {
  state: AutosaveState;
  /** Something changed: save after AUTOSAVE_DELAY_MS of quiet. */
  schedule: () => void;
  /** Save now what `build` gives (after any save under way); rejects when it could not be saved. */
  flush: (options?: { keepalive?: boolean }) => Promise<void>;
}

const isStale = (e: unknown) => e instanceof ApiError && e.status === 409 && e.problem.code === 'STALE_VERSION';

/**
 * Saves a draft page as the applicant types (PATCH with the version it last saw): debounced,
 * one request at a time and in order, nothing sent when nothing changed. When another tab or
 * device saved meanwhile (409 STALE_VERSION), it reads the dossier again and sends the page once
 * more on the new version: a PATCH merges only this page's keys, so nothing the other saved on
 * other pages is lost, and what is on screen here is not either.
 */
export function useAutosave(
  dossier: DossierDto,
  /** The body to save; async, as it may wait for the draft validator to load (issue 16, item 16). */
  build: () => Promise<UpdateDossierRequest>,
  /** The page's body as the draft holds it at mount (prefilled values not yet saved differ from it). */
  saved: () => Promise<UpdateDossierRequest>,
): Autosave {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AutosaveState>({ status: 'idle' });
  const version = useRef(dossier.version);
  const buildRef = useRef(build);
  useEffect(() => {
    buildRef.current = build;
  });
  // What the server holds for this page, as sent: the draft as read (at mount) counts as saved. Worked
  // out at the first save, not at mount, so that rendering the page does not wait for the validator.
  const [savedAtMount] = useState(() => saved);
  const lastSent = useRef<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const path = `/dossiers/${encodeURIComponent(dossier.id)}`;

  const send = useCallback(
    async (body: UpdateDossierRequest, keepalive: boolean) => {
      const patch = (v: number) => api<DossierDto>(path, { method: 'PATCH', body: { ...body, version: v }, keepalive });
      let saved: DossierDto;
      try {
        saved = await patch(version.current);
      } catch (e) {
        if (!isStale(e)) throw e;
        const latest = await api<DossierDto>(path);
        queryClient.setQueryData(queryKeys.dossier(dossier.id), latest);
        // Sent meanwhile (another tab): the page shows "already sent" from the cache; nothing to save.
        if (latest.status !== 'DRAFT') return;
        saved = await patch(latest.version);
      }
      version.current = saved.version;
      queryClient.setQueryData(queryKeys.dossier(dossier.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.dossiers, 'list'] });
    },
    [dossier.id, path, queryClient],
  );

  const flush = useCallback(
    (options: { keepalive?: boolean } = {}) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const run = queue.current.then(async () => {
        try {
          lastSent.current ??= JSON.stringify(await savedAtMount());
          const body = await buildRef.current();
          const json = JSON.stringify(body);
          if (json === lastSent.current) return;
          setState({ status: 'saving' });
          await send(body, options.keepalive ?? false);
          lastSent.current = json;
          setState({ status: 'saved', at: new Date() });
        } catch (e) {
          // Not saved (the API refused, the network or the validator's chunk failed): say so.
          setState({ status: 'failed', error: e });
          throw e;
        }
      });
      // The next save waits for this one, whatever its outcome.
      queue.current = run.catch(() => undefined);
      return run;
    },
    [send, savedAtMount],
  );

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush().catch(() => undefined), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    // Leaving the tab or the page: save at once, with keepalive so the request outlives the page.
    const onHide = () => {
      if (document.visibilityState === 'hidden' && timer.current)
        void flush({ keepalive: true }).catch(() => undefined);
    };
    const onPageHide = () => {
      if (timer.current) void flush({ keepalive: true }).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the step in the app (Back link): what was typed is saved, not dropped.
      if (timer.current) void flush().catch(() => undefined);
    };
  }, [flush]);

  return { state, schedule, flush };
}
