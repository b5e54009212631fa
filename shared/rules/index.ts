// The registry: every rule the engine runs, in the order reports list them (and case leads are numbered).
import { bannedExpense } from './banned-expense';
import { bannedHospitality } from './banned-hospitality';
import { benford } from './benford';
import { cashBalance } from './cash-balance';
import { cashOverLimit } from './cash-over-limit';
import { duplicatePayment } from './duplicate-payment';
import { officerReceivable } from './officer-receivable';
import { paidBeforeAcceptance } from './paid-before-acceptance';
import { paymentExceedsAcceptance } from './payment-exceeds-acceptance';
import { relatedParty } from './related-party';
import { sameHands } from './same-hands';
import { splitProcurement } from './split-procurement';
import { thresholdAvoidance } from './threshold-avoidance';
import type { Rule } from './types';
import { unbalancedVoucher } from './unbalanced-voucher';
import { unreceipted } from './unreceipted';
import { voucherGap } from './voucher-gap';

export const RULES: Rule[] = [
  unreceipted, bannedHospitality, paymentExceedsAcceptance,
  bannedExpense, splitProcurement, thresholdAvoidance, duplicatePayment, relatedParty, paidBeforeAcceptance,
  cashOverLimit, cashBalance, officerReceivable, sameHands, unbalancedVoucher, voucherGap, benford,
] as unknown as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
