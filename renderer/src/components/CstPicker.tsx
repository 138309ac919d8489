// Pickers in China Standard Time whatever the machine's zone (cstTime.ts): a business date
// (备案日期, 入院日期, …), a date and time (维护窗口) and a range of business dates (the list's
// 备案日期 filter). Their 今天 / 此刻 are Beijing's, not the machine's clock.
import { Button, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { CST_DATE_FORMAT, CST_MINUTE_FORMAT, cstPickerValue, cstToday } from './cstTime';

export interface CstPickerProps {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
}

interface SinglePickerProps extends CstPickerProps {
  withTime: boolean;
}

function CstSinglePicker({ id, value, onChange, withTime }: SinglePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <DatePicker
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      open={open}
      onOpenChange={setOpen}
      {...(withTime ? { showTime: { format: 'HH:mm' }, format: CST_MINUTE_FORMAT } : { format: CST_DATE_FORMAT })}
      // antd's 今天 / 此刻 would be the machine's clock: these are Beijing's.
      showNow={false}
      showToday={false}
      allowClear={false}
      renderExtraFooter={() => (
        <Button
          type="link"
          size="small"
          block
          onClick={() => {
            const now = new Date();
            onChange?.(withTime ? cstPickerValue(now) : cstToday(now));
            setOpen(false);
          }}
        >
          {withTime ? '此刻（北京时间）' : '今天'}
        </Button>
      )}
      style={{ width: '100%' }}
    />
  );
}

/** A business date: sent as its text (cstDateText); 今天 is today in China. */
export function CstDatePicker(props: CstPickerProps) {
  return <CstSinglePicker {...props} withTime={false} />;
}

/** A Beijing wall-clock minute (UTC-mode values, cstText); 此刻 is Beijing's now. */
export function CstDateTimePicker(props: CstPickerProps) {
  return <CstSinglePicker {...props} withTime />;
}

export type CstDateRange = [Dayjs, Dayjs];

export interface CstDateRangePickerProps {
  id?: string;
  value?: CstDateRange | null;
  /** Both ends or none (cleared). */
  onChange?: (value: CstDateRange | null) => void;
  /** The two inputs' accessible names, e.g. 备案日期（起） / 备案日期（止）. */
  labels?: [string, string];
  style?: CSSProperties;
}

/** The presets, computed when one is picked: today, the last 7 and 30 days, this month, in China. */
function presets(): { label: string; value: () => CstDateRange }[] {
  const today = () => cstToday(new Date());
  return [
    { label: '今天', value: () => [today(), today()] },
    { label: '近7天', value: () => [today().subtract(6, 'day'), today()] },
    { label: '近30天', value: () => [today().subtract(29, 'day'), today()] },
    { label: '本月', value: () => [today().startOf('month'), today()] },
  ];
}

/** A range of business dates, both ends included; clearable (no range: no filter). */
export function CstDateRangePicker({ id, value, onChange, labels, style }: CstDateRangePickerProps) {
  return (
    <DatePicker.RangePicker
      id={id === undefined ? undefined : { start: `${id}_from`, end: `${id}_to` }}
      value={value}
      onChange={(next) => onChange?.(next?.[0] && next[1] ? [next[0], next[1]] : null)}
      format={CST_DATE_FORMAT}
      placeholder={labels ?? ['开始日期', '结束日期']}
      presets={presets()}
      allowClear
      style={style}
    />
  );
}
