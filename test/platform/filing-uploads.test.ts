// Every filing type through the upload queue against the simulator: the interface profile says which
// transaction uploads which type (main/platform/profiles.ts `uploads`); out-of-area types go through
// its out-of-area transaction (simulator stand-ins OA01/OA02/OA03), exactly once, with cancel; a type
// the profile has no transaction for is kept at the desk as 无需上传, visibly, not refused.
import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { FilingType } from '../../shared/domain/filing';
import { businessDate } from '../../shared/domain/time';
import { auditFor } from '../../db/repositories/audit';
import { queueStats } from '../../db/repositories/outbox';
import { NOT_REQUIRED_MESSAGE } from '../../main/sync/mapping';
import { SIM_PERSONS, type SimPerson } from '../../main/platform/sim/seed';
import type { Simulator } from '../../main/platform/sim/server';
import { INSUTYPES, lookupDesk, type LookupDesk, simulatorPerFile, until } from '../lookup/helpers';

let sim: Simulator;
let t: LookupDesk;

simulatorPerFile((started) => (sim = started), () => t);

/** Persons insured normally, each filing gets its own (one active filing per class and person). */
const FILERS = SIM_PERSONS.filter((p) => p.insurances[0]!.status === '1' && INSUTYPES[p.insurances[0]!.insutype] && p.insurances.length === 1).slice(20, 60);
const MATERIALS = ['identity', 'filing_form', 'household_register', 'residence_proof', 'work_proof', 'referral_certificate'];

function detailsFor(type: FilingType, p: SimPerson, looked: boolean): Record<string, unknown> {
  const person = looked ? { personNo: p.personNo, insuredRegion: p.insurances[0]!.insuredRegion } : {};
  const phone = p.phone;
  const today = businessDate(new Date());
  switch (type) {
    case 'retired_resettled':
    case 'long_term_residence':
    case 'resident_work':
      return { destinationRegion: '310000', address: '上海市演练路1号', reason: '随子女居住', phone, ...person };
    case 'temporary_other':
      return { destinationRegion: '310000', reason: '探亲期间就医', phone, ...person };
    case 'emergency':
      return { destinationRegion: '310000', admissionDate: today, caseSummary: '突发胸痛急诊入院', phone, careSetting: 'inpatient', ...person };
    case 'referral':
    case 'cancer_multi_course':
      return {
        destinationRegion: '310000',
        diagnosisCode: 'C34.900',
        diagnosisName: '肺恶性肿瘤',
        referralKind: '1',
        referralReason: '本院无相应诊疗条件',
        phone,
        caseSummary: '咳嗽三月，CT示肺占位',
        destinationInstitution: { code: 'H31010400001', name: '上海演练胸科医院' },
        referralOpinion: '同意转诊',
        ...person,
      };
  }
}

function filing(type: FilingType, n: number, looked = true): RequestOf<'filing.create'> {
  const p = FILERS[n]!;
  return {
    type,
    insuranceType: INSUTYPES[p.insurances[0]!.insutype]!,
    certType: 'id_card',
    certNo: p.certNo,
    personName: p.name,
    startDate: businessDate(new Date()),
    details: detailsFor(type, p, looked),
    materials: MATERIALS,
  } as RequestOf<'filing.create'>;
}

async function desk(options: Parameters<typeof lookupDesk>[1] = {}): Promise<LookupDesk> {
  const d = await lookupDesk(sim, options);
  const r = await d.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, d.admin);
  if (!r.ok) throw new Error(r.message);
  return d;
}

