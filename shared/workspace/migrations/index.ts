import { migration001 } from './001-initial';
import { migration002 } from './002-leads';
import { migration003 } from './003-voucher-rows';
import { migration004 } from './004-field-formats';
import { migration006 } from './006-rule-coverage';
import type { Migration } from './types';

/**
 * Every schema change, in order. Add a file, add it here; never edit a migration that shipped.
 * 005 is the columnar storage change (another branch); 006 follows it.
 */
export const MIGRATIONS: Migration[] = [migration001, migration002, migration003, migration004, migration006];
