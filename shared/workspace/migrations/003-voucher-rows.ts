import type { Migration } from './types';

// Where a voucher's lines are: the ledger_rows ids of its first and last line (the importer
// numbers the rows). The rules read a few thousand vouchers' lines by these ranges instead of
// scanning a million rows; vouchers imported before this have none and are read by the scan.
export const migration003: Migration = {
  version: 3,
  name: 'voucher row ranges',
  up: `
    ALTER TABLE vouchers ADD COLUMN first_row INTEGER;
    ALTER TABLE vouchers ADD COLUMN last_row INTEGER;
  `,
};
