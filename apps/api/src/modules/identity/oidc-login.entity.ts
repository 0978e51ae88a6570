import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A digital-ID login under way: kept in the database because API processes hold no session. */
@Entity('oidc_login')
export class OidcLogin {
  @PrimaryColumn('text') state: string;
  @Column('text', { name: 'code_verifier' }) codeVerifier: string;
  @Column('text') nonce: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
