// The registry: every rule the engine runs, in the order reports list them.
import { bannedHospitality } from './banned-hospitality';
import { paymentExceedsAcceptance } from './payment-exceeds-acceptance';
import type { Rule } from './types';
import { unreceipted } from './unreceipted';

export const RULES: Rule[] = [unreceipted, bannedHospitality, paymentExceedsAcceptance] as unknown as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
