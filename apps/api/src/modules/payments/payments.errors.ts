import { AppError } from '../../common/app-error.js';

/** Coded errors of payments; the web maps each code to vi/en text. */
export class PaymentError {
  /** Production without VNPAY_*: payments are refused, never accepted blindly. */
  static unavailable(): AppError {
    return new AppError('PAYMENTS_UNAVAILABLE', 503, 'Online payment is not configured');
  }
  static noFee(): AppError {
    return AppError.conflict('FEE_NONE', 'This dossier has no fee to pay');
  }
  static alreadyPaid(): AppError {
    return AppError.conflict('FEE_ALREADY_PAID', 'The fee of this dossier is already paid');
  }
  static notPayable(status: string): AppError {
    return new AppError('FEE_NOT_PAYABLE', 409, `A dossier in status ${status} takes no payment`, undefined, {
      dossierStatus: status,
    });
  }
  /** return_result with electronic delivery while the fee is neither NONE nor PAID. */
  static unpaid(): AppError {
    return AppError.conflict('FEE_UNPAID', 'The fee must be paid before the electronic result is returned');
  }
  /** No confirmed payment yet: there is no receipt to show. */
  static receiptNotFound(): AppError {
    return AppError.notFound('Fee receipt');
  }
  static feeRefund(): AppError {
    return AppError.conflict('FEE_REFUND', 'The fee of this dossier is to be refunded, not paid');
  }
}
