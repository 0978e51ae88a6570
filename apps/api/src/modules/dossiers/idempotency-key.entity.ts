import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A submit's Idempotency-Key, per user, with the first answer to replay. */
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('text') key: string;
  @Column('text', { name: 'request_hash' }) requestHash: string;
  @Column('jsonb', { nullable: true }) response: unknown;
  @Column('integer', { name: 'status_code', nullable: true }) statusCode: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
