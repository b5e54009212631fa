// Part of the message catalogue (spread into `messages` in messages.ts). Case leads, handoffs and
// the rectification ledger as the engine writes them: refusals, generated paragraphs, file columns.
// Chinese first, English second; placeholders are {name}.

export const leadMessages = {
  'rect.close-needs-evidence': { zh: '销号需要整改证据或说明', en: 'Closing an item needs evidence or a note' },
} as const;
