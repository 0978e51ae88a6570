import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DossierState } from '../audit/keyed-chain.js';
import type { DossierEventRow } from './dossiers.types.js';

export interface NewDossierEvent extends DossierEventRow {
  dossierId: string;
  /** The audit chain's version of this link and the state it seals (modules/audit/keyed-chain.ts). */
  chainVersion: number;
  state: DossierState;
}

/** The timeline: append and read only (the table refuses UPDATE and DELETE). */
@Injectable()
export class DossierEventsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(e: NewDossierEvent, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO dossier_event (dossier_id, seq, type, from_status, to_status, actor_id, actor_role, actor_name,
         note, at, prev_hash, hash, chain_version, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        e.dossierId,
        e.seq,
        e.type,
        e.fromStatus,
        e.toStatus,
        e.actorId,
        e.actorRole,
        e.actorName,
        e.note,
        e.at,
        e.prevHash,
        e.hash,
        e.chainVersion,
        JSON.stringify(e.state),
      ],
    );
  }

  /** A dossier's events in timeline order. */
  findByDossier(dossierId: string, m: EntityManager = this.ds.manager): Promise<DossierEventRow[]> {
    return m.query(
      `SELECT seq, type, from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId",
              actor_role AS "actorRole", actor_name AS "actorName", note, at, prev_hash AS "prevHash", hash
         FROM dossier_event WHERE dossier_id = $1 ORDER BY seq`,
      [dossierId],
    );
  }
}
