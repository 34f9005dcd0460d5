import PaymentsIcon from '@mui/icons-material/Payments';
import { formatCalendarDate } from '../common/jst';
import type { ResourceConfig } from '../types';
import { PaymentBatchCreate } from './PaymentBatchCreate';
import { PaymentBatchList } from './PaymentBatchList';
import { PaymentBatchShow } from './PaymentBatchShow';

/** 支払バッチ (docs/payments.md "Payment batches"): managers make, download, confirm and cancel; auditors read. */
export default {
  list: PaymentBatchList,
  show: PaymentBatchShow,
  create: PaymentBatchCreate,
  icon: PaymentsIcon,
  // the round with its programme and the 振込指定日 as a day in Japan: 「事業再構築補助金 第12回公募 2026年12月14日(月)」
  recordRepresentation: (r) => `${r.roundName} ${formatCalendarDate(r.transferDate)}`,
} satisfies ResourceConfig;
