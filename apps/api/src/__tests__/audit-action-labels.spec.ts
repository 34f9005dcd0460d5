import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APPLICATION_TRANSITION_ACTION_PREFIX, AUDIT_ACTION_LABELS, AUDIT_ENTITY_TYPE_LABELS } from '@jimukyoku/domain';
import { DESCRIBED_ENTITY_TYPES } from '../modules/audit/audit.repository';

/**
 * Every audit action the API records has a Japanese name in AUDIT_ACTION_LABELS (libs/domain), so the
 * audit log never shows a code such as `round.closed`; every entity type it records has a name in
 * AUDIT_ENTITY_TYPE_LABELS and a label of its records in the audit repository (not a bare UUID). Actions are found in the source: a quoted
 * `x.y` on a line that sets an `action`, and the assignment actions passed down as arguments. State
 * changes (`application.<transition>`) are named by the workflow definitions instead.
 */
const SRC = join(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['__tests__', 'testing'].includes(entry.name)) sources(path, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

function recordedEntityTypes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const m of line.matchAll(/entityType: '([a-z][A-Za-z]*)'/g)) if (m[1] !== 'string') found.set(m[1]!, `${relative(SRC, file)}:${i + 1}`);
      });
  }
  return found;
}

function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const quoted = [...line.matchAll(/'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'/g)].map((m) => m[1]);
      const setsAction = /\baction\b/.test(line) && !/Policy|policy/.test(line);
      for (const action of quoted) {
        if (setsAction || action.startsWith('assignment.')) found.set(action, `${relative(SRC, file)}:${i + 1}`);
      }
    });
  }
  return found;
}

describe('audit action labels', () => {
  const actions = recordedActions();

  it('finds the actions the API records (the scan works)', () => {
    expect([...actions.keys()]).toEqual(expect.arrayContaining(['auth.login', 'user.created', 'round.closed', 'assignment.create', 'adoption.commit']));
  });

  it('names every recorded action in AUDIT_ACTION_LABELS', () => {
    const unnamed = [...actions]
      .filter(([action]) => !action.startsWith(APPLICATION_TRANSITION_ACTION_PREFIX))
      .filter(([action]) => !Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action))
      .map(([action, where]) => `${action} (${where})`);
    expect(unnamed).toEqual([]);
  });

  it('names every recorded entity type, and describes its records', () => {
    const types = recordedEntityTypes();
    expect([...types.keys()]).toEqual(expect.arrayContaining(['application', 'staffUser', 'round']));
    const unnamed = [...types].filter(([type]) => !Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_TYPE_LABELS, type)).map(([t, where]) => `${t} (${where})`);
    const undescribed = [...types].filter(([type]) => !DESCRIBED_ENTITY_TYPES.includes(type)).map(([t, where]) => `${t} (${where})`);
    expect({ unnamed, undescribed }).toEqual({ unnamed: [], undescribed: [] });
  });
});
