import type { ComponentType } from 'react';
import type { TablePaginationProps } from '@mui/material';
import { Pagination, useListContext, useTranslate, type PaginationProps } from 'react-admin';
import { TOTAL_ESTIMATED_META } from '../providers/dataProvider';

/** react-admin's Pagination hands its other props to MUI's TablePagination; its type leaves this one out. */
const LabelledPagination = Pagination as ComponentType<PaginationProps & Pick<TablePaginationProps, 'labelDisplayedRows'>>;

/**
 * The list's pagination, saying 「約 N 件」 when the API estimated the total (a list past its exact-count
 * limit answers `X-Total-Count-Estimated: true`; the data provider puts it in the list's `meta`).
 */
export const EstimatedTotalPagination = (props: PaginationProps) => {
  const { meta } = useListContext();
  const translate = useTranslate();
  if (!meta?.[TOTAL_ESTIMATED_META]) return <Pagination {...props} />;
  return (
    <LabelledPagination
      {...props}
      title={translate('app.list.estimated_help')}
      labelDisplayedRows={({ from, to, count }) =>
        translate('app.list.estimated_range_info', { offsetBegin: from, offsetEnd: to, total: count.toLocaleString('ja-JP') })
      }
    />
  );
};
