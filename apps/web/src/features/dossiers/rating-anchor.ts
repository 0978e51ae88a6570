/**
 * The stable anchor of the rating on the citizen's dossier page: `/dossiers/{id}#danh-gia` opens
 * the page at the rating (the tracking page and the "result ready" e-mail link to it; the login
 * keeps the hash in `next`, so the link survives signing in).
 */
export const RATING_ANCHOR = 'danh-gia';

export function ratingPath(dossierId: string): string {
  return `/dossiers/${encodeURIComponent(dossierId)}#${RATING_ANCHOR}`;
}
