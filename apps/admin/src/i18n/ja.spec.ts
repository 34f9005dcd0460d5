import englishMessages from 'ra-language-english';
import { STAFF_ROLES } from '../providers/roles';
import { ja } from './ja';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (message: string) => new Set(message.match(/%\{\w+\}/g) ?? []);

const english = leaves(englishMessages as unknown as Tree);
const japanese = leaves(ja as unknown as Tree);

describe('ja messages', () => {
  it('translate every react-admin key that ra-language-english has, including the optional ones', () => {
    const missing = [...english.keys()].filter((key) => !japanese.has(key));
    expect(missing).toEqual([]);
  });

  it('have no ra.* key react-admin does not know (typos would silently never show)', () => {
    const unknown = [...japanese.keys()].filter((key) => key.startsWith('ra.') && !english.has(key));
    expect(unknown).toEqual([]);
  });

  it.each([...english.entries()])('%s keeps the placeholders react-admin fills in', (key, message) => {
    // English may have plural variants ("one |||| many") whose placeholders differ, and react-admin
    // fills only some of them per call (e.g. recordRepresentation for one record, none in bulk). The
    // single Japanese form must use every placeholder all variants share, and nothing else.
    const forms = message.split('||||').map(placeholders);
    const shared = [...forms[0]!].filter((p) => forms.every((f) => f.has(p)) && p !== '%{smart_count}');
    const known = new Set(forms.flatMap((f) => [...f]));
    const actual = placeholders(japanese.get(key) ?? '');
    expect([...actual].filter((p) => !known.has(p))).toEqual([]);
    expect(shared.filter((p) => !actual.has(p))).toEqual([]);
  });

  it('use a single plural form, as polyglot always picks the first one for ja', () => {
    expect([...japanese.entries()].filter(([, message]) => message.includes('||||'))).toEqual([]);
  });

  it('label every staff role', () => {
    for (const role of STAFF_ROLES) expect(japanese.get(`app.roles.${role}`)).toBeTruthy();
    expect(japanese.get('app.roles.manager')).toBe('事務局マネージャー');
  });

  it('are actually Japanese (no English text left behind)', () => {
    const untranslated = [...english.entries()].filter(([key, message]) => message.trim() && japanese.get(key) === message);
    // Titles that are pure placeholders (e.g. "%{name}") are the same in every language.
    expect(untranslated.filter(([, message]) => /[A-Za-z]{3,}/.test(message.replace(/%\{\w+\}/g, '')))).toEqual([]);
  });
});
