import { jaJP } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme with a Japanese font stack. Nothing is fetched from a font CDN (the API's
 * CSP allows only 'self'); the first font installed on the machine wins, IPA Gothic on Linux servers.
 */
const fontFamily = [
  // Latin first (Japanese fonts draw Latin letters and digits rather wide), then Japanese.
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  '"Yu Gothic UI"',
  'Meiryo',
  '"IPAexGothic"',
  '"IPAGothic"',
  'system-ui',
  'sans-serif',
].join(', ');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...(defaultTheme.typography as object), fontFamily },
  components: {
    ...defaultTheme.components,
    // MUI's own texts in Japanese: an autocomplete that finds nothing said 「No options」, its buttons 「Clear」「Open」
    ...jaJP.components,
    // Latin words in buttons as written (「Excel テンプレート」, not 「EXCEL テンプレート」): Japanese has no case to raise
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    // Japanese breaks between any two characters: a narrow column would stack 状態 as 状 / 態.
    RaDatagrid: { styleOverrides: { root: { '& .RaDatagrid-headerCell': { whiteSpace: 'nowrap' } } } },
  },
};
