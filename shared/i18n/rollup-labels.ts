// What a roll-up row is called where the app, the command line and the workbook show it: its
// group (or the district), and its village or which total it is.
import type { Lang, RollupRow } from '../contract';
import { t } from './messages';

export function rollupGroupLabel(x: RollupRow, lang: Lang): string {
  return x.group || t(lang, 'rollup.district');
}

export function rollupPlaceLabel(x: RollupRow, lang: Lang): string {
  return x.village || t(lang, x.township ? 'rollup.subtotal' : x.group ? 'rollup.group-total' : 'rollup.district-total');
}
