// One rule setting, edited according to its default's shape: word lists as tags, money lists
// (…Fen) as amounts in yuan, money as yuan, whole numbers and fractions as numbers, switches,
// dates and other text as text.
import { Input, InputNumber, Select, Switch } from 'antd';
import { fenToDecimalString, parseMoney } from '../../../shared/format/money';
import { YuanInput } from '../components/YuanInput';

interface Props {
  /** The setting's name: money settings end in `Fen` and are edited in yuan. */
  name: string;
  value: unknown;
  fallback: unknown;
  onChange: (v: unknown) => void;
  testId: string;
}

/* eslint-disable no-restricted-syntax -- input, not text shown: the separators Chinese keyboards type */
const WORD_SEPARATORS = [',', '，', ' ', '、'];
const AMOUNT_SEPARATORS = [' ', '，', '、', ';', '；'];
/* eslint-enable no-restricted-syntax */

export function RuleSettingField({ name, value, fallback, onChange, testId }: Props) {
  if (Array.isArray(fallback) && name.endsWith('Fen')) {
    const list = Array.isArray(value) ? (value as number[]) : [];
    return <Select mode="tags" style={{ width: '100%' }} value={list.map(fenToDecimalString)} open={false} tokenSeparators={AMOUNT_SEPARATORS} data-testid={testId}
      onChange={(v: string[]) => onChange(v.map((s) => parseMoney(s)).flatMap((r) => (r.ok && r.fen > 0 ? [r.fen] : [])).sort((a, b) => a - b))} />;
  }
  if (Array.isArray(fallback)) {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return <Select mode="tags" style={{ width: '100%' }} value={list} onChange={(v: string[]) => onChange(v)} data-testid={testId} open={false} tokenSeparators={WORD_SEPARATORS} />;
  }
  if (typeof fallback === 'boolean') {
    return <Switch checked={value === true} onChange={(v) => onChange(v)} data-testid={testId} />;
  }
  if (typeof fallback === 'number' && name.endsWith('Fen')) {
    return <YuanInput fen={typeof value === 'number' ? value : null} onChange={(f) => onChange(f ?? fallback)} testId={testId} width={200} />;
  }
  if (typeof fallback === 'number') {
    const whole = Number.isInteger(fallback);
    return <InputNumber style={{ width: 200 }} value={typeof value === 'number' ? value : undefined} min={0} precision={whole ? 0 : 3} step={whole ? 1 : 0.001}
      onChange={(v) => onChange(v ?? fallback)} data-testid={testId} />;
  }
  return <Input style={{ width: 200 }} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} data-testid={testId} />;
}
