/**
 * Realistic generated data for the demo ledger and the benchmark: Chinese names by surname
 * frequency, villages with grids, staff, and disputes in the proportions township reports show
 * (family and neighbour disputes most common; most cases resolved). Everything goes through the
 * real services, so the data carries pinyin, search keys, status history and audit rows.
 * Never writes into an existing file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, earlierOf, laterOf } from '../shared/date-math';
import { addDays, daysBetween } from '../shared/dates';
import { DEFAULT_ASSISTANCE } from '../shared/domain/assistance-rules';
import { DEFAULT_LEVEL_TABLE } from '../shared/domain/correction-rules';
import { idCheckChar } from '../shared/domain/id-number';
import { addInterval } from '../shared/domain/obligations';
import type { DisputeStatus } from '../shared/domain/disputes';
import { LedgerError } from '../shared/errors';
import { fixedClock, type ServiceContext } from './context';
import { generateCorrectionSupervision } from './demo-correction-supervision';
import { openLedger } from './open';
import { appDataDir } from './paths';
import { contextFor, createHost, type Host, invoke } from './router';
import { changeDisputeStatus, createDispute } from './services/disputes';
import { syncFollowup } from './services/followup';
import { newId } from './ids';
import { createPerson } from './services/persons';
import { saveGrid, saveStaff, saveVillage } from './services/reference';

/** Small deterministic PRNG (mulberry32) so that a seed gives the same ledger every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.9],
  ['刘', 5.4],
  ['陈', 4.6],
  ['杨', 3.1],
  ['赵', 2.3],
  ['黄', 2.2],
  ['周', 2.1],
  ['吴', 2.0],
  ['徐', 1.7],
  ['孙', 1.5],
  ['胡', 1.3],
  ['朱', 1.3],
  ['高', 1.3],
  ['林', 1.2],
  ['何', 1.2],
  ['郭', 1.2],
  ['马', 1.1],
  ['罗', 0.9],
  ['梁', 0.9],
  ['宋', 0.8],
  ['郑', 0.8],
  ['谢', 0.7],
  ['韩', 0.7],
  ['唐', 0.7],
  ['冯', 0.7],
  ['于', 0.6],
  ['董', 0.6],
  ['萧', 0.6],
  ['程', 0.6],
  ['曹', 0.6],
  ['袁', 0.5],
  ['邓', 0.5],
  ['许', 0.5],
  ['傅', 0.5],
  ['沈', 0.5],
  ['曾', 0.5],
  ['彭', 0.5],
  ['吕', 0.5],
  ['欧阳', 0.05],
  ['司马', 0.02],
  ['诸葛', 0.01],
];
const GIVEN_M = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林国建文志永春长海东成兴德福贵生';
const GIVEN_F = '芳娜敏静丽艳娟霞秀玲桂英兰萍红梅琳燕云莲真环雪荣爱妹香月莺媛凤洁琴素彩春花翠';
const VILLAGES = [
  '高寨村',
  '前营村',
  '后营村',
  '李庄村',
  '王楼村',
  '张湾村',
  '河东社区',
  '河西社区',
  '柳林村',
  '枣园村',
  '新集村',
  '大刘庄村',
];
const STAFF = [
  ['王调解', '调委会主任'],
  ['李建国', '司法所所长'],
  ['赵秀兰', '专职调解员'],
  ['孙志强', '综治中心干事'],
  ['周海燕', '人民调解员'],
] as const;
const CATEGORY_WEIGHTS = [
  ['01', 22],
  ['02', 24],
  ['03', 9],
  ['04', 6],
  ['05', 4],
  ['06', 8],
  ['07', 10],
  ['08', 3],
  ['09', 1],
  ['10', 5],
  ['11', 1],
  ['12', 1],
  ['13', 3],
  ['14', 2],
  ['99', 1],
] as const;
const SOURCE_WEIGHTS = [
  ['visit', 30],
  ['call', 10],
  ['grid', 25],
  ['hotline12345', 10],
  ['petition', 5],
  ['screening', 15],
  ['police110', 3],
  ['court', 1],
  ['other', 1],
] as const;
const SUMMARIES: Record<string, readonly string[]> = {
  '01': ['夫妻因家庭琐事长期争吵，女方要求离婚', '兄弟三人因赡养老人费用分担产生矛盾', '婆媳关系紧张，因分家问题发生争执'],
  '02': ['两家因房屋滴水问题发生争执', '邻居在界址处堆放柴草引发口角', '因宅前排水沟堵塞导致积水产生纠纷', '邻居饲养犬只伤人，赔偿未谈妥'],
  '03': ['宅基地界址不清，两户对院墙位置有争议', '翻建房屋遮挡邻居采光'],
  '04': ['农资买卖合同货款拖欠', '土地流转合同到期后租金结算有争议'],
  '05': ['养殖场与周边农户因经营用地发生矛盾'],
  '06': ['建房施工中砸伤他人，医疗费赔偿有争议', '电动车碰撞致人受伤，赔偿数额未达成一致'],
  '07': ['承包地边界不清，两户因耕种范围发生争执', '山林权属存在争议，双方均主张管护'],
  '08': ['征地补偿款分配不均引发群众不满'],
  '09': ['养殖场气味影响周边居民生活'],
  '10': ['务工人员被拖欠工资', '工地受伤后工伤待遇有争议'],
  '11': ['购买的农机存在质量问题，商家拒绝退换'],
  '12': ['村卫生室诊疗后病情加重，家属要求赔偿'],
  '13': ['农用三轮车与摩托车相撞，责任认定后赔偿有分歧'],
  '14': ['小区物业费收取标准引发业主不满'],
  '99': ['红白事操办中借用物品损坏引发争执'],
};

export interface Generated {
  personIds: string[];
  disputeIds: string[];
}

function makeName(rand: () => number, male: boolean): string {
  const surname = weighted(rand, SURNAMES);
  const pool = male ? GIVEN_M : GIVEN_F;
  const given = rand() < 0.3 ? pick(rand, [...pool]) : pick(rand, [...pool]) + pick(rand, [...pool]);
  return surname + given;
}

function makeId(rand: () => number, birth: string, male: boolean): string {
  const region = pick(rand, ['410102', '410103', '410181', '411002', '412722']);
  let seq = Math.floor(rand() * 500) * 2 + (male ? 1 : 0);
  if (seq < 1) seq = male ? 1 : 2;
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Builds reference data, `persons` people and `disputes` disputes, in batches of one transaction each. */
export function generate(
  ctx: ServiceContext,
  opts: { persons: number; disputes: number; seed?: number; progress?: (msg: string) => void },
): Generated {
  const rand = rng(opts.seed ?? 20240615);
  const today = ctx.clock.today();
  const villages = VILLAGES.map((name) => saveVillage(ctx, { id: null, name }));
  const grids = villages.flatMap((v, i) =>
    [1, 2].map((n) =>
      saveGrid(ctx, { id: null, villageId: v.id, name: `第${n}网格`, workerName: makeName(rand, i % 2 === 0), workerPhone: null }),
    ),
  );
  // The operator entered at first run is already in the register: the office staff are not doubled.
  const present = ctx.db.prepare("SELECT id, name FROM staff WHERE deleted_at IS NULL AND kind = 'staff'").all() as {
    id: string;
    name: string;
  }[];
  const staff = STAFF.map(
    ([name, post]) =>
      present.find((p) => p.name === name) ??
      saveStaff(ctx, { id: null, name, post, phone: null, active: true, kind: 'staff', committee: null }),
  );
  // The register of people's mediators: one per village committee.
  for (const [i, v] of villages.entries()) {
    saveStaff(ctx, {
      id: null,
      name: makeName(rand, i % 3 === 0),
      post: i % 2 ? '调委会主任' : '人民调解员',
      phone: null,
      active: true,
      kind: 'mediator',
      committee: `${v.name}人民调解委员会`,
    });
  }
  const batch = (n: number, fn: (i: number) => void) => {
    for (let start = 0; start < n; start += 2000) {
      ctx.db.transaction(() => {
        for (let i = start; i < Math.min(n, start + 2000); i++) fn(i);
      })();
      opts.progress?.(`${Math.min(n, start + 2000)} / ${n}`);
    }
  };

  const personIds: string[] = [];
  const usedIds = new Set<string>();
  batch(opts.persons, () => {
    const male = rand() < 0.52;
    const age = 18 + Math.floor(rand() * 62);
    const birth = addDays(`${Number(today.slice(0, 4)) - age}-01-01`, Math.floor(rand() * 360));
    let idNumber: string | null = rand() < 0.85 ? makeId(rand, birth, male) : null;
    if (idNumber && usedIds.has(idNumber)) idNumber = null;
    if (idNumber) usedIds.add(idNumber);
    const v = pick(rand, villages);
    const g = grids.filter((x) => x.villageId === v.id);
    const phone = rand() < 0.8 ? `1${pick(rand, ['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}` : null;
    const p = createPerson(ctx, {
      name: makeName(rand, male),
      sex: male ? 'M' : 'F',
      idNumber,
      birthDate: birth,
      ethnicity: rand() < 0.97 ? '汉族' : '回族',
      phone,
      householdAddress: `某某县高寨乡${v.name}${1 + Math.floor(rand() * 200)}号`,
      residenceAddress: null,
      villageId: v.id,
      gridId: pick(rand, g).id,
      notes: null,
      kind: 'person',
      occupation: null,
      workUnit: null,
      creditCode: null,
      legalRep: null,
    });
    personIds.push(p.id);
  });

  const disputeIds: string[] = [];
  const FLOW: DisputeStatus[] = ['accepted', 'mediating', 'resolved', 'closed'];
  // Registered in the order of their days, as an office does, so that case numbers follow the dates.
  const intakes = Array.from({ length: opts.disputes }, () => addDays(today, -Math.floor(rand() * 720))).sort();
  batch(opts.disputes, (n) => {
    const intake = intakes[n]!;
    const category = weighted(rand, CATEGORY_WEIGHTS);
    const a = pick(rand, personIds);
    let b = pick(rand, personIds);
    if (b === a) b = personIds[(personIds.indexOf(a) + 1) % personIds.length]!;
    const v = pick(rand, villages);
    const source = weighted(rand, SOURCE_WEIGHTS);
    const ticket = source === 'hotline12345' || source === 'petition';
    const d = createDispute(ctx, {
      intakeDate: intake,
      source,
      category,
      villageId: v.id,
      gridId: null,
      parties: [
        { personId: a, role: 'applicant' },
        { personId: b, role: 'respondent' },
      ],
      summary: pick(rand, SUMMARIES[category] ?? SUMMARIES['99']!),
      peopleCount: 2 + Math.floor(rand() * 4),
      amountYuan: rand() < 0.5 ? Math.round(rand() * 50000) : null,
      riskLevel: weighted(rand, [
        ['low', 70],
        ['medium', 25],
        ['high', 5],
      ] as const),
      responsibleStaffId: pick(rand, staff).id,
      deadline: null,
      // About one in twenty handled by the township centre itself (李堡: 43 of 891)
      handlingLevel: rand() < 0.05 ? 'township' : 'village',
      ticketNo: ticket
        ? `${source === 'petition' ? 'XF' : 'GD'}${intake.replaceAll('-', '')}${String(disputeIds.length).padStart(4, '0')}`
        : null,
      ticketUnit: ticket ? (source === 'petition' ? '某某县信访局' : '某某县12345政务服务便民热线') : null,
      ticketDeadline: ticket ? addDays(intake, 15) : null,
      feedbackDate: null,
      satisfaction: null,
      preventedCriminalPersons: rand() < 0.01 ? 2 : null,
      preventedMassPersons: null,
    });
    // Older disputes are further along; a few are turned away or handed on.
    const age = Math.floor((Date.parse(today) - Date.parse(intake)) / 86_400_000);
    const steps = age > 60 ? 4 : age > 20 ? 2 + Math.floor(rand() * 3) : Math.floor(rand() * 3);
    let date = intake;
    for (let s = 0; s < steps; s++) {
      date = addDays(date, Math.floor(rand() * 5));
      if (date > today) break;
      let to = FLOW[s]!;
      if (s === 0 && rand() < 0.03) to = 'rejected';
      if (s === 2 && rand() < 0.04) to = 'unresolved';
      changeDisputeStatus(ctx, { id: d.id, to, date, note: null, transferUnit: null });
      if (to === 'rejected' || to === 'unresolved') break;
    }
    disputeIds.push(d.id);
  });
  return { personIds, disputeIds };
}

