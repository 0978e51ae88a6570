/** Every TanStack Query key of the app, so that invalidations name the same thing as the queries. */
export interface ProcedureSearchParams {
  q?: string;
  sectorCode?: string;
  agencyCode?: string;
  onlineLevel?: string;
  page?: number;
  pageSize?: number;
}

export const queryKeys = {
  me: ['auth', 'me'] as const,
  authProviders: ['auth', 'providers'] as const,
  sectors: ['catalog', 'sectors'] as const,
  agencies: ['catalog', 'agencies'] as const,
  procedures: (params: ProcedureSearchParams) => ['catalog', 'procedures', params] as const,
  procedure: (code: string) => ['catalog', 'procedure', code] as const,
  holidays: ['catalog', 'holidays'] as const,
  /** Everything of the citizen's dossiers (invalidate this after any change to one). */
  dossiers: ['dossiers'] as const,
  myDossiers: (status: string | null) => ['dossiers', 'list', status ?? 'ALL'] as const,
  dossier: (id: string) => ['dossiers', 'detail', id] as const,
  /** The id of the citizen's draft for a procedure (found or created by the application wizard). */
  draftFor: (procedureCode: string) => ['dossiers', 'draftFor', procedureCode] as const,
  tracking: (code: string, token: string | null = null) => ['tracking', code, token] as const,
  /** Staff queues (invalidate `queue` after any action on a dossier). */
  queue: ['queue'] as const,
  queuePage: (params: Record<string, string>) => ['queue', 'list', params] as const,
  /** The staff of one's agency with their open load (under `queue`: an action changes the loads). */
  staff: (role: string) => ['queue', 'staff', role] as const,
  /** The manager's reports (a live update refreshes everything under `reports`). */
  reports: ['reports'] as const,
  reportSummary: (params: Record<string, string>) => ['reports', 'summary', params] as const,
  reportBreakdown: (params: Record<string, string>) => ['reports', 'breakdown', params] as const,
  /** The inbox: the bell's count and the list (invalidate `notifications` after marking read). */
  notifications: ['notifications'] as const,
  unreadCount: ['notifications', 'unread'] as const,
  notificationList: (unreadOnly: boolean, lang: string) => ['notifications', 'list', unreadOnly, lang] as const,
  notificationPreferences: ['notifications', 'preferences'] as const,
};
