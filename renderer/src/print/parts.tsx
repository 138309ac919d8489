// Pieces every 备案表 template shares: the copy header (title, copy label, QR and serial), the
// upload/status marks, tick boxes, the four-column table with its field and tick-box rows (national
// and Hefei), the remaining-fields block, signature and stamp areas, footer.
import type { ReactNode } from 'react';
import type { PrintFieldKey, PrintFormDto, TickBox } from '../../../shared/domain/print/form';
import { PRINT_FIELD_KEYS } from '../../../shared/domain/print/form';

/** 年 月 日 with room to write the day by hand (U+3000 ideographic spaces). */
export const BLANK_DATE = '年\u3000\u3000月\u3000\u3000日';

export interface CopyProps {
  dto: PrintFormDto;
  copyLabel: string;
  /** 1-based position of this copy, for "第1联/共2联". */
  copyNo: number;
  qrDataUrl: string;
}

/** A field's value cell content; an empty value leaves the cell blank for handwriting. */
export function Val({ dto, k }: { dto: PrintFormDto; k: PrintFieldKey }) {
  return <span data-field={k}>{dto.fields[k].value}</span>;
}

export function TickBoxes({ boxes }: { boxes: readonly TickBox[] }) {
  return (
    <span className="yb-boxes">
      {boxes.map((b) => (
        <span className="yb-box" key={b.label} data-checked={b.checked ? 'yes' : 'no'}>
          <span className="yb-box-glyph">{b.checked ? '☑' : '☐'}</span>
          {b.label}
          {b.note ? `（${b.note}）` : ''}
        </span>
      ))}
    </span>
  );
}

/** The label / value / label / value table of the national and Hefei forms. */
export function FourColumnTable({ children }: { children: ReactNode }) {
  return (
    <table className="yb-table">
      <colgroup>
        <col style={{ width: '17%' }} />
        <col style={{ width: '33%' }} />
        <col style={{ width: '17%' }} />
        <col style={{ width: '33%' }} />
      </colgroup>
      <tbody>{children}</tbody>
    </table>
  );
}

export interface FieldRowProps {
  dto: PrintFormDto;
  a: PrintFieldKey;
  /** The second pair; without it `a` spans the three value columns. */
  b?: PrintFieldKey;
  /** The paper form's own wording, where it differs from the DTO's label. */
  aLabel?: string;
  bLabel?: string;
  /** A taller row for handwriting or a long value; `long` also lets the value continue on the next page. */
  tall?: boolean;
  long?: boolean;
}

/** One row of the four-column table: two label/value pairs, or one value across the row. */
export function FieldRow({ dto, a, b, aLabel, bLabel, tall = false, long = false }: FieldRowProps) {
  const value = long ? (
    <div className="yb-long">
      <Val dto={dto} k={a} />
    </div>
  ) : (
    <Val dto={dto} k={a} />
  );
  return (
    <tr className={tall || long ? 'yb-tall' : undefined}>
      <th>{aLabel ?? dto.fields[a].label}</th>
      <td colSpan={b ? 1 : 3}>{value}</td>
      {b && (
        <>
          <th>{bLabel ?? dto.fields[b].label}</th>
          <td>
            <Val dto={dto} k={b} />
          </td>
        </>
      )}
    </tr>
  );
}

/** A row of tick boxes across the three value columns. */
export function TickRow({ label, boxes }: { label: string; boxes: readonly TickBox[] }) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={3}>
        <TickBoxes boxes={boxes} />
      </td>
    </tr>
  );
}

export function CopyHeader({ dto, copyLabel, copyNo, qrDataUrl, title }: CopyProps & { title: string }) {
  return (
    <header className="yb-head">
      <div className="yb-head-left">
        <span className="yb-copy-label" data-copy-label>
          {copyLabel}
        </span>
        <div className="yb-copy-no">
          第{copyNo}联／共{dto.copyLabels.length}联
        </div>
        <div className="yb-head-meta">
          <Val dto={dto} k="institutionName" />（<Val dto={dto} k="institutionCode" />）
        </div>
        <div className="yb-head-meta">打印时间：{dto.printedAt}</div>
      </div>
      <div>
        <h1 className="yb-title">{title}</h1>
        <Marks dto={dto} />
      </div>
      <div className="yb-qr">
        <img src={qrDataUrl} alt={`${dto.serial.label} ${dto.serial.value}`} />
        <div>{dto.serial.label}</div>
        <div className="yb-serial-value" data-serial>
          {dto.serial.value}
        </div>
      </div>
    </header>
  );
}

/** 待上传平台 while the filing is not on the platform; 已作废 / 已撤销 for a filing that no longer holds. */
export function Marks({ dto }: { dto: PrintFormDto }) {
  if (!dto.uploadMark && !dto.statusMark) return null;
  return (
    <div className="yb-marks">
      <div className="yb-mark-row">
        {dto.statusMark && (
          <span className="yb-mark" data-mark="status">
            {dto.statusMark}
          </span>
        )}
        {dto.uploadMark && (
          <span className="yb-mark" data-mark="upload">
            {dto.uploadMark}
          </span>
        )}
      </div>
      {dto.uploadMark && <div className="yb-mark-note">尚未上传医保平台；上传后重新打印的表格带备案流水号。</div>}
    </div>
  );
}

/** Non-blank fields a template has no place for: nothing the desk recorded is left off the paper. */
export function unplacedKeys(dto: PrintFormDto, placed: readonly PrintFieldKey[]): PrintFieldKey[] {
  return PRINT_FIELD_KEYS.filter((k) => !placed.includes(k) && dto.fields[k].value !== '');
}

export function ExtraFields({ dto, keys }: { dto: PrintFormDto; keys: readonly PrintFieldKey[] }) {
  return (
    <dl className="yb-extra">
      {keys.map((k) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{dto.fields[k].label}：</dt>
          <dd>
            <Val dto={dto} k={k} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** 经办人 and 经办日期, the signature and date lines, and the stamp box. */
export function SignatureArea({ dto, signer, stampLabel }: { dto: PrintFormDto; signer: string; stampLabel: string }) {
  return (
    <div className="yb-sign" data-sign>
      <div className="yb-sign-lines">
        <div className="yb-handler">
          <span>
            经办人：<Val dto={dto} k="operatorName" />
          </span>
          <span>
            经办日期：<Val dto={dto} k="filingDate" />
          </span>
        </div>
        <div>
          {signer}签字：<span className="yb-line" />
        </div>
        <div>
          日期：<span className="yb-line-short" />年<span className="yb-line-short" />月<span className="yb-line-short" />日
        </div>
      </div>
      <div className="yb-stamp" data-stamp>
        {stampLabel}
        <span className="yb-stamp-date">{BLANK_DATE}</span>
      </div>
    </div>
  );
}
