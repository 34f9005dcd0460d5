import ArticleIcon from '@mui/icons-material/ArticleOutlined';
import type { ResourceConfig } from '../../types';
import { TemplateEdit } from './TemplateEdit';
import { TemplateList } from './TemplateList';
import { TemplateShow } from './TemplateShow';

export { MailWebMenuItem } from './MailWebMenuItem';
export { TemplateVersionLink } from './TemplateVersionLink';

/** テンプレート: the emails' text; managers edit (each save a new version), admin and auditor read (providers/canAccess.ts). */
export default { list: TemplateList, show: TemplateShow, edit: TemplateEdit, icon: ArticleIcon, recordRepresentation: 'label' } satisfies ResourceConfig;
