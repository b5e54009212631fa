// Part of the message catalogue (spread into `messages` in messages.ts). The app's analytics
// screens (issue 13): the ledger and its context, summaries, sampling, exports and prints of the
// findings, saved filters, undo and the shortcuts. Chinese first, English second; placeholders
// are {name}.

export const uiAnalyticsMessages = {
  'ui.trail.entity.sample': { zh: '抽样', en: 'Sample' },
  'ui.trail.action.sample.draw': { zh: '抽取', en: 'Draw' },
  'ui.trail.action.sample.extend': { zh: '扩充', en: 'Extend' },
} as const;
