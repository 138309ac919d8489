// A date picker whose 今天 is today in China (shared/domain/time.ts), not in the machine's zone.
import { Button, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { businessDate } from '../../../shared/domain/time';

export interface BusinessDatePickerProps {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
}

export function BusinessDatePicker({ id, value, onChange }: BusinessDatePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <DatePicker
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      open={open}
      onOpenChange={setOpen}
      format="YYYY-MM-DD"
      allowClear={false}
      showToday={false}
      renderExtraFooter={() => (
        <Button
          type="link"
          block
          onClick={() => {
            onChange?.(dayjs(businessDate(new Date())));
            setOpen(false);
          }}
        >
          今天
        </Button>
      )}
      style={{ width: '100%' }}
    />
  );
}
