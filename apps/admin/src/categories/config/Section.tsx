import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A titled block of the category page (補助上限額, 補助率, 要件 ...). */
export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Box component="section" data-testid={testId} sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1, borderBottom: 1, borderColor: 'divider' }}>
        {translate(title, { _: title })}
      </Typography>
      {children}
    </Box>
  );
};
