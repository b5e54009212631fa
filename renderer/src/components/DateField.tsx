// A date typed or picked as YYYY-MM-DD, the one format of the engine and of the forms, whatever
// the laptop's locale (a native <input type="date"> shows 12/31/2026 on an English Windows).
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

interface Props {
  value: string | null;
  onChange: (date: string | null) => void;
  /** A date that must always be there (a lead's 收到时间) cannot be cleared. */
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function DateField({ value, onChange, required, disabled, testId }: Props) {
  return (
    <DatePicker
      format={FORMAT}
      style={{ width: 150 }}
      value={value ? dayjs(value, FORMAT) : null}
      allowClear={!required}
      disabled={disabled}
      data-testid={testId}
      onChange={(d) => {
        const next = d ? d.format(FORMAT) : null;
        if (next || !required) onChange(next);
      }}
    />
  );
}
