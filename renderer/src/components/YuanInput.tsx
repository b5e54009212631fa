// Money typed in yuan (¥46,200.00), held as integer fen: the text is parsed with the same exact
// decimal rules as the ledgers, never through a float.
import { InputNumber } from 'antd';
import { fenToDecimalString, parseMoney } from '../../../shared/format/money';

/** 1000.1 → 1,000.10: thousands separated, always two decimals (fen). */
function withSeparators(v: string | undefined): string {
  if (v === undefined || v === '') return '';
  const [int = '', frac = ''] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${`${frac}00`.slice(0, 2)}`;
}

interface Props {
  fen: number | null;
  onChange: (fen: number | null) => void;
  disabled?: boolean;
  testId?: string;
  width?: number;
}

export function YuanInput({ fen, onChange, disabled, testId, width = 180 }: Props) {
  return (
    <InputNumber<string>
      stringMode
      min="0"
      precision={2}
      prefix="¥"
      style={{ width }}
      disabled={disabled}
      data-testid={testId}
      value={fen === null ? null : fenToDecimalString(fen)}
      formatter={(v, info) => (info.userTyping ? info.input : withSeparators(v))}
      parser={(v) => (v ?? '').replace(/[,¥\s]/g, '')}
      onChange={(v) => {
        if (v === null || v === '') return onChange(null);
        const r = parseMoney(String(v));
        if (r.ok && r.fen >= 0) onChange(r.fen);
      }}
    />
  );
}
