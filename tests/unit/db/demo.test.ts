import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, runDemo } from '../../../db/demo';
import { openTestLedger, tempDir } from '../../helpers/test-db';
import { checkIdNumber } from '../../../shared/domain/id-number';

describe('demo data', () => {
  it('never writes into an existing file', () => {
    const path = join(tempDir(), 'real-ledger.db');
    writeFileSync(path, 'precious');
    expect(() => runDemo(['--db', path])).toThrowError(/已存在，未作任何改动/);
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('creates realistic people and disputes through the real services', () => {
    const t = openTestLedger();
    try {
      const g = generate(t.ctx(), { persons: 200, disputes: 100, seed: 7 });
      expect(g.personIds).toHaveLength(200);
      expect(g.disputeIds).toHaveLength(100);
      const people = t.ledger.db.prepare('SELECT name, id_number AS idn, name_initials AS ini FROM person').all() as {
        name: string;
        idn: string | null;
        ini: string;
      }[];
      expect(people.every((p) => /^[\u4e00-\u9fa5]{2,4}$/.test(p.name) && p.ini.length >= 2)).toBe(true);
      expect(people.filter((p) => p.idn).every((p) => checkIdNumber(p.idn!, '2024-06-15').ok)).toBe(true);
      const byCategory = t.ledger.db.prepare('SELECT category, count(*) AS n FROM dispute GROUP BY category ORDER BY n DESC').all() as {
        category: string;
      }[];
      expect(['01', '02']).toContain(byCategory[0]!.category);
      const statuses = t.ledger.db.prepare('SELECT DISTINCT status FROM dispute').all().length;
      expect(statuses).toBeGreaterThan(2);
    } finally {
      t.close();
    }
  });
});
