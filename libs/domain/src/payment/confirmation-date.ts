import { formatJstDate, jstDate } from '../time/jst';

/**
 * Why a payment batch cannot be confirmed as paid yet, or null once it can (docs/payments.md "Payment batches"): the
 * bank transfers a 総合振込 on its 振込指定日, so before that day in Japan (JST) there is no transfer to confirm. The
 * API refuses the confirmation with this message, and the admin offers no 振込を確定 button meanwhile, showing it.
 */
export function paymentConfirmationRefusal(transferDate: string, now: Date): string | null {
  const today = jstDate(now);
  if (today >= transferDate) return null;
  return `この支払バッチの振込指定日は${formatJstDate(transferDate)}です。振込の確定は振込指定日以降に行えます（本日 ${formatJstDate(today)}）。`;
}
