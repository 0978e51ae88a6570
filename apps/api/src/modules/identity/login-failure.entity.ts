import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One failed login, keyed `user:<username>` or `ip:<address>`; counted over the last minute. */
@Entity('login_failure')
export class LoginFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text') key: string;
  @Column('timestamptz') at: Date;
}
