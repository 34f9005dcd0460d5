import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import adoption from './adoption';
import applications from './applications';
import applicationExports from './application-exports';
import auditLogs from './audit-logs';
import { ChangePasswordPage, LoginPage } from './auth';
import categories from './categories';
import commercializationReports from './commercialization-reports';
import conflictsOfInterest from './conflicts-of-interest';
import { Dashboard } from './dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import imports from './imports';
import intakeChannels from './intake-channels';
import notifications from './notifications';
import notificationTemplates from './resources/notification-templates';
import paymentBatches from './payment-batches';
import { Layout, TopNotification } from './layout';
import programs from './programs';
import { CHANGE_PASSWORD_PATH, authProvider, dataProvider } from './providers';
import reviewAssignments from './review-assignments';
import reviewRubrics from './review-rubrics';
import reviewers from './reviewers';
import rounds from './rounds';
import scoreSheets from './score-sheets';
import ruleSets from './rule-sets';
import { theme } from './theme';
import users from './users';

/**
 * Composition only. A resource is a folder (src/<resource>/index.ts exporting list/show/edit/icon/
 * recordRepresentation) registered here as `<Resource name="rounds" {...rounds} />`; the menu shows it
 * to the roles that providers/canAccess.ts allows to list it.
 */
export const App = () => (
  <Admin
    title="事務局"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    loginPage={LoginPage}
    layout={Layout}
    notification={TopNotification}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {/* names are the API's paths (/api/<name>); the menu shows those providers/canAccess.ts allows */}
    {/* menu order: 申請, エクスポート, 担当する審査, 割当ボード, 割当, 審査基準, シミュレーター, 利益相反, 通知, テンプレート, 公募回, 類型, 予算・版, 事業, 一括取込, 受付窓口, ユーザー, 監査ログ */}
    <Resource name="applications" {...applications} />
    <Resource name="application-exports" {...applicationExports} />
    <Resource name="payment-batches" {...paymentBatches} />
    <Resource name="commercialization-reports" {...commercializationReports} />
    <Resource name="score-sheets" {...scoreSheets} />
    <Resource name="reviewers" {...reviewers} />
    <Resource name="review-assignments" {...reviewAssignments} />
    <Resource name="review-rubrics" {...reviewRubrics} />
    <Resource name="adoption" {...adoption} />
    <Resource name="conflicts-of-interest" {...conflictsOfInterest} />
    <Resource name="notifications" {...notifications} />
    <Resource name="notification-templates" {...notificationTemplates} />
    <Resource name="rounds" {...rounds} />
    <Resource name="categories" {...categories} />
    <Resource name="rule-sets" {...ruleSets} />
    <Resource name="programs" {...programs} />
    <Resource name="imports" {...imports} />
    <Resource name="intake-channels" {...intakeChannels} />
    <Resource name="users" {...users} />
    <Resource name="audit-logs" {...auditLogs} />
    <CustomRoutes noLayout>
      <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
    </CustomRoutes>
  </Admin>
);
