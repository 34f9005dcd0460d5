/**
 * A V8 .cpuprofile read the way the intake work needs it: where the API's CPU goes, by package
 * (node_modules/<name>, the app's own code, node internals, garbage collection) inclusive of what
 * each calls, and the functions with the most self time.
 */
import { readFileSync } from 'node:fs';

/** The package a frame belongs to: node_modules/<name>, app:<file under dist>, node:<internal>, or a V8 pseudo-frame. */
function packageOf(frame) {
  const url = frame.url ?? '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /\/(apps|libs)\/([^/]+)\/(?:dist|src)\/(.*)$/.exec(url);
  if (dist)
    return `${dist[1]}/${dist[2]}/${dist[3]
      .split('/')
      .slice(0, dist[1] === 'apps' ? 2 : 1)
      .join('/')}`;
  if (url.startsWith('node:')) return url;
  if (!url) return `(${frame.functionName || 'anonymous'})`;
  return url;
}

/** { total ms, by package inclusive [[name, ms]], top self [[function @ file:line, ms]] } */
export function summariseProfile(path, { top = 25 } = {}) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') continue;
    total += ms;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} @ ${(f.url ?? '').replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const p = packageOf(byId.get(id).callFrame);
      if (p === '(root)' || seen.has(p)) continue;
      seen.add(p);
      inclusive.set(p, (inclusive.get(p) ?? 0) + ms);
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, byPackage: sorted(inclusive), topSelf: sorted(self) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { total, byPackage, topSelf } = summariseProfile(process.argv[2], { top: Number(process.argv[3] ?? 30) });
  console.log(`busy ${total.toFixed(0)} ms\n\ninclusive by package:`);
  for (const [k, v] of byPackage) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(7)} ms  ${k}`);
  console.log('\nself time:');
  for (const [k, v] of topSelf) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(7)} ms  ${k}`);
}
