import { migration001 } from './001-initial';
import { migration002 } from './002-leads';
import { migration003 } from './003-voucher-rows';
import { migration004 } from './004-field-formats';
import { migration005 } from './005-line-blocks';
import { migration006 } from './006-rule-coverage';
import { migration007 } from './007-integrity';
import { migration008 } from './008-trail-samples';
import { migration009 } from './009-work-packages';
import type { Migration } from './types';

/** Every schema change, in order. Add a file, add it here; never edit a migration that shipped. */
export const MIGRATIONS: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];
