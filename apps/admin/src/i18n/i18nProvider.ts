import polyglotI18nProvider from 'ra-i18n-polyglot';
import { ja } from './ja';

/**
 * Japanese only: the secretariat works in Japanese, so there is no locale switcher. A key missing from
 * ja.ts logs a polyglot warning in the console (keys with a `_` default, as react-admin passes for
 * resource and field names, fall back quietly).
 */
export const i18nProvider = polyglotI18nProvider(() => ja, 'ja', [{ locale: 'ja', name: '日本語' }]);