/** What the demo's mediation cases are about, with an agreement and its payment. */
const CASE_STORIES = [
  { category: '02', summary: '宅前排水沟堵塞，雨水倒灌邻家院落', content: '张方负责疏通排水沟并赔偿损失', amount: 800 },
  { category: '01', summary: '兄弟二人因赡养母亲费用分担发生争执', content: '兄弟二人每月各支付赡养费500元', amount: 12000 },
  { category: '07', summary: '承包地界址不清，双方各执一词', content: '按村委会丈量结果重新埋设界桩', amount: 0 },
  { category: '10', summary: '务工人员被拖欠工资三个月', content: '用工方分两次支付拖欠工资', amount: 15600 },
  { category: '04', summary: '借款到期未还引发纠纷', content: '借款人分期归还借款本金', amount: 20000 },
  { category: '05', summary: '车辆刮擦致人轻伤，赔偿数额有争议', content: '肇事方一次性赔偿医疗费、误工费', amount: 6500 },
] as const;

/**
 * 人民调解 cases in every state the ledger knows — accepted, under mediation, closed as 调解成功 with a
 * written or an oral agreement (some performed, some partly, some confirmed by a court, some visited),
 * 调解不成 and 终止调解 — accepted in date order so that their numbers follow the dates. Each goes through
 * the contract as a user's input would; one refused is skipped and counted, never half-written.
 */