async function create(input: RequestOf<'filing.create'>): Promise<string> {
  const r = await t.desk.dispatch('filing.create', input, t.operator);
  if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fields ?? {})}`);
  return r.value.id;
}

async function drained(): Promise<void> {
  await until(() => {
    const s = queueStats(t.desk.db.db);
    return s.pending + s.inFlight + s.uncertain === 0;
  }, 20_000, 'the queue to drain');
}

function filingRow(id: string) {
  return t.desk.db.sqlite.prepare('select upload_state, platform_serial from filings where id = ?').get(id) as { upload_state: string; platform_serial: string | null };
}

function entriesOf(id: string) {
  return t.desk.db.sqlite.prepare('select kind, status, last_error from outbox where order_key = ? order by seq').all(id) as { kind: string; status: string; last_error: string | null }[];
}

const OUT_OF_AREA: { type: FilingType; code: string }[] = [
  { type: 'retired_resettled', code: '1' },
  { type: 'long_term_residence', code: '2' },
  { type: 'resident_work', code: '3' },
  { type: 'temporary_other', code: '4' },
  { type: 'emergency', code: '4' },
];

describe('uploading every filing type', () => {
  it('sends each out-of-area type once through the profile’s out-of-area transaction with its kind, and referrals as 2501', async () => {
    t = await desk();
    const ids = [];
    for (const [i, { type }] of OUT_OF_AREA.entries()) ids.push(await create(filing(type, i)));
    const referral = await create(filing('referral', 10));
    await drained();

    for (const [i, { code }] of OUT_OF_AREA.entries()) {
      const onPlatform = sim.inspect.outOfArea(FILERS[i]!.personNo);
      expect(onPlatform).toHaveLength(1);
      expect(onPlatform[0]).toMatchObject({ status: 'active', target: '310000' });
      expect((onPlatform[0]!.data as Record<string, string>).rloc_rea).toBe(code);
      expect(filingRow(ids[i]!)).toEqual({ upload_state: 'uploaded', platform_serial: onPlatform[0]!.serial });
    }
    expect(sim.inspect.exchanges({ infno: 'OA01' })).toHaveLength(OUT_OF_AREA.length);
    expect(sim.inspect.referrals(FILERS[10]!.personNo)).toHaveLength(1);
    expect(filingRow(referral).upload_state).toBe('uploaded');
  });

  it('sends Hefei’s cancer sub-type as a referral (2501)', async () => {
    t = await desk();
    const r = await t.desk.dispatch('settings.policy.set', { profileId: 'hefei-2019' }, t.admin);
    expect(r.ok).toBe(true);
    const id = await create(filing('cancer_multi_course', 11));
    await drained();
    expect(sim.inspect.referrals(FILERS[11]!.personNo).map((f) => f.target)).toEqual(['H31010400001']);
    expect(sim.inspect.outOfArea(FILERS[11]!.personNo)).toHaveLength(0);
    expect(filingRow(id).upload_state).toBe('uploaded');
  });

  it('cancels a voided out-of-area filing on the platform with the profile’s cancel transaction', async () => {
    t = await desk();
    const id = await create(filing('long_term_residence', 0));
    await drained();
    // Inside the profile's change lock a void needs a reason and a second person (policy change-lock).
    const override = { reason: '参保人行程取消，申请撤销', reviewerId: t.admin.operatorId };
    const voided = await t.desk.dispatch('filing.void', { id, reason: '参保人改变行程', override }, t.operator);
    expect(voided).toMatchObject({ ok: true });
    await drained();
    expect(sim.inspect.outOfArea(FILERS[0]!.personNo).map((f) => f.status)).toEqual(['cancelled']);
    expect(sim.inspect.exchanges({ infno: 'OA02' })).toHaveLength(1);
    expect(entriesOf(id).map((e) => [e.kind, e.status])).toEqual([
      ['filing.create', 'done'],
      ['filing.cancel', 'done'],
    ]);
    expect(filingRow(id).upload_state).toBe('cancelled');
  });

  it('asks the out-of-area query when the answer was lost and does not file twice', async () => {
    t = await desk();
    sim.faults.set({ drop: { infnos: ['OA01'], remaining: 1 } });
    const id = await create(filing('resident_work', 1));
    await drained();
    expect(sim.inspect.outOfArea(FILERS[1]!.personNo)).toHaveLength(1);
    expect(sim.inspect.exchanges({ infno: 'OA01' })).toHaveLength(1);
    expect(sim.inspect.exchanges({ infno: 'OA03' }).length).toBeGreaterThanOrEqual(1);
    // The stand-in query returns the serial, so the filing is complete and can be cancelled later.
    expect(filingRow(id)).toEqual({ upload_state: 'uploaded', platform_serial: sim.inspect.outOfArea(FILERS[1]!.personNo)[0]!.serial });
  });

  it('sends again after the query shows the lost request never arrived', async () => {
    t = await desk();
    // A gateway envelope: nothing committed, outcome unknown.
    sim.faults.set({ gateway: { style: 'code_msg', infnos: ['OA01'], remaining: 1 } });
    const id = await create(filing('retired_resettled', 2));
    await drained();
    expect(sim.inspect.exchanges({ infno: 'OA01' })).toHaveLength(2);
    expect(sim.inspect.outOfArea(FILERS[2]!.personNo)).toHaveLength(1);
    expect(filingRow(id).upload_state).toBe('uploaded');
  });

  it('keeps a type the profile has no transaction for at the desk as 无需上传, with the reason, sending nothing', async () => {
    t = await desk({ profile: { outOfArea: null, uploads: { referral: { transaction: 'referral' } } } });
    const id = await create(filing('retired_resettled', 3));
    await drained();
    expect(filingRow(id)).toEqual({ upload_state: 'not_required', platform_serial: null });
    expect(entriesOf(id)).toEqual([{ kind: 'filing.create', status: 'cancelled', last_error: NOT_REQUIRED_MESSAGE }]);
    expect(sim.inspect.exchanges({ infno: 'OA01' })).toHaveLength(0);
    expect(auditFor(t.desk.db.db, 'filing', id).some((a) => (a.after as { uploadState?: string } | null)?.uploadState === 'not_required')).toBe(true);
    const detail = await t.desk.dispatch('filing.get', { id }, t.operator);
    expect(detail.ok && detail.value.uploadState).toBe('not_required');
  });

  it('refuses locally, naming the field, an out-of-area filing whose person was typed in by hand', async () => {
    t = await desk();
    const id = await create(filing('temporary_other', 4, false));
    await drained();
    expect(entriesOf(id)).toEqual([{ kind: 'filing.create', status: 'rejected', last_error: expect.stringContaining('缺少人员编号') }]);
    expect(sim.inspect.exchanges({ infno: 'OA01' })).toHaveLength(0);
  });
});
