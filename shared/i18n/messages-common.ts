// Part of the message catalogue (spread into `messages` in messages.ts). What every domain
// uses: how lists and items are joined in each language. Chinese first, English second.

export const commonMessages = {
  /** Between the items of a list: 赵某某、李某某 / 赵某某, 李某某. */
  'fmt.list': { zh: '、', en: ', ' },
  /** Between reasons or entries that are sentences: 附件张数为 0；摘要含“白条”. */
  'fmt.items': { zh: '；', en: '; ' },
} as const;
