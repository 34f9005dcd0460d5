import DownloadIcon from '@mui/icons-material/Download';
import { Button, useNotify } from 'react-admin';
import { download } from '../providers';

/**
 * CSV / Excel templates. The endpoints need the bearer token, which a plain link cannot send, so the
 * file is fetched with it and saved from a blob.
 */
export const TemplateLinks = () => {
  const notify = useNotify();
  const save = (path: string, name: string) => () => download(path, name).catch((error: Error) => notify(error.message, { type: 'error' }));
  return (
    <>
      <Button label="app.imports.template_csv" onClick={save('/imports/template.csv', 'jimukyoku-import-template.csv')} data-testid="template-csv">
        <DownloadIcon />
      </Button>
      <Button label="app.imports.template_xlsx" onClick={save('/imports/template.xlsx', 'jimukyoku-import-template.xlsx')} data-testid="template-xlsx">
        <DownloadIcon />
      </Button>
    </>
  );
};
