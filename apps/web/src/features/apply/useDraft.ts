import type {
  AttachmentDto,
  CreateDossierRequest,
  CreateDossierResponse,
  DossierDto,
  DossierListResponse,
  UpdateDossierRequest,
} from '@motcua/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/queryKeys';

/** Drafts are few; this bounds the search if someone has very many. */
const MAX_DRAFT_PAGES = 10;

/**
 * The citizen's draft for a procedure: the newest existing one (so leaving and coming back
 * resumes it), else a new one. No abort signal on purpose: an aborted search followed by a
 * second run could create two drafts.
 */
export async function findOrCreateDraft(procedureCode: string): Promise<string> {
  let cursor: string | null = null;
  for (let i = 0; i < MAX_DRAFT_PAGES; i++) {
    const params = new URLSearchParams({ status: 'DRAFT', limit: '100' });
    if (cursor) params.set('cursor', cursor);
    const page: DossierListResponse = await api<DossierListResponse>(`/dossiers?${params.toString()}`);
    const mine = page.items
      .filter((d) => d.procedure.code === procedureCode && d.status === 'DRAFT')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (mine.length > 0) return mine[0].id;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  const body: CreateDossierRequest = { procedureCode, formData: {} };
  const created = await api<CreateDossierResponse>('/dossiers', { method: 'POST', body });
  return created.id;
}

export function useDraftId(procedureCode: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.draftFor(procedureCode),
    queryFn: () => findOrCreateDraft(procedureCode),
    enabled,
    // Never create twice: no automatic retry, and the id stays valid until the draft is submitted.
    retry: false,
    staleTime: Infinity,
  });
}

/** Save answers (and the agency) to the draft; the answer is the whole dossier, kept in the cache. */
export function useSaveDraft(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDossierRequest) =>
      api<DossierDto>(`/dossiers/${encodeURIComponent(dossierId)}`, { method: 'PATCH', body }),
    onSuccess: (dossier) => {
      queryClient.setQueryData(queryKeys.dossier(dossierId), dossier);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.dossiers, 'list'] });
    },
  });
}

/** Add an uploaded attachment to the cached dossier, so the page shows it at once. */
export function useAddAttachment(dossierId: string) {
  const queryClient = useQueryClient();
  return (attachment: AttachmentDto) => {
    queryClient.setQueryData<DossierDto>(queryKeys.dossier(dossierId), (d) =>
      d ? { ...d, attachments: [...d.attachments, attachment] } : d,
    );
  };
}
