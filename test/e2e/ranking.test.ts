// The risk ranking on the overview, a rule switched off and on in the settings, and the Benford
// chart: the built renderer in Chromium over a real engine with the sample district.
import { describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { appSuite } from './suite';

const app = appSuite();

async function openSample(s: AppSession): Promise<void> {
  await s.page.getByTestId('ws-sample').click();
  await s.page.getByTestId('overview').waitFor();
}

describe('risk ranking', () => {
  it('ranks the villages, explains a score, shows what could not be checked, and opens the village\'s findings', async () => {
    const session = await app.open();
    const { page, service } = session;
    await openSample(session);
    const ranking = await service.riskRanking();
    const rows = page.getByTestId('risk-ranking').locator('.ant-table-row[data-row-key]');
    await expect.poll(() => rows.count()).toBe(ranking.villages.length);
    expect(await rows.nth(0).getAttribute('data-row-key')).toBe('顺河镇/顺河村');
    expect(await rows.nth(0).getByTestId('risk-score').textContent()).toBe(ranking.villages[0]!.score.toFixed(1));
    expect(await rows.nth(0).getByTestId('risk-coverage').textContent()).toBe('15/16');

    // What makes up 赵湾村's score: the road's overpayment, weighted 3, and the rules that could not check it.
    await page.locator('.ant-table-row[data-row-key="石板冲乡/赵湾村"]').click();
    const explain = page.getByTestId('risk-explain');
    await explain.waitFor();
    const parts = await explain.getByTestId('risk-parts').textContent();
    expect(parts).toContain('工程款超付');
    expect(parts).toContain('¥46,200.00');
    const gaps = await explain.getByTestId('risk-gaps').textContent();
    expect(gaps).toContain('重复支付：缺发票号码列');
    expect(gaps).toContain('首位数字分布异常：付款 219 笔，少于最低样本 300 笔，未检验');
    // A village with no finding is not clean while rules could not check it.
    expect(await page.locator('.ant-table-row[data-row-key="石板冲乡/新河村"]').textContent()).toContain('未完全检查');
    expect(await page.locator('.ant-table-row[data-row-key="顺河镇/柳林村"]').textContent()).toContain('未发现疑点');

    await page.getByTestId('risk-level').getByText('乡镇').click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).getAttribute('data-row-key')).toBe('顺河镇/');
    await page.getByTestId('risk-level').getByText('村').click();

    await page.locator('.ant-table-row[data-row-key="石板冲乡/赵湾村"]').getByTestId('risk-open').click();
    await page.getByTestId('findings-screen').waitFor();
    const expected = (await service.listFindings({ township: ['石板冲乡'], village: ['赵湾村'] })).total;
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected} 个疑点`);
  });

  it('shows a Benford finding\'s first digits against the law in a chart', async () => {
    const session = await app.open();
    const { page, service } = session;
    await openSample(session);
    const f = (await service.listFindings({ rule: ['benford'] })).rows[0]!;
    expect(f.village).toBe('桃园村');
    await page.locator('.ant-table-row[data-row-key="顺河镇/桃园村"]').getByTestId('risk-open').click();
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(f.id);
    const chart = page.getByTestId('benford-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(9);
    expect(await chart.textContent()).toContain('不符合');
  });
});

describe('a rule switched off and on', () => {
  it('takes its findings out of the lists and the ranking, says so, and brings them back with their reviews', async () => {
    const session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const rule = 'duplicate-payment';
    const before = await service.listFindings({ rule: [rule] });
    expect(before.total).toBe(2);
    await service.reviewFindings({ ids: [before.rows[0]!.id], decision: 'confirmed', reviewer: '李审计' });
    await page.locator('[data-nav="settings"]').click();
    const card = page.getByTestId(`rule-${rule}`);
    expect(await card.getByTestId(`rule-detects-${rule}`).textContent()).toContain('同一发票号码出现在两张付款凭证中');
    expect(await card.textContent()).toContain('对方单位、发票号码');
    await card.getByTestId(`rule-enabled-${rule}`).click();
    await page.getByText('设置已保存，规则已重新检查，审核结论均已保留').waitFor();
    await expect.poll(() => card.getAttribute('data-enabled')).toBe('off');
    expect(await card.textContent()).toContain('已关闭');
    expect(await page.getByTestId('settings-rules').textContent()).toContain('重复支付 已关闭');
    expect((await service.listFindings({ rule: [rule] })).total).toBe(0);
    const top = (await service.riskRanking()).villages.find((v) => v.village === '顺河村')!;
    expect(top.gaps.find((g) => g.rule === rule)).toMatchObject({ state: 'off' });
    expect(top.parts.some((p) => p.rule === rule)).toBe(false);

    await card.getByTestId(`rule-enabled-${rule}`).click();
    await expect.poll(() => card.getAttribute('data-enabled')).toBe('on');
    await expect.poll(async () => (await service.listFindings({ rule: [rule] })).total).toBe(2);
    expect((await service.getFinding({ id: before.rows[0]!.id })).status).toBe('confirmed');
  });

  it('edits a rule\'s weight and a list of thresholds in yuan; the ranking follows', async () => {
    const session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const rule = 'threshold-avoidance';
    const score = async () => (await service.riskRanking()).villages.find((v) => v.village === '顺河村')!.parts.find((p) => p.rule === rule)?.points ?? 0;
    const was = await score();
    await page.locator('[data-nav="settings"]').click();
    const card = page.getByTestId(`rule-${rule}`);
    const weight = card.getByTestId(`setting-${rule}-weight`);
    await weight.fill('3');
    const tiers = card.getByTestId(`setting-${rule}-thresholdsFen`);
    expect(await tiers.textContent()).toContain('5000.00');
    await tiers.locator('.ant-select-selection-item-remove').first().click();
    await card.getByTestId(`rule-save-${rule}`).click();
    await page.getByText('设置已保存，规则已重新检查，审核结论均已保留').waitFor();
    const info = (await service.listRules()).find((r) => r.id === rule)!;
    expect(info.settings).toMatchObject({ weight: 3, thresholdsFen: [1_000_000, 10_000_000] });
    await expect.poll(score).toBeCloseTo(was * 3, 1);
  });
});
