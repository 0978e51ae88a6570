import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@motcua/shared';

/** A citizen or a staff member. A citizen's username is their national ID. */
@Entity('app_user')
export class AppUser {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') username: string;
  @Column('text', { name: 'national_id', nullable: true }) nationalId: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'full_name' }) fullName: string;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('text', { array: true }) roles: Role[];
  @Column('text', { name: 'agency_code', nullable: true }) agencyCode: string | null;
  @Column('text', { name: 'oidc_sub', nullable: true }) oidcSub: string | null;
  @Column('integer', { name: 'assurance_level', nullable: true }) assuranceLevel: number | null;
  /** The national ID is proven (a digital-citizen login carried it); password accounts are not. */
  @Column('boolean') verified: boolean;
  /**
   * A walk-in record the counter made for a national ID: not an account (no login), it holds
   * counter dossiers until a proven identity takes them (claim code or digital-citizen login).
   */
  @Column('boolean', { name: 'walk_in' }) walkIn: boolean;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
