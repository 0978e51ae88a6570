import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SECURITY_EVENT_TYPES = [
  'LOGIN_SUCCESS',
  'LOGIN_FAILURE',
  'LOGIN_LOCKOUT',
  'TOKEN_REUSE',
  'FORBIDDEN',
  'REGISTERED',
  'USER_CREATED',
  'OIDC_LOGIN_FAILURE',
  /** A digital-citizen login took over the unverified password account of its national ID. */
  'IDENTITY_TAKEOVER',
  'PASSWORD_CHANGED',
  'USER_DISABLED',
  'DOSSIER_CLAIMED',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Who did what, when, from where: login outcomes, lockouts, token reuse, refused accesses. */
@Entity('security_event')
export class SecurityEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') type: SecurityEventType;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('text', { nullable: true }) username: string | null;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  @Column('jsonb') detail: Record<string, unknown>;
  @Column('timestamptz') at: Date;
}
