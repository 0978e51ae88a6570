import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fees paid online or at the desk (issue 14): one row per payment attempt, every IPN the gateway
 * sends kept raw with the verdict we answered, and the dossier's fee state and delivery method as
 * real columns (api.md, "Fees and online payment").
 */
export class Payments1766000000000 implements MigrationInterface {
  name = 'Payments1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE dossier
        ADD COLUMN fee_status text NOT NULL DEFAULT 'UNPAID'
          CONSTRAINT dossier_fee_status_check
          CHECK (fee_status IN ('NONE', 'UNPAID', 'PENDING', 'PAID', 'REFUND_DUE', 'REFUNDED')),
        ADD COLUMN fee_receipt_no text,
        ADD COLUMN delivery_method text NOT NULL DEFAULT 'COUNTER'
          CONSTRAINT dossier_delivery_method_check CHECK (delivery_method IN ('ELECTRONIC', 'COUNTER', 'POSTAL')),
        ADD COLUMN postal_address text,
        ADD CONSTRAINT dossier_postal_address_check CHECK (delivery_method <> 'POSTAL' OR postal_address IS NOT NULL)`);
    // Existing rows: a dossier without a fee has none to pay; one already marked paid is PAID.
    await q.query(`
      UPDATE dossier SET fee_status = CASE
        WHEN fee = 0 THEN 'NONE' WHEN fee_paid_at IS NOT NULL THEN 'PAID' ELSE 'UNPAID' END`);
    await q.query(`UPDATE dossier SET delivery_method = 'ELECTRONIC' WHERE online_level = 'FULL'`);
    await q.query(`
      CREATE TABLE payment (
        id                  uuid PRIMARY KEY,
        dossier_id          uuid NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
        provider            text NOT NULL CHECK (provider IN ('vnpay', 'counter')),
        amount              integer NOT NULL CHECK (amount > 0),
        status              text NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED', 'CANCELLED')),
        created_at          timestamptz NOT NULL,
        confirmed_at        timestamptz,
        gateway_txn_no      text,
        bank_code           text,
        response_code       text,
        receipt_no          text,
        created_by          uuid REFERENCES app_user(id)
      )`);
    await q.query(`CREATE INDEX payment_dossier_idx ON payment (dossier_id)`);
    await q.query(`CREATE INDEX payment_pending_idx ON payment (created_at) WHERE status = 'PENDING'`);
    // At most one confirmed payment per dossier: the database, not only the code, refuses a second.
    await q.query(`CREATE UNIQUE INDEX payment_one_paid_per_dossier ON payment (dossier_id) WHERE status = 'PAID'`);
    await q.query(`
      CREATE TABLE payment_ipn (
        id            bigserial PRIMARY KEY,
        received_at   timestamptz NOT NULL,
        payment_id    uuid,
        query         jsonb NOT NULL,
        rsp_code      text NOT NULL,
        remote_addr   text
      )`);
    await q.query(`CREATE INDEX payment_ipn_payment_idx ON payment_ipn (payment_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_ipn`);
    await q.query(`DROP TABLE payment`);
    await q.query(`
      ALTER TABLE dossier
        DROP CONSTRAINT dossier_postal_address_check,
        DROP COLUMN postal_address, DROP COLUMN delivery_method,
        DROP COLUMN fee_receipt_no, DROP COLUMN fee_status`);
  }
}
