// The simulator's own state in its own SQLite (plain SQL: it is a separate system, not the desk's
// schema). In memory by default; a file path keeps msgids, sign-ins and filings across restarts.
import Database from 'better-sqlite3';

const SCHEMA = `
create table if not exists msgids (msgid text primary key, infno text not null, received_at text not null);
create table if not exists sign_ins (
  sign_no text primary key, opter text not null, fixmedins_code text not null, day text not null,
  signed_at text not null, state text not null default 'valid');
create table if not exists filings (
  serial text primary key, kind text not null, infno text not null, msgid text not null,
  psn_no text not null, fixmedins_code text not null, target text not null, insuplc_admdvs text not null,
  begndate text, enddate text, data text not null, opter text not null, opter_name text not null,
  opt_time text not null, status text not null default 'active', cancelled_at text, cancel_reason text, cancel_msgid text);
create index if not exists filings_person on filings (psn_no, kind, target, status, begndate);
create table if not exists exchanges (
  id integer primary key autoincrement, received_at text not null, path text not null, infno text, msgid text,
  opter text, http_status integer not null, infcode integer, err_msg text, fault text, envelope text, duration_ms integer);
create table if not exists counters (name text primary key, value integer not null);
`;

export type FilingKind = 'referral' | 'out_of_area';

