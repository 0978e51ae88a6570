import { Entity, PrimaryColumn } from 'typeorm';

/** An agency that handles a procedure now (the current version's agencies). */
@Entity('procedure_agency')
export class ProcedureAgency {
  @PrimaryColumn('text', { name: 'procedure_code' }) procedureCode: string;
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode: string;
}
