// One rule setting, edited according to its default's shape: word lists as tags, numbers as
// numbers, dates and other text as text.
import { Input, InputNumber, Select } from 'antd';
import { YuanInput } from '../components/YuanInput';

interface Props {
  /** The setting's name: money settings end in `Fen` and are edited in yuan. */
  name: string;
  value: unknown;
  fallback: unknown;
  onChange: (v: unknown) => void;
  testId: string;
}

export function RuleSettingField({ name, value, fallback, onChange, testId }: Props) {
  if (Array.isArray(fallback)) {
    const list = Array.isArray(value) ? (value as string[]) : [];
    // eslint-disable-next-line no-restricted-syntax -- input, not text shown: the full-width comma Chinese keyboards type
    return <Select mode="tags" style={{ width: '100%' }} value={list} onChange={(v: string[]) => onChange(v)} data-testid={testId} open={false} tokenSeparators={[',', '，', ' ']} />;
  }
  if (typeof fallback === 'number' && name.endsWith('Fen')) {
    return <YuanInput fen={typeof value === 'number' ? value : null} onChange={(f) => onChange(f ?? fallback)} testId={testId} width={200} />;
  }
  if (typeof fallback === 'number') {
    return <InputNumber style={{ width: 200 }} value={typeof value === 'number' ? value : undefined} min={0} precision={0} onChange={(v) => onChange(v ?? fallback)} data-testid={testId} />;
  }
  return <Input style={{ width: 200 }} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}
