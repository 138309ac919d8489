// 新增备案 for every filing type through the real renderer build in Debian's Chromium, against a desk
// in process that files to the platform simulator (as training mode wires it). The desk's region
// (南京) has no seed profile, so it runs national-2022 (six types); the Hefei sub-type is filed after
// the administrator switches the profile. Covered: the 一次性告知 listing every missing item when a
// save is refused, the person lookup (found on the platform; manual entry for unknown persons), the
// destination institution and the diagnosis from their searches, materials with the 承诺书, the
// agent, the computed end dates, Ctrl+N and Ctrl+P after a save. Screenshots in test-artifacts/e2e/.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { addDays, addYears, businessDate } from '../../shared/domain/time';
import { addMonths } from '../../shared/domain/policy';
import type { Desk } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { SIM_NAMED_PERSONS } from '../../main/platform/sim/seed';
import { personIdNumber } from '../helpers/desk';
import { browserLogin, prepareRenderer, settled, shot as pageShot, shotOnFailure, startStation, valueOf, waitOnline, type Station } from './harness';

const STEP_TIMEOUT = 15_000;
const TEST_TIMEOUT = 90_000;

const SETUP: RequestOf<'setup.initialize'> = {
  institutionCode: 'H32010600001',
  institutionName: '南京演练人民医院',
  regionCode: '320100',
  adminUsername: 'admin',
  adminDisplayName: '王管理',
  adminPassword: 'abc12345',
};
/** 王演练 of the simulator's world: 合肥 职工医保, found by 1101. */
const KNOWN = SIM_NAMED_PERSONS[0]!;

let station: Station;
let desk: Desk;
let admin: Session;
let page: Page;
const today = businessDate(new Date());

const shot = (name: string) => pageShot(page, `filing-types-${name}`);

const field = (path: string) => page.locator(`#filing_${path.replaceAll('.', '_')}`);

/** A select or search box: type to filter, Enter takes the top line. */
async function choose(path: string, text: string, shown = text): Promise<void> {
  await field(path).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.ant-select', { has: field(path) }).textContent()).toContain(shown);
}

/** The destination picker: type a place name, Enter takes the top match. */
async function region(path: string, text: string, shown: string): Promise<void> {
  await field(path).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.ant-select', { has: field(path) }).textContent()).toContain(shown);
}

async function date(path: string, value: string): Promise<void> {
  await field(path).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect.poll(() => field(path).inputValue()).toBe(value);
}

async function tick(label: RegExp): Promise<void> {
  await page.getByRole('checkbox', { name: label }).check();
}

/** The person by hand: an unknown number (the platform answers 查无此人), then the name. */
async function person(n: number, name: string, insurance = '职工医保'): Promise<void> {
  await choose('insuranceType', insurance);
  await field('certNo').fill(personIdNumber(n));
  await field('certNo').press('Enter');
  await page.locator('#filing_personName:focus').waitFor();
  await field('personName').fill(name);
}

async function openNewFiling(typeLabel: string): Promise<void> {
  // From the list, so a fresh form opens whatever the previous step left on screen.
  await page.getByText('备案列表', { exact: true }).first().click();
  await page.getByRole('button', { name: '新增备案' }).first().click();
  await page.locator('#filing_insuranceType:focus').waitFor();
  await choose('type', typeLabel);
}

/** Saves with Ctrl+S and returns the saved filing as the desk stores it. */
async function save(): Promise<ResponseOf<'filing.get'>> {
  await page.keyboard.press('Control+S');
  await page.getByText('备案已保存').waitFor();
  const localNo = /\d{8}-\d{4}/.exec((await page.getByTestId('saved-local-no').textContent()) ?? '')![0];
  const row = valueOf(await desk.dispatch('filing.list', { query: localNo }, admin)).items[0]!;
  return valueOf(await desk.dispatch('filing.get', { id: row.id }, admin));
}

async function backToList(): Promise<void> {
  await page.getByRole('button', { name: '返回备案列表' }).click();
  await page.getByText('备案列表', { exact: true }).first().waitFor();
}

