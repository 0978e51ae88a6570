/** The columns the audit reads, named as keyed-chain.ts expects them. */
export const DOSSIER_COLUMNS = `id, code, status, applicant_id AS "applicantId", procedure_code AS "procedureCode",
  procedure_version AS "procedureVersion", agency_code AS "agencyCode", channel, fee, form_data AS "formData",
  assignee_id AS "assigneeId", submitted_at AS "submittedAt", received_at AS "receivedAt", due_at AS "dueAt",
  completed_at AS "completedAt", returned_at AS "returnedAt", supplement_requested_at AS "supplementRequestedAt",
  paused_working_days AS "pausedWorkingDays", decided_outcome AS "decidedOutcome",
  processing_working_days AS "processingWorkingDays", end_to_end AS "endToEnd", digitised,
  appointment_at AS "appointmentAt",
  last_event_seq AS "lastEventSeq", last_event_hash AS "lastEventHash"`;

export const EVENT_COLUMNS = `dossier_id AS "dossierId", seq, type, from_status AS "fromStatus", to_status AS "toStatus",
  actor_id AS "actorId", actor_role AS "actorRole", actor_name AS "actorName", note, at, prev_hash AS "prevHash",
  hash, chain_version AS "chainVersion", state`;

export const ATTACHMENT_COLUMNS = `id, dossier_id AS "dossierId", document_code AS "documentCode", file_name AS "fileName",
  mime_type AS "mimeType", size::text AS size, sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", mac`;

/** A dossier_result row as the chain covers it (keyed-chain.ts, ResultFacts). */
export const RESULT_FACTS = `sha256, signed, signed_at AS "signedAt", signer`;
