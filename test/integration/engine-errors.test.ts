// One engine error: each refusal carries a code the UI can act on and a catalogue key, translated
// once at the boundary (errorPayload); a missing thing is 'not-found' wherever it is missing.
import { describe, expect, it } from 'vitest';
import { EngineError, errorPayload } from '../../shared/i18n/errors';
import { AuditService } from '../../shared/service';
import { openTempService } from '../helpers';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return errorPayload(e).code;
  }
  throw new Error('expected a refusal');
}

describe('engine errors', () => {
  it('translates an EngineError once, and anything else as an engine error', () => {
    expect(errorPayload(new EngineError('not-found', 'lead.err.not-found', { number: '城南镇-2018-009' }))).toEqual({
      code: 'not-found', message: '找不到线索 城南镇-2018-009', messageEn: 'Lead not found: 城南镇-2018-009',
    });
    expect(errorPayload(new Error('disk full'))).toEqual({ code: 'engine-error', message: '引擎错误：disk full', messageEn: 'Engine error: disk full' });
  });

  it('uses the codes consistently', async () => {
    expect(await codeOf(new AuditService().listFiles())).toBe('no-workspace');
    const { service } = await openTempService();
    const actor = '张审计';
    expect(await codeOf(service.getFinding({ id: 'nope' }))).toBe('not-found');
    expect(await codeOf(service.getCaseLead({ number: 'nope' }))).toBe('not-found');
    expect(await codeOf(service.updateCaseLead({ number: 'nope', actor, patch: {} }))).toBe('not-found');
    expect(await codeOf(service.saveRuleSettings({ rule: 'nope', settings: {} }))).toBe('not-found');
    expect(await codeOf(service.updateRectification({ id: 99, patch: {}, actor }))).toBe('not-found');
    expect(await codeOf(service.saveRectificationEvidence({ evidenceId: 99, path: '/tmp/x' }))).toBe('not-found');
    expect(await codeOf(service.createRectification({ leadNumber: 'nope', actor }))).toBe('not-found');
    expect(await codeOf(service.createRectification({ findingId: 'nope', actor }))).toBe('not-found');
    expect(await codeOf(service.saveRuleSettings({ rule: 'unreceipted', settings: { minAmountFen: -1 } }))).toBe('invalid-arguments');
    expect(await codeOf(service.createRectification({ township: '石板冲乡', actor }))).toBe('invalid-arguments');
    const item = await service.createRectification({ township: '石板冲乡', village: '赵湾村', description: '白条入账', actor });
    expect(await codeOf(service.closeRectification({ id: item.id, actor }))).toBe('invalid-arguments');
    await service.closeRectification({ id: item.id, note: '已整改', actor });
    expect(await codeOf(service.updateRectification({ id: item.id, patch: { measures: 'x' }, actor }))).toBe('conflict');
    expect(await codeOf(service.closeRectification({ id: item.id, note: 'again', actor }))).toBe('conflict');
    await service.closeWorkspace();
  });
});
