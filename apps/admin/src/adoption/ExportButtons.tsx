import DownloadIcon from '@mui/icons-material/Download';
import { Button, useCanAccess, useNotify } from 'react-admin';
import { download } from '../providers';

/**
 * 採択者一覧 (publication format) and 採点の全件, CSV and Excel. The exports need the bearer token, so
 * they are fetched with it and saved from a blob (providers/download.ts).
 */
export const ExportButtons = ({ roundId, categoryId }: { roundId: string; categoryId: string }) => {
  const { canAccess } = useCanAccess({ resource: 'adoption', action: 'export' });
  const notify = useNotify();
  if (!canAccess) return null;
  const save = (path: string, name: string) => () => download(path, name).catch((error: Error) => notify(error.message, { type: 'error' }));
  const r = encodeURIComponent(roundId);
  const c = encodeURIComponent(categoryId);
  return (
    <>
      {(['csv', 'xlsx'] as const).map((f) => (
        <Button
          key={`adopted-${f}`}
          label={`app.review.simulator.export_adopted`}
          onClick={save(`/rounds/${r}/exports/adopted?format=${f}&categoryId=${c}`, `adopted.${f}`)}
          data-testid={`export-adopted-${f}`}
        >
          <>
            <DownloadIcon />
            {f.toUpperCase()}
          </>
        </Button>
      ))}
      {(['csv', 'xlsx'] as const).map((f) => (
        <Button
          key={`scores-${f}`}
          label={`app.review.simulator.export_scores`}
          onClick={save(`/rounds/${r}/exports/scores?format=${f}`, `scores.${f}`)}
          data-testid={`export-scores-${f}`}
        >
          <>
            <DownloadIcon />
            {f.toUpperCase()}
          </>
        </Button>
      ))}
    </>
  );
};
