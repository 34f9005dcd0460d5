import type { TranslationMessages } from 'ra-core';

/**
 * Japanese for every react-admin message key (typed against ra-core's TranslationMessages, so a key
 * react-admin adds in an upgrade fails the type-check until it is translated here), plus our own
 * `app.*` keys and the `resources.*` section each resource folder extends.
 *
 * Plurals: polyglot treats `ja` as a language with a single plural form and always uses the first
 * variant, so no message here uses the `||||` separator; counts are written with %{smart_count}.
 */
import { appMessages } from './ja/app';
import { correspondenceMessages } from './ja/correspondence';
import { paymentMessages } from './ja/payments';
import { paymentBatchMessages, paymentBatchResourceMessages } from './ja/payment-batches';
import { postAwardMessages } from './ja/post-award';
import { attachmentMessages } from './ja/attachments';
import { exportMessages, exportResourceMessages } from './ja/exports';
import { historyMessages, reconsiderationMessages } from './ja/history';
import { notificationTemplateMessages } from './ja/notification-templates';
import { raMessages } from './ja/ra';
import { resourceMessages } from './ja/resources';
import { reviewMessages, reviewResourceMessages } from './ja/review';
import { statusLinkMessages } from './ja/status-links';

export const ja: TranslationMessages = {
  ra: raMessages,
  app: {
    ...appMessages,
    review: reviewMessages,
    attachments: attachmentMessages,
    exports: exportMessages,
    correspondence: correspondenceMessages,
    payments: paymentMessages,
    payment_batches: paymentBatchMessages,
    post_award: postAwardMessages,
    reconsideration: reconsiderationMessages,
    history: historyMessages,
    status_links: statusLinkMessages,
    notification_templates: notificationTemplateMessages,
  },
  resources: { ...resourceMessages, ...reviewResourceMessages, ...exportResourceMessages, ...paymentBatchResourceMessages },
};

export default ja;
