// Part of the message catalogue (spread into `messages` in messages.ts). Errors any engine call may
// answer with (EngineError keys of no particular domain). Chinese first, English second;
// placeholders are {name}.

export const errorMessages = {
  'err.no-workspace': { zh: '尚未打开工作区', en: 'No workspace is open' },
  'err.not-found': { zh: '找不到：{what}', en: 'Not found: {what}' },
  'err.invalid-arguments': { zh: '参数无效：{detail}', en: 'Invalid arguments: {detail}' },
  'err.settings': { zh: '规则设置无效：{detail}', en: 'Invalid rule settings: {detail}' },
  'err.engine': { zh: '引擎错误：{detail}', en: 'Engine error: {detail}' },
  'err.forbidden': { zh: '拒绝访问', en: 'Forbidden' },
  'err.no-sample': { zh: '未配置示例区县', en: 'No sample district is configured' },
  'err.sample-failed': { zh: '示例区县未能导入：{message}', en: 'The sample district could not be imported: {messageEn}' },
} as const;
