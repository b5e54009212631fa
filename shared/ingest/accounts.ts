// Which accounts are cash or bank. Codes changed meaning between the 2004 and 2023 village
// charts of accounts, except 101 (现金 / 库存现金) and 102 (银行存款): key on those and on names.
export function isCashAccount(code: string, name: string): boolean {
  const c = code.trim();
  if (c.startsWith('101') || c.startsWith('102')) return true;
  // eslint-disable-next-line no-restricted-syntax -- account names are data, as the charts of accounts write them
  return name.includes('现金') || name.includes('银行存款');
}
