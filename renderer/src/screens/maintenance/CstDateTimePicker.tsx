// A date-and-time picker in Beijing time (cstTime.ts): its values, its "now" and what it shows are
// China Standard Time, not the machine's zone.
import { Button, DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CST_MINUTE_FORMAT, cstPickerValue } from './cstTime';

export interface CstDateTimePickerProps {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
}

export function CstDateTimePicker({ id, value, onChange }: CstDateTimePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <DatePicker
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      open={open}
      onOpenChange={setOpen}
      showTime={{ format: 'HH:mm' }}
      format={CST_MINUTE_FORMAT}
      // antd's 此刻 would be the machine's clock: this one is Beijing's.
      showNow={false}
      allowClear={false}
      renderExtraFooter={() => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            onChange?.(cstPickerValue(new Date()));
            setOpen(false);
          }}
        >
          此刻（北京时间）
        </Button>
      )}
      style={{ width: '100%' }}
    />
  );
}
