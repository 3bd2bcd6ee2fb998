import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorrectionSupervision } from '../../../db/demo-correction-supervision';
import { generate, generateFollowup, generateAssistance, generateCorrection, generateMediation, runDemo } from '../../../db/demo';
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

describe('the demo ledger as a new office would see it', () => {
  it('has no doubled staff, case numbers in date order, special groups of every kind and mediation cases in every state', () => {
    const t = openTestLedger();
    try {
      const g = generate(t.ctx(), { persons: 200, disputes: 120, seed: 7 });
      generateFollowup(t.ctx(), { subjects: 30, personIds: g.personIds, seed: 7 });
      expect(generateMediation(t.host, { cases: 60, personIds: g.personIds })).toBe(0); // nothing refused
      expect(generateCorrection(t.host, { files: 12, personIds: g.personIds })).toBe(0);
      expect(generateCorrectionSupervision(t.host)).toBe(0);
      expect(generateAssistance(t.host, { files: 12, personIds: g.personIds })).toBe(0);
      const db = t.ledger.db;
      expect(db.prepare('SELECT name FROM staff GROUP BY name HAVING count(*) > 1').all()).toEqual([]);
      for (const table of ['dispute', 'mediation_case']) {
        const date = table === 'dispute' ? 'intake_date' : 'accepted_date';
        expect(
          db
            .prepare(
              `SELECT count(*) AS n FROM ${table} a JOIN ${table} b ON a.case_year = b.case_year AND a.case_seq < b.case_seq AND a.${date} > b.${date}`,
            )
            .get(),
          table,
        ).toEqual({ n: 0 });
      }
      const groups = (db.prepare('SELECT DISTINCT group_code AS g FROM followup_subject').all() as { g: string }[]).map((r) => r.g);
      expect(groups.sort()).toEqual(['cross_border', 'cult', 'drug', 'left_behind_child', 'mental_health', 'other', 'petition', 'youth']);
      const outcomes = (db.prepare("SELECT DISTINCT coalesce(outcome, 'open') AS o FROM mediation_case").all() as { o: string }[]).map(
        (r) => r.o,
      );
      expect(outcomes.sort()).toEqual(['failure', 'open', 'success', 'terminated']);
      const forms = (db.prepare('SELECT DISTINCT form FROM agreement').all() as { form: string }[]).map((r) => r.form);
      expect(forms.sort()).toEqual(['oral', 'written']);
      const categories = (db.prepare('SELECT DISTINCT category AS c FROM correction_file').all() as { c: string }[]).map((r) => r.c);
      expect(categories.sort()).toEqual(['control', 'outside', 'parole', 'probation']);
      expect((db.prepare('SELECT count(*) AS n FROM correction_file WHERE report_date IS NOT NULL').get() as { n: number }).n).toBe(12);
      expect((db.prepare("SELECT count(*) AS n FROM correction_event WHERE kind = 'public'").get() as { n: number }).n).toBeGreaterThan(12);
      // Twelve released persons, and one correction file ended at its term and handed over to 安置帮教
      expect((db.prepare('SELECT count(*) AS n FROM assistance_file').get() as { n: number }).n).toBe(13);
      expect(db.prepare('SELECT kind, reason FROM correction_end WHERE deleted_at IS NULL').all()).toEqual([
        { kind: 'release', reason: 'expiry' },
      ]);
      expect((db.prepare('SELECT count(*) AS n FROM assistance_file WHERE correction_file_id IS NOT NULL').get() as { n: number }).n).toBe(
        1,
      );
      const steps = (db.prepare('SELECT DISTINCT kind FROM correction_sanction').all() as { kind: string }[]).map((r) => r.kind);
      expect(steps).toContain('reprimand');
      expect((db.prepare("SELECT count(*) AS n FROM assistance_record WHERE kind = 'visit'").get() as { n: number }).n).toBeGreaterThan(12);
      expect((db.prepare('SELECT count(*) AS n FROM mediation_record').get() as { n: number }).n).toBeGreaterThan(30);
      expect((db.prepare('SELECT count(*) AS n FROM return_visit WHERE visit_date IS NOT NULL').get() as { n: number }).n).toBeGreaterThan(
        5,
      );
    } finally {
      t.close();
    }
  });
});