export function generateMediation(host: Host, opts: { cases: number; personIds: readonly string[]; seed?: number }): number {
  const rand = rng(opts.seed ?? 20240616);
  const ctx = contextFor(host);
  const today = ctx.clock.today();
  const mediators = (ctx.db.prepare("SELECT id FROM staff WHERE kind = 'mediator' AND deleted_at IS NULL").all() as { id: string }[]).map(
    (r) => r.id,
  );
  let refused = 0;
  const call = (method: string, input: unknown): { id: string; agreement: { items: { id: string }[] } | null } | null => {
    const r = invoke(host, method as never, input as never);
    if (!r.ok) refused++;
    return r.ok ? (r.value as never) : null;
  };
  // Accepted over the last year, oldest first; the last few days' cases are still open.
  const days = Array.from({ length: opts.cases }, () => addDays(today, -3 - Math.floor(rand() * 360))).sort();
  for (const [n, accepted] of days.entries()) {
    const story = CASE_STORIES[n % CASE_STORIES.length]!;
    const a = pick(rand, opts.personIds);
    let b = pick(rand, opts.personIds);
    if (b === a) b = opts.personIds[(opts.personIds.indexOf(a) + 1) % opts.personIds.length]!;
    const mediator = pick(rand, mediators);
    const origin = pick(rand, ['application', 'application', 'initiative', 'court'] as const);
    const c = call('mediation.create', {
      origin,
      senderUnit: origin === 'court' ? '某某县人民法院' : null,
      acceptedDate: accepted,
      mediatingBody: 'township',
      category: story.category,
      landContract: story.category === '07',
      summary: story.summary,
      amountYuan: story.amount || null,
      parties: [
        { personId: a, role: 'applicant' },
        { personId: b, role: 'respondent' },
      ],
      mediatorIds: [mediator],
    });
    if (!c) continue;
    // The share of each state: 受理 10%, 调解中 15%, 成功 (written 45%, oral 15%), 不成 10%, 终止 5%.
    const roll = rand();
    if (roll < 0.1) continue;
    const day = (after: string, upTo: number) => {
      return earlierOf(addDays(after, 1 + Math.floor(rand() * upTo)), today);
    };
    const session = day(accepted, 5);
    call('mediation.saveRecord', {
      caseId: c.id,
      kind: 'session',
      date: session,
      place: '乡调解室',
      participants: '双方当事人、调解员',
      content: `组织双方当面调解：${story.summary}。`,
    });
    if (roll < 0.25) continue;
    const closed = day(session, 6);
    if (roll >= 0.85) {
      const terminated = roll >= 0.95;
      call('mediation.close', {
        id: c.id,
        outcome: terminated ? 'terminated' : 'failure',
        closedDate: closed,
        terminationReason: terminated ? 'refused' : undefined,
        reason: terminated ? '被申请人明确表示不再接受调解' : '双方对赔偿数额分歧过大',
        guidance: ['litigation'],
      });
      continue;
    }
    // A land-contract dispute's agreement is always written (农村土地承包经营纠纷调解仲裁法 art. 10).
    const oral = roll >= 0.7 && story.category !== '07';
    const deadline = addDays(closed, 30);
    const withAgreement = call('mediation.saveAgreement', {
      caseId: c.id,
      form: oral ? 'oral' : 'written',
      facts: story.summary,
      matters: '赔偿及履行方式',
      responsibility: '双方各负相应责任',
      content: story.content,
      performanceMethod: story.amount ? '现金或转账' : null,
      performanceDeadline: oral || !story.amount ? null : deadline,
      partySignatures: oral
        ? []
        : [
            { personId: a, date: closed },
            { personId: b, date: closed },
          ],
      mediatorSignedDate: oral ? null : closed,
      sealDate: oral ? null : closed,
      oralDate: oral ? closed : null,
      items: story.amount && !oral ? [{ description: story.content, deadline, state: 'unperformed' }] : [],
      agreedAmountYuan: story.amount || null,
      performance: oral ? 'on_the_spot' : story.amount ? 'unperformed' : 'no_payment',
      performedDate: oral ? closed : null,
    });
    if (!withAgreement) continue;
    call('mediation.close', { id: c.id, outcome: 'success', closedDate: closed });
    const item = withAgreement.agreement?.items[0];
    // Most payments made by the deadline, some in part; the older cases visited, a few confirmed by the court.
    if (item && deadline <= today) {
      const paid = rand() < 0.8;
      call('mediation.setPerformance', { itemId: item.id, state: paid ? 'performed' : 'partial', date: day(closed, 25) });
    }
    const visit = addDays(closed, 30);
    if (visit <= today && rand() < 0.7)
      call('mediation.saveVisit', {
        caseId: c.id,
        visitDate: visit,
        visitorStaffId: mediator,
        method: '电话回访',
        performanceFound: item ? 'performed' : 'not_applicable',
        satisfaction: '满意',
        notes: '当事人表示协议已按约履行',
      });
    if (!oral && rand() < 0.1)
      call('mediation.saveConfirmation', {
        caseId: c.id,
        intent: true,
        appliedDate: day(closed, 10),
        joint: true,
        courtBasis: 'committee_location',
        court: '某某县人民法院',
      });
  }
  return refused;
}

