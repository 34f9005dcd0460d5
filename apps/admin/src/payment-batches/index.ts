import PaymentsIcon from '@mui/icons-material/Payments';
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
  recordRepresentation: (r) => `${r.roundName} ${r.transferDate}`,
} satisfies ResourceConfig;