export interface SimFiling {
  serial: string;
  kind: FilingKind;
  infno: string;
  msgid: string;
  personNo: string;
  institutionCode: string;
  /** Destination institution (referral) or destination region (out-of-area). */
  target: string;
  insuredRegion: string;
  startDate: string | null;
  endDate: string | null;
  data: Record<string, unknown>;
  operator: string;
  operatorName: string;
  operatedAt: string;
  status: 'active' | 'cancelled';
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface SimExchange {
  id: number;
  receivedAt: string;
  path: string;
  infno: string | null;
  msgid: string | null;
  operator: string | null;
  httpStatus: number;
  infcode: number | null;
  errMsg: string | null;
  fault: string | null;
  envelope: Record<string, unknown> | null;
  durationMs: number | null;
}

interface FilingRow {
  serial: string;
  kind: FilingKind;
  infno: string;
  msgid: string;
  psn_no: string;
  fixmedins_code: string;
  target: string;
  insuplc_admdvs: string;
  begndate: string | null;
  enddate: string | null;
  data: string;
  opter: string;
  opter_name: string;
  opt_time: string;
  status: 'active' | 'cancelled';
  cancelled_at: string | null;
  cancel_reason: string | null;
}

function toFiling(r: FilingRow): SimFiling {
  return {
    serial: r.serial,
    kind: r.kind,
    infno: r.infno,
    msgid: r.msgid,
    personNo: r.psn_no,
    institutionCode: r.fixmedins_code,
    target: r.target,
    insuredRegion: r.insuplc_admdvs,
    startDate: r.begndate,
    endDate: r.enddate,
    data: JSON.parse(r.data) as Record<string, unknown>,
    operator: r.opter,
    operatorName: r.opter_name,
    operatedAt: r.opt_time,
    status: r.status,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

export class SimStore {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path = ':memory:') {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
  }

  /** Prepared once per SQL text: preparing is most of the cost of these small statements. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    this.db.close();
  }

  reset(): void {
    this.db.exec('delete from msgids; delete from sign_ins; delete from filings; delete from exchanges; delete from counters;');
  }

  /** Registers a msgid; false when it was seen before. */
  registerMsgid(msgid: string, infno: string, at: string): boolean {
    const r = this.sql('insert or ignore into msgids (msgid, infno, received_at) values (?, ?, ?)').run(msgid, infno, at);
    return r.changes === 1;
  }

  msgidCount(): number {
    return (this.sql('select count(*) as n from msgids').get() as { n: number }).n;
  }

  next(name: string): number {
    const row = this
      .sql('insert into counters (name, value) values (?, 1) on conflict(name) do update set value = value + 1 returning value')
      .get(name) as { value: number };
    return row.value;
  }

  addSignIn(signNo: string, opter: string, fixmedinsCode: string, day: string, signedAt: string): void {
    this
      .sql('insert into sign_ins (sign_no, opter, fixmedins_code, day, signed_at) values (?, ?, ?, ?, ?)')
      .run(signNo, opter, fixmedinsCode, day, signedAt);
  }

  signIn(signNo: string): { opter: string; fixmedinsCode: string; day: string; state: string } | undefined {
    return this
      .sql('select opter, fixmedins_code as fixmedinsCode, day, state from sign_ins where sign_no = ?')
      .get(signNo) as { opter: string; fixmedinsCode: string; day: string; state: string } | undefined;
  }

  setSignInState(signNo: string, state: 'signed_out' | 'expired'): void {
    this.sql('update sign_ins set state = ? where sign_no = ?').run(state, signNo);
  }

  expireAllSignIns(): number {
    return this.sql("update sign_ins set state = 'expired' where state = 'valid'").run().changes;
  }

  signInCount(): number {
    return (this.sql('select count(*) as n from sign_ins').get() as { n: number }).n;
  }

  addFiling(f: Omit<SimFiling, 'status' | 'cancelledAt' | 'cancelReason'>): void {
    this
      .sql(
        `insert into filings (serial, kind, infno, msgid, psn_no, fixmedins_code, target, insuplc_admdvs, begndate, enddate, data, opter, opter_name, opt_time)
         values (@serial, @kind, @infno, @msgid, @personNo, @institutionCode, @target, @insuredRegion, @startDate, @endDate, @data, @operator, @operatorName, @operatedAt)`,
      )
      .run({ ...f, data: JSON.stringify(f.data) });
  }

  filing(serial: string): SimFiling | undefined {
    const row = this.sql('select * from filings where serial = ?').get(serial) as FilingRow | undefined;
    return row ? toFiling(row) : undefined;
  }

  filings(filter: { kind?: FilingKind; personNo?: string; status?: 'active' | 'cancelled' } = {}): SimFiling[] {
    const where: string[] = [];
    const args: string[] = [];
    for (const [column, value] of [
      ['kind', filter.kind],
      ['psn_no', filter.personNo],
      ['status', filter.status],
    ] as const) {
      if (!value) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const sql = `select * from filings ${where.length ? `where ${where.join(' and ')}` : ''} order by opt_time, serial`;
    return (this.sql(sql).all(...args) as FilingRow[]).map(toFiling);
  }

  /** Active filings of a person (optionally to one target) whose validity overlaps [start, end]; end null = open. */
  activeOverlapping(kind: FilingKind, personNo: string, target: string | null, start: string, end: string | null): SimFiling[] {
    const overlap = `status = 'active' and begndate <= ? and coalesce(enddate, '9999-12-31') >= ?`;
    const rows = (
      target === null
        ? this.sql(`select * from filings where psn_no = ? and kind = ? and ${overlap}`).all(personNo, kind, end ?? '9999-12-31', start)
        : this.sql(`select * from filings where psn_no = ? and kind = ? and target = ? and ${overlap}`).all(personNo, kind, target, end ?? '9999-12-31', start)
    ) as FilingRow[];
    return rows.map(toFiling);
  }

  cancelFiling(serial: string, at: string, reason: string, msgid: string): void {
    this
      .sql("update filings set status = 'cancelled', cancelled_at = ?, cancel_reason = ?, cancel_msgid = ? where serial = ?")
      .run(at, reason, msgid, serial);
  }

  addExchange(e: Omit<SimExchange, 'id'>): void {
    this
      .sql(
        `insert into exchanges (received_at, path, infno, msgid, opter, http_status, infcode, err_msg, fault, envelope, duration_ms)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.receivedAt, e.path, e.infno, e.msgid, e.operator, e.httpStatus, e.infcode, e.errMsg, e.fault, e.envelope ? JSON.stringify(e.envelope) : null, e.durationMs);
  }

  exchanges(filter: { infno?: string; limit?: number } = {}): SimExchange[] {
    const rows = this
      .sql(`select * from exchanges ${filter.infno ? 'where infno = ?' : ''} order by id ${filter.limit ? `limit ${Math.floor(filter.limit)}` : ''}`)
      .all(...(filter.infno ? [filter.infno] : [])) as {
      id: number;
      received_at: string;
      path: string;
      infno: string | null;
      msgid: string | null;
      opter: string | null;
      http_status: number;
      infcode: number | null;
      err_msg: string | null;
      fault: string | null;
      envelope: string | null;
      duration_ms: number | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      path: r.path,
      infno: r.infno,
      msgid: r.msgid,
      operator: r.opter,
      httpStatus: r.http_status,
      infcode: r.infcode,
      errMsg: r.err_msg,
      fault: r.fault,
      envelope: r.envelope ? (JSON.parse(r.envelope) as Record<string, unknown>) : null,
      durationMs: r.duration_ms,
    }));
  }
}