const GROUP_WEIGHTS = [
  ['mental_health', 35],
  ['drug', 12],
  ['cult', 5],
  ['petition', 15],
  ['youth', 10],
  ['left_behind_child', 18],
  ['cross_border', 3],
  ['other', 2],
] as const;
/** A drug file reported within the window and its agreement signed that day (戒毒条例 arts. 14, 16). */
function drugFacts(rand: () => number, begun: string) {
  const drugType = rand() < 0.7 ? 'detox' : 'rehab';
  const reportDate = addDays(begun, Math.floor(rand() * 10));
  return { drugType, decisionDate: begun, reportDate, agreementDate: reportDate, leaveTimes: 0, leaveDays: 0 };
}

const MH_FACTS = {
  diagnosis: '精神分裂症',
  guardianRelation: '父母',
  treatment: '居家服药',
  medication: null,
  incidentHistory: null,
};

/**
 * Special-group files with a visit history: most kept up to date, some with a gap (overdue). The
 * files and visits are inserted directly (there are many), then each file's due items go through
 * the real engine and to-do table (`syncFollowup`), exactly as a recorded visit does.
 */
export function generateFollowup(
  ctx: ServiceContext,
  opts: { subjects: number; personIds: string[]; seed?: number; progress?: (msg: string) => void },
): string[] {
  const rand = rng(opts.seed ?? 20240616);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const staff = ctx.db.prepare("SELECT id, name FROM staff WHERE kind = 'staff'").all() as { id: string; name: string }[];
  const villages = ctx.db.prepare('SELECT id FROM village WHERE deleted_at IS NULL').all() as { id: string }[];
  const insert = ctx.db.prepare(
    `INSERT INTO followup_subject (id, person_id, group_code, group_name, level, level_since, control_status, responsible_staff_id, village_id, team, facts, start_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 'active', ?, ?)`,
  );
  // A patient's years (REVIEW row 12): last year's 以奖代补 assessed and paid, this year's still to be assessed.
  const year = ctx.db.prepare(
    `INSERT INTO followup_year (id, subject_id, year, reward_result, amount_fen, paid, paid_date, guardian_name, free_medication, free_treatment, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const thisYear = Number(today.slice(0, 4));
  const visit = ctx.db.prepare(
    'INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, test_result, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const opened = ctx.db.prepare(
    "INSERT INTO level_change (id, module, owner_id, date, level, source, created_at, updated_at) VALUES (?, 'followup', ?, ?, ?, 'start', ?, ?)",
  );
  const ids: string[] = [];
  for (let start = 0; start < opts.subjects; start += 2000) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(opts.subjects, start + 2000); i++) {
        const id = newId();
        // The first files one of each group, so that a small demo shows every kind; the draw is made anyway
        // so that the rest of the ledger comes out as before for the same seed.
        const drawn = weighted(rand, GROUP_WEIGHTS);
        const group = i < GROUP_WEIGHTS.length ? GROUP_WEIGHTS[i]![0] : drawn;
        const begun = addDays(today, -Math.floor(rand() * 1000));
        const level =
          group === 'mental_health'
            ? String(
                weighted(rand, [
                  [0, 40],
                  [1, 25],
                  [2, 20],
                  [3, 10],
                  [4, 4],
                  [5, 1],
                ] as const),
              )
            : weighted(rand, [
                ['green', 60],
                ['yellow', 30],
                ['red', 10],
              ] as const);
        const s = pick(rand, staff);
        // Most 邪教 persons are only on the roll; a few are controlled, one in a while to be transformed (曹回: 105, 11, 1).
        const r = rand();
        const control = group === 'cult' ? (r < 0.85 ? 'registered' : r < 0.97 ? 'controlled' : 'to_transform') : 'controlled';
        const facts =
          group === 'mental_health'
            ? { ...MH_FACTS, guardianName: makeName(rand, rand() < 0.5), guardianPhone: null }
            : group === 'drug'
              ? drugFacts(rand, begun)
              : group === 'cult'
                ? { transformStatus: '转化中' }
                : {};
        insert.run(
          id,
          pick(rand, opts.personIds),
          group,
          group === 'other' ? '独居老人' : null,
          level,
          begun,
          control,
          s.id,
          pick(rand, villages).id,
          JSON.stringify(facts),
          begun,
          now,
          now,
        );
        opened.run(newId(), id, begun, level, now, now);
        if (group === 'mental_health') {
          const guardian = (facts as { guardianName?: string }).guardianName ?? null;
          if (begun < `${thisYear}-01-01`)
            year.run(newId(), id, thisYear - 1, '合格', 180000, 1, `${thisYear - 1}-12-20`, guardian, rand() < 0.3 ? 1 : 0, now, now);
          year.run(newId(), id, thisYear, '待考核', null, 0, null, guardian, 0, now, now);
        }
        // Visits at about the group's cadence (mental health by level; drug files are tested monthly;
        // the others once a month); one file in seven stopped being visited some time ago.
        const every = group === 'mental_health' ? [80, 25, 25, 12, 6, 6][Number(level)]! : 30;
        const stop = rand() < 0.15 ? addDays(today, -Math.floor(30 + rand() * 120)) : today;
        const kind = group === 'drug' ? 'test' : 'visit';
        for (let d = addDays(begun, 1 + Math.floor(rand() * 5)); d <= stop; d = addDays(d, every - 3 + Math.floor(rand() * 4))) {
          visit.run(
            newId(),
            id,
            kind,
            d,
            rand() < 0.7 ? '上门' : '电话',
            s.name,
            '情况稳定，无异常',
            kind === 'test' ? '阴性' : null,
            now,
            now,
          );
        }
        syncFollowup(ctx, id);
        ids.push(id);
      }
    })();
    opts.progress?.(`${Math.min(opts.subjects, start + 2000)} / ${opts.subjects}`);
  }
  return ids;
}

const CORRECTION_STORIES = [
  { crime: '盗窃罪', penalty: '有期徒刑', term: '一年，缓刑一年六个月' },
  { crime: '危险驾驶罪', penalty: '拘役', term: '三个月，缓刑六个月' },
  { crime: '故意伤害罪', penalty: '有期徒刑', term: '二年，缓刑三年' },
  { crime: '诈骗罪', penalty: '有期徒刑', term: '三年，假释考验期一年' },
  { crime: '寻衅滋事罪', penalty: '有期徒刑', term: '一年六个月，缓刑二年' },
  { crime: '非法捕捞水产品罪', penalty: '管制', term: '一年' },
  { crime: '交通肇事罪', penalty: '有期徒刑', term: '二年，暂予监外执行' },
] as const;

/**
 * 社区矫正 files as an office keeps them: mostly 缓刑, some 假释, 管制 and 暂予监外执行 (one on 保外就医),
 * received in the last year and a half, reported on time or a few days late, with their 入矫宣告, and
 * the reports, visits and monthly hours of each month since; one a minor's closed file. Entered
 * through the contract, as a user's input would be; returns how many steps were refused (none expected).
 */
export function generateCorrection(host: Host, opts: { files: number; personIds: readonly string[]; seed?: number }): number {
  const rand = rng(opts.seed ?? 20240617);
  const ctx = contextFor(host);
  const today = ctx.clock.today();
  const staffId = (
    ctx.db.prepare("SELECT id FROM staff WHERE kind = 'staff' AND deleted_at IS NULL ORDER BY created_at LIMIT 1").get() as { id: string }
  ).id;
  const villages = (ctx.db.prepare('SELECT id FROM village WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  let refused = 0;
  const call = (method: string, input: unknown): { id: string } | null => {
    const r = invoke(host, method as never, input as never);
    if (!r.ok) refused++;
    return r.ok ? (r.value as never) : null;
  };
  const people = [...new Set(opts.personIds)].slice(-opts.files);
  for (const [n, personId] of people.entries()) {
    const story = CORRECTION_STORIES[n % CORRECTION_STORIES.length]!;
    const category =
      story.penalty === '管制' ? 'control' : story.term.includes('假释') ? 'parole' : story.term.includes('监外') ? 'outside' : 'probation';
    // One in eleven came to the end of its term in the last two months (released, and handed over to
    // 安置帮教); the others run on past today. The term as the judgment gives it.
    const ended = n % 11 === 6;
    const effective = ended ? addDays(today, -420 - Math.floor(rand() * 200)) : addDays(today, -20 - Math.floor(rand() * 520));
    const termEnd = ended ? addDays(today, -5 - Math.floor(rand() * 55)) : addDays(today, 30 + Math.floor(rand() * 400));
    // Records run to the term's end (or today).
    const until = earlierOf(today, addDays(termEnd, 1));
    const level = weighted(rand, [
      ['normal', 70],
      ['strict', 20],
      ['lenient', 10],
    ] as const);
    const file = call('correction.create', {
      personId,
      category,
      ground: category === 'outside' ? 'medical' : null,
      crime: story.crime,
      penaltyType: story.penalty,
      penaltyTerm: story.term,
      decisionOrgan: category === 'parole' ? '某某市中级人民法院' : '某某县人民法院',
      documentType: category === 'parole' ? '裁定书' : category === 'outside' ? '决定书' : '判决书',
      documentNumber: `（${effective.slice(0, 4)}）某0101刑初${100 + n}号`,
      effectiveDate: effective,
      receivedDate: addDays(effective, 1 + Math.floor(rand() * 4)),
      termStart: effective,
      termEnd,
      villageId: pick(rand, villages),
      minor: n === 3,
      responsibleStaffId: staffId,
      level,
    });
    if (!file) continue;
    // Reported within the ten days, one in eight a few days late, and declared the same day.
    const reported = addDays(effective, rand() < 0.875 ? 2 + Math.floor(rand() * 7) : 12 + Math.floor(rand() * 5));
    call('correction.saveReception', {
      id: file.id,
      reportDate: reported,
      reportNote: '本人持法律文书到司法所报到',
      declarationDate: reported,
      declarationHost: '司法所所长',
      declarationAttendees: '村（居）委会干部、家属',
    });
    // Since: reports and visits at the level's cadence, each month's study and public-benefit hours (the
    // month of reporting too), health reports and re-examinations where they apply; now and then one
    // late or short, as in a real office.
    const duty = DEFAULT_LEVEL_TABLE[level];
    const event = (kind: string, date: string, more: Record<string, unknown>) =>
      call('correction.saveEvent', { id: null, fileId: file.id, kind, date, staff: null, ...more });
    const every = (iv: { days?: number; months?: number }, from: string, record: (d: string) => void) => {
      for (let d = from; d < until; d = addInterval(d, iv)) {
        const late = rand() < 0.04 ? 3 + Math.floor(rand() * 10) : 0;
        const on = earlierOf(addDays(d, late - Math.floor(rand() * 3)), addDays(until, -1));
        record(laterOf(on, reported));
      }
    };
    every(duty.report, reported, (d) => event('report', d, { method: '当面报告', content: '报告遵纪守法、接受监督管理情况' }));
    every(duty.visit, reported, (d) =>
      event('visit', d, { method: pick(rand, ['走访', '信息化核查', '实地查访'] as const), content: '在家务农，表现正常' }),
    );
    if (category === 'outside') every({ months: 1 }, reported, (d) => event('health', d, { content: '病情稳定，继续治疗' }));
    if (category === 'outside') every({ months: 3 }, reported, (d) => event('recheck', d, { content: '省级指定医院复查，病情稳定' }));
    for (let m = `${reported.slice(0, 8)}01`; m < until; m = addMonths(m, 1)) {
      const day = laterOf(reported, addDays(m, 9 + Math.floor(rand() * 10)));
      if (day >= until) break;
      const short = rand() < 0.05 ? 2 : 0;
      if (duty.educationHours > 0) event('education', day, { hours: duty.educationHours, content: '集中教育学习：法律法规' });
      if (duty.publicHours > short) event('public', day, { hours: duty.publicHours - short, content: '村内环境整治' });
    }
    // 考核奖惩 as a real office records them: a 训诫 for reporting in a few days late, now and then one for a
    // minor breach; the county's decision a few days after the 司法所's check.
    const step = (kind: string, reason: string, on: string, facts: string) =>
      on < until &&
      call('correction.saveSanction', {
        fileId: file.id,
        kind,
        reason,
        checkDate: on,
        checkFacts: facts,
        decisionDate: earlierOf(addDays(on, 3), addDays(until, -1)),
        decisionNumber: `某司矫训字〔${on.slice(0, 4)}〕${10 + n}号`,
      });
    const deadline = addDays(effective, 10);
    if (reported > deadline && category !== 'outside')
      step('reprimand', 'late_short', addDays(reported, 2), `报到迟延${daysBetween(deadline, reported)}日`);
    else if (n % 9 === 5) step('reprimand', 'rules_minor', addDays(reported, 40), '未经批准离开本县一日');
    else if (n % 13 === 4) step('commend', 'good', addDays(reported, 120), '积极参加公益活动，表现良好');
    if (ended) {
      call('correction.saveAppraisal', {
        fileId: file.id,
        summaryDate: addDays(termEnd, -25),
        appraisalDate: addDays(termEnd, -20),
        opinion: '认罪悔罪，遵守法律法规和监督管理规定，按时报告，积极参加教育学习和公益活动',
      });
      // 解除 at the term's end, handed over to 安置帮教 in the same step.
      call('assistance.fromCorrection', {
        fileId: file.id,
        reason: 'expiry',
        date: termEnd,
        certificateNumber: `某司解矫字〔${termEnd.slice(0, 4)}〕${n}号`,
        declarationDate: termEnd,
        declarationHost: '司法所所长',
        declarationAttendees: '村（居）委会干部、家属',
        handOver: true,
      });
    }
  }
  return refused;
}

/**
 * 安置帮教 files: released over the last two years (one from 社区矫正), most collected and registered with
 * their team, placement and visits at their level's cadence, the 重点 ones collected 必接必送, one
 * released three days ago not yet 衔接, two still to be released (预释放) with the prison's notice, and
 * a few 临时救助 and trainings. Entered through the contract; returns how many steps were refused.
 */
export function generateAssistance(host: Host, opts: { files: number; personIds: readonly string[]; seed?: number }): number {
  const rand = rng(opts.seed ?? 20240618);
  const ctx = contextFor(host);
  const today = ctx.clock.today();
  const staff = ctx.db
    .prepare("SELECT id, name FROM staff WHERE kind = 'staff' AND deleted_at IS NULL ORDER BY created_at LIMIT 1")
    .get() as {
    id: string;
    name: string;
  };
  const villages = (ctx.db.prepare('SELECT id FROM village WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  let refused = 0;
  const call = (method: string, input: unknown): { id: string } | null => {
    const r = invoke(host, method as never, input as never);
    if (!r.ok) refused++;
    return r.ok ? (r.value as never) : null;
  };
  const people = [...new Set(opts.personIds)].slice(0, opts.files);
  for (const [n, personId] of people.entries()) {
    const story = CORRECTION_STORIES[(n + 2) % CORRECTION_STORIES.length]!;
    const pending = n < 2;
    const fresh = n === 2;
    const release = pending ? addDays(today, 10 + n * 12) : fresh ? addDays(today, -3) : addDays(today, -20 - Math.floor(rand() * 700));
    const level = n % 4 === 1 ? 'high' : n % 4 === 3 ? 'medium' : 'normal';
    const file = call('assistance.create', {
      personId,
      crime: story.crime,
      sentence: '有期徒刑二年',
      prison: '某某监狱',
      sentenceStart: addDays(release, -730),
      sentenceEnd: release,
      releaseType: n === 5 ? 'correction_end' : 'expiry',
      releaseDate: release,
      certificateNumber: pending ? null : `释字〔${release.slice(0, 4)}〕${200 + n}号`,
      noticeDate: earlierOf(addDays(release, -30), addDays(today, -1)),
      villageId: pick(rand, villages),
      responsibleStaffId: staff.id,
      level,
    });
    if (!file || pending || fresh) continue;
    const key = level !== 'normal';
    call('assistance.saveHandover', {
      id: file.id,
      familyContactDate: addDays(release, -20),
      state: 'done',
      method: key ? 'escort' : pick(rand, ['family', 'self'] as const),
      returnDate: release,
      receiver: key ? `${staff.name}、村干部` : '家属',
      policeReportDate: addDays(release, 2),
      registerDate: addDays(release, 3),
      key,
    });
    call('assistance.saveTeam', {
      id: file.id,
      agreementDate: addDays(release, 5),
      members: [
        { name: staff.name, role: '司法所工作人员', phone: null },
        { name: makeName(rand, rand() < 0.5), role: '网格员', phone: null },
        { name: makeName(rand, rand() < 0.5), role: '亲属', phone: null },
      ],
    });
    if (addDays(release, 30) < today) {
      const placement = pick(rand, ['employed', 'employed', 'farming', 'business', 'none'] as const);
      call('assistance.savePlacement', {
        id: file.id,
        placement,
        placementDate: addDays(release, 30),
        placementNote: placement === 'none' ? '年老体弱，无劳动能力，已申请低保' : null,
      });
    }
    const every = DEFAULT_ASSISTANCE.visits[level];
    for (let d = addDays(release, 5); d < today; d = addInterval(d, every)) {
      call('assistance.saveRecord', {
        id: null,
        fileId: file.id,
        kind: 'visit',
        date: d,
        method: pick(rand, ['走访', '谈话'] as const),
        content: '思想稳定，家庭和睦，正常务工',
        staff: null,
      });
    }
    if (n % 5 === 4)
      call('assistance.saveRecord', {
        id: null,
        fileId: file.id,
        kind: 'aid',
        date: addDays(release, 10),
        aidType: '临时救助',
        amount: 400,
        content: '生活困难，发放临时救助金',
        staff: null,
      });
    if (n % 5 === 3)
      call('assistance.saveRecord', {
        id: null,
        fileId: file.id,
        kind: 'aid',
        date: addDays(release, 15),
        aidType: '技能培训',
        content: '参加电焊技能培训',
        staff: null,
      });
  }
  return refused;
}

export function runDemo(argv: string[]): void {
  const i = argv.indexOf('--db');
  const path = i >= 0 && argv[i + 1] ? argv[i + 1]! : join(appDataDir(), 'demo-ledger.db');
  if (existsSync(path)) {
    throw new LedgerError('CONFLICT', `演示账本只写入新文件，${path} 已存在，未作任何改动。如需重建，请先删除它或用 --db 指定新文件。`);
  }
  const ledger = openLedger(path);
  try {
    const host = createHost(ledger, { clock: fixedClock(new Date().toISOString().slice(0, 10)) });
    const setup = invoke(host, 'setup.init', {
      townshipName: '高寨乡（演示）',
      townshipShort: '高寨乡',
      county: '演示县',
      operatorName: '王调解',
      operatorPost: '调委会主任',
    });
    if (!setup.ok) throw new LedgerError(setup.error.code, setup.error.message);
    const ctx = contextFor(host);
    ctx.db.prepare("INSERT INTO setting (key, value) VALUES ('demo', 'true')").run();
    const n = Number(argv[argv.indexOf('--disputes') + 1]) || 600;
    const gen = generate(ctx, { persons: n * 2, disputes: n, progress: (m) => process.stdout.write(`\r生成中 ${m}   `) });
    generateFollowup(ctx, {
      subjects: Math.max(50, Math.round(n / 6)),
      personIds: gen.personIds,
      progress: (m) => process.stdout.write(`\r重点人员 ${m}   `),
    });
    process.stdout.write('\r人民调解案件……   ');
    const refused =
      generateMediation(host, { cases: Math.max(40, Math.round(n / 5)), personIds: gen.personIds }) +
      generateCorrection(host, { files: Math.max(12, Math.round(n / 40)), personIds: gen.personIds }) +
      generateCorrectionSupervision(host) +
      generateAssistance(host, { files: Math.max(12, Math.round(n / 40)), personIds: gen.personIds });
    if (refused > 0) console.log(`\n（有 ${refused} 步未被接受，已跳过）`);
    console.log(`\n演示账本已生成：${path}`);
    console.log(`打开方式：npm run web -- --db "${path}"`);
  } finally {
    ledger.close();
  }
}