beforeAll(async () => {
  prepareRenderer();
  station = await startStation({
    name: 'types',
    setup: SETUP,
    simulator: { port: 0 },
    // The notice's 打印告知单 and the preview print through window.print: record instead of a dialog.
    initScript: 'window.print = function () { (window.top.__printed = window.top.__printed || []).push(document.title); };',
    stepTimeout: STEP_TIMEOUT,
  });
  ({ desk, page } = station);
  admin = station.admin!;
  // The diagnosis catalogue and the institution list come from the platform (as an administrator's 更新目录).
  valueOf(await desk.dispatch('catalogue.refresh', {}, admin));
  await browserLogin(page, SETUP.adminUsername, SETUP.adminPassword, station.host.url);
  // The queue's first probe puts the platform online (the person lookup and the 1201 search need it).
  await waitOnline(desk, admin);
});

afterEach((ctx) => shotOnFailure(ctx, page, 'filing-types', true));

afterAll(() => station?.close());

describe('新增备案 for every filing type (national-2022, then hefei-2019)', () => {
  it('异地安置退休人员: a refused save lists every missing item at once (一次性告知), then it is completed with a 承诺书', async () => {
    await openNewFiling('异地安置退休人员');
    await person(1, '钱安置');
    await page.keyboard.press('Control+S');

    const notice = page.getByTestId('one-time-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const item of ['请选择安置地', '请填写安置地居住地址', '请填写异地安置原因', '请填写联系电话', '请提供有效身份证件或医保电子凭证或社会保障卡', '请提供《异地就医登记备案表》', '居民户口簿']) {
      expect(text).toContain(item);
    }
    expect(await notice.locator('li').count()).toBeGreaterThanOrEqual(7);
    expect(text).toContain('暂不能保存');
    expect(text).toContain('（或签署个人承诺书）');
    // The first field to fix has focus; the desk stored nothing.
    await page.locator('#filing_details_destinationRegion:focus').waitFor();
    expect(valueOf(await desk.dispatch('filing.list', { query: '钱安置' }, admin)).total).toBe(0);
    await shot('01-notice');
    await notice.getByRole('button', { name: '打印告知单' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __printed?: string[] }).__printed ?? [])).toContain('一次性告知（钱安置 · 异地安置退休人员）');

    await region('details.destinationRegion', '上海', '上海市');
    await field('details.address').fill('上海市演练路8号');
    await field('details.reason').fill('随子女异地安置');
    await field('details.phone').fill('13800000101');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await tick(/^个人承诺书（代替/);
    await expect.poll(() => page.getByTestId('computed-end-date').textContent()).toContain('长期有效');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'retired_resettled', endDate: null, destinationRegion: '310000' });
    expect(saved.details).toMatchObject({ address: '上海市演练路8号', materials: ['identity', 'filing_form', 'personal_commitment'] });
    await shot('02-retired-saved');
    await backToList();
  }, TEST_TIMEOUT);

  it('异地长期居住人员 (居民医保, 居住证 as proof)', async () => {
    await openNewFiling('异地长期居住人员');
    await person(2, '孙居住', '居民医保');
    await region('details.destinationRegion', '杭州', '杭州市');
    await field('details.address').fill('杭州市演练路2号');
    await field('details.reason').fill('长期随配偶居住');
    await field('details.phone').fill('13800000102');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await tick(/居住证/);
    await shot('03-long-term-residence');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'long_term_residence', insuranceType: 'resident', destinationRegion: '330100' });
    await backToList();
  }, TEST_TIMEOUT);

  it('常驻异地工作人员, Ctrl+N from the saved notice starts the next one', async () => {
    await openNewFiling('常驻异地工作人员');
    await person(3, '李工作');
    await region('details.destinationRegion', '北京', '北京市');
    await field('details.address').fill('北京市演练路3号');
    await field('details.reason').fill('单位派驻北京分公司');
    await field('details.phone').fill('13800000103');
    await field('details.employer').fill('南京演练软件公司');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await tick(/派出凭证/);
    const saved = await save();
    expect(saved).toMatchObject({ type: 'resident_work', destinationRegion: '110000' });
    expect(saved.details).toMatchObject({ employer: '南京演练软件公司' });

    await page.keyboard.press('Control+N');
    await page.locator('#filing_insuranceType:focus').waitFor();
    expect(await page.locator('.ant-select', { has: field('type') }).textContent()).toContain('常驻异地工作人员');
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByText('备案列表', { exact: true }).first().waitFor();
  }, TEST_TIMEOUT);

  it('异地转诊人员: the person found on the platform, institution and diagnosis from their searches, printed with Ctrl+P', async () => {
    await page.getByRole('button', { name: '新增备案' }).first().click();
    await page.locator('#filing_insuranceType:focus').waitFor();
    expect(await page.locator('.ant-select', { has: field('type') }).textContent()).toContain('异地转诊人员');
    const kb = page.keyboard;
    await kb.press('Enter'); // opens 险种类别
    await kb.press('Enter'); // 职工医保
    await page.locator('#filing_certType:focus').waitFor();
    await kb.press('Enter');
    await page.locator('#filing_certNo:focus').waitFor();
    await kb.type(KNOWN.certNo); // a card reader: the number, then Enter
    await kb.press('Enter');
    // Found: the name is the platform's, and Enter went on to 开始日期.
    await page.locator('#filing_startDate:focus').waitFor();
    expect(await field('personName').inputValue()).toBe(KNOWN.name);
    expect(await page.getByTestId('person-lookup').textContent()).toContain(KNOWN.personNo);
    await kb.press('Enter');
    await page.locator('#filing_details_destinationRegion:focus').waitFor();
    await kb.type('上海');
    await kb.press('Enter');
    await page.locator('#filing_details_destinationInstitution_name:focus').waitFor();
    await kb.type('胸科');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '上海演练胸科医院' }).waitFor();
    await kb.press('ArrowDown');
    await kb.press('Enter');
    await page.locator('#filing_details_transferringInstitution_name:focus').waitFor();
    expect(await page.getByTestId('filing_details_destinationInstitution_name_code').inputValue()).toBe('H31010400001');
    expect(await field('details.transferringInstitution.name').inputValue()).toBe(SETUP.institutionName); // the desk's own hospital
    await kb.press('Enter');
    await page.locator('#filing_details_diagnosisName:focus').waitFor();
    await kb.type('肺恶性');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'C34.900' }).waitFor();
    await kb.press('ArrowDown');
    await kb.press('Enter');
    await page.locator('#filing_details_diagnosisCode:focus').waitFor();
    expect(await field('details.diagnosisCode').inputValue()).toBe('C34.900');
    await kb.press('Enter');
    await page.locator('#filing_details_caseSummary:focus').waitFor();
    await kb.type('右肺占位，需放疗');
    await kb.press('Enter');
    await page.locator('#filing_details_referralKind:focus').waitFor();
    await kb.press('Enter');
    await kb.press('Enter');
    await page.locator('#filing_details_referralReason:focus').waitFor();
    await kb.type('本院无放疗条件');
    await kb.press('Enter');
    await kb.type('同意转诊');
    await kb.press('Enter');
    await page.locator('#filing_details_phone:focus').waitFor();
    await kb.type('13800000104');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await tick(/转诊转院材料/);
    await expect.poll(() => page.getByTestId('computed-end-date').textContent()).toBe(addMonths(today, 6));
    await shot('04-referral-filled');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'referral', personName: KNOWN.name, destinationRegion: '310000', endDate: addMonths(today, 6) });
    expect(saved.details).toMatchObject({
      personNo: KNOWN.personNo,
      insuredRegion: '340100',
      destinationInstitution: { code: 'H31010400001', name: '上海演练胸科医院' },
      destinationInstitutionCode: 'H31010400001',
      diagnosisCode: 'C34.900',
      diagnosisName: '肺恶性肿瘤',
      transferringInstitution: { code: SETUP.institutionCode, name: SETUP.institutionName },
      referralOpinion: '同意转诊',
    });

    await page.keyboard.press('Control+P');
    await page.getByTestId('print-screen').waitFor();
    await shot('05-referral-print');
    await page.keyboard.press('Escape');
    await page.getByTestId('print-screen').waitFor({ state: 'detached' });
    await backToList();
  }, TEST_TIMEOUT);

  it('异地急诊抢救人员: admission date, care setting, free-text diagnosis, ends at discharge', async () => {
    await openNewFiling('异地急诊抢救人员');
    await person(5, '周急诊', '居民医保');
    await region('details.destinationRegion', '广州', '广州市');
    await date('details.admissionDate', addDays(today, -1));
    await field('details.caseSummary').fill('突发胸痛，急诊入院');
    await field('details.phone').fill('13800000105');
    await choose('details.careSetting', '急诊住院');
    await field('details.diagnosisName').fill('胸痛待查');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await expect.poll(() => page.getByTestId('computed-end-date').textContent()).toContain('出院');
    await shot('06-emergency');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'emergency', insuranceType: 'resident', destinationRegion: '440100', endDate: null });
    expect(saved.details).toMatchObject({ admissionDate: addDays(today, -1), careSetting: 'inpatient', caseSummary: '突发胸痛，急诊入院', diagnosisName: '胸痛待查' });
    await backToList();
  }, TEST_TIMEOUT);

  it('其他临时外出就医人员 filed by an agent (代办人)', async () => {
    await openNewFiling('其他临时外出就医人员');
    await person(6, '吴外出');
    await region('details.destinationRegion', '成都', '成都市');
    await field('details.reason').fill('赴外地探亲期间就医');
    await field('details.phone').fill('13800000106');
    await tick(/有效身份证件/);
    await tick(/异地就医登记备案表/);
    await page.getByRole('checkbox', { name: '他人代办（代办人办理）' }).check();
    await field('agent.name').fill('吴代办');
    await field('agent.certNo').fill(personIdNumber(60));
    await field('agent.phone').fill('13800000160');
    // By mouse: Enter in 与参保人关系, the last field of the Enter order, would save at once.
    await field('agent.relation').click();
    const child = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '子女' });
    await child.waitFor();
    await page.waitForFunction(settled); // the list's opening motion
    await child.click();
    await expect.poll(() => page.locator('.ant-select', { has: field('agent.relation') }).textContent()).toContain('子女');
    await expect.poll(() => page.getByTestId('computed-end-date').textContent()).toBe(addMonths(today, 6));
    await shot('07-temporary-agent');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'temporary_other', destinationRegion: '510100', endDate: addMonths(today, 6) });
    expect(saved.details).toMatchObject({ agent: { name: '吴代办', certType: 'resident_id', certNo: personIdNumber(60), phone: '13800000160', relation: 'child' } });
    await backToList();
  }, TEST_TIMEOUT);

  it('恶性肿瘤放化疗等分疗程多次住院人员 once the institution uses the Hefei profile (valid one year)', async () => {
    valueOf(await desk.dispatch('settings.policy.set', { profileId: 'hefei-2019' }, admin));
    await openNewFiling('恶性肿瘤放化疗');
    await person(7, '郑疗程');
    await region('details.destinationRegion', '上海', '上海市');
    await field('details.diagnosisName').fill('乳腺恶性肿瘤');
    await choose('details.referralKind', '转外省就医');
    await field('details.referralReason').fill('分疗程放化疗');
    await field('details.phone').fill('13800000107');
    await tick(/有效身份证件/);
    await tick(/转诊转院材料/);
    await expect.poll(() => page.getByTestId('computed-end-date').textContent()).toBe(addYears(today, 1));
    await shot('08-cancer-hefei');
    const saved = await save();
    expect(saved).toMatchObject({ type: 'cancer_multi_course', destinationRegion: '310000', endDate: addYears(today, 1) });
    await backToList();

    // Every type is in the list, each once.
    const listed = valueOf(await desk.dispatch('filing.list', { pageSize: 50 }, admin)).items.map((f) => f.type);
    expect([...listed].sort()).toEqual(['cancer_multi_course', 'emergency', 'long_term_residence', 'referral', 'resident_work', 'retired_resettled', 'temporary_other']);
    await shot('09-list');
  }, TEST_TIMEOUT);
});
