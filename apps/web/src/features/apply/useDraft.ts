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
import { procedureQuery } from '../catalog/useProcedure';

/**
 * The citizen's draft for a procedure: the newest existing one (so leaving and coming back
 * resumes it), else a new one. The API filters by procedure and lists newest first, so one
 * row answers. No abort signal on purpose: an aborted search followed by a second run could
 * create two drafts.
 */
export async function findOrCreateDraft(
  procedureCode: string,
  procedureKnown: () => Promise<unknown> = async () => undefined,
): Promise<string> {
  const params = new URLSearchParams({ status: 'DRAFT', procedureCode, limit: '1' });
  const page = await api<DossierListResponse>(`/dossiers?${params.toString()}`);
  if (page.items[0]) return page.items[0].id;
  // A new draft only for a procedure that loaded (its failure is what the page then shows).
  await procedureKnown();
  const body: CreateDossierRequest = { procedureCode, formData: {} };
  const created = await api<CreateDossierResponse>('/dossiers', { method: 'POST', body });
  return created.id;
}

/**
 * The draft's id. Its search starts with the page, beside the procedure's own load, rather than
 * after it: one round trip fewer before step 1 shows on a slow network (Lighthouse, issue 16).
 */
export function useDraftId(procedureCode: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.draftFor(procedureCode),
    queryFn: () => findOrCreateDraft(procedureCode, () => queryClient.ensureQueryData(procedureQuery(procedureCode))),
    enabled: procedureCode !== '',
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

/**
 * Remove a file from the draft before sending it (DELETE …/attachments/{id}, our addition to the
 * contract: docs/api.md); the cached dossier drops it at once.
 */
export function useRemoveAttachment(dossierId: string) {
  const queryClient = useQueryClient();
  return async (attachmentId: string) => {
    await api<void>(`/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(attachmentId)}`, {
      method: 'DELETE',
    });
    queryClient.setQueryData<DossierDto>(queryKeys.dossier(dossierId), (d) =>
      d ? { ...d, attachments: d.attachments.filter((a) => a.id !== attachmentId) } : d,
    );
  };
}
