import { CanonicalAuditRecord, CHAIN_START, ChainLink, GENESIS_HASH, canonicalText, sealHash, walkChain } from './audit-chain';

const record = (id: number, over: Partial<CanonicalAuditRecord> = {}): CanonicalAuditRecord => ({
  id: String(id),
  occurredAt: `2026-12-02T10:00:0${id}.123456Z`,
  actorId: null,
  actorRole: 'system',
  action: `test.event${id}`,
  entityType: 'application',
  entityId: 'a1',
  fromStatus: null,
  toStatus: null,
  reason: null,
  changes: '{"amount": 1000000}',
  requestId: null,
  ip: null,
  ...over,
});

/** Seals records in the given order, as the sealer does. */
function chainOf(records: CanonicalAuditRecord[]): ChainLink[] {
  let prev = GENESIS_HASH;
  return records.map((r, i) => {
    const hash = sealHash(prev, r);
    const link = { seq: String(i + 1), auditId: r.id, sealedOccurredAt: r.occurredAt, sealedAction: r.action, prevHash: prev, hash, record: r };
    prev = hash;
    return link;
  });
}

describe('the audit hash chain', () => {
  it('writes a record as one canonical JSON array, nulls included, and hashes it after its predecessor', () => {
    expect(canonicalText(record(1))).toBe(
      '["1","2026-12-02T10:00:01.123456Z",null,"system","test.event1","application","a1",null,null,null,"{\\"amount\\": 1000000}",null,null]',
    );
    expect(sealHash(GENESIS_HASH, record(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(sealHash(GENESIS_HASH, record(1))).not.toBe(sealHash('f'.repeat(64), record(1)));
  });

  it('holds for a chain sealed out of id order (commit order), across batches', () => {
    const links = chainOf([record(2), record(1), record(3)]);
    const first = walkChain(CHAIN_START, links.slice(0, 2));
    const second = walkChain(first.cursor, links.slice(2));
    expect([first.broken, second.broken, second.cursor.checked]).toEqual([null, null, 3]);
  });

  it.each([
    ['a changed payload', (l: ChainLink[]) => (l[1].record = record(2, { changes: '{"amount": 1}' })), 'changed', '2'],
    ['a changed actor', (l: ChainLink[]) => (l[1].record = record(2, { actorRole: 'admin' })), 'changed', '2'],
    ['a changed time', (l: ChainLink[]) => (l[2].record = record(3, { occurredAt: '2026-12-02T10:00:03.123457Z' })), 'changed', '3'],
    ['a removed record', (l: ChainLink[]) => (l[1].record = null), 'removed', '2'],
    ['a removed chain row', (l: ChainLink[]) => l.splice(1, 1), 'link-missing', '3'],
    ['a chain row pointing elsewhere', (l: ChainLink[]) => (l[2].prevHash = GENESIS_HASH), 'relinked', '3'],
    ['a link that seals another record', (l: ChainLink[]) => (l[1].record = record(4)), 'changed', '2'],
  ])('names the first broken record after %s', (_case, tamper, kind, auditId) => {
    const links = chainOf([record(1), record(2), record(3)]);
    tamper(links);
    const { broken } = walkChain(CHAIN_START, links);
    expect(broken).toMatchObject({ kind, auditId });
  });

  it('names a removed record by the time and action it was sealed with', () => {
    const links = chainOf([record(1), record(2)]);
    links[1].record = null;
    expect(walkChain(CHAIN_START, links).broken).toEqual({
      kind: 'removed',
      seq: '2',
      auditId: '2',
      occurredAt: '2026-12-02T10:00:02.123456Z',
      action: 'test.event2',
    });
  });
});
