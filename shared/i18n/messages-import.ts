// Part of the message catalogue (spread into `messages` in messages.ts). Importing files: row
// errors (file:line:column) and each file's outcome, ledgers, projects and the officers' roster.
// Chinese first, English second; placeholders are {name}.

export const importMessages = {
  // ingest: row errors
  'row.date': { zh: '日期无法识别：应为 2018-03-05、2018/3/5、2018年3月5日 或 20180305 之类的日期', en: 'Unrecognised date: expected a date such as 2018-03-05, 2018/3/5, 2018年3月5日 or 20180305' },
  'row.date.missing': { zh: '日期为空', en: 'Date is empty' },
  'row.money.not-a-number': { zh: '金额无法识别：应为 1234.50、1,234.50、¥1,234.50、-500 或 (500.00) 之类的数字', en: 'Unrecognised amount: expected a number such as 1234.50, 1,234.50, ¥1,234.50, -500 or (500.00)' },
  'row.money.too-many-decimals': { zh: '金额超过两位小数（精确到分）', en: 'Amount has more than two decimals (money is exact to the fen)' },
  'row.money.too-large': { zh: '金额过大', en: 'Amount is too large' },
  'row.voucher.missing': { zh: '凭证号为空', en: 'Voucher number is empty' },
  'row.required': { zh: '“{field}”为空', en: '"{fieldEn}" is empty' },
  'row.count': { zh: '张数应为非负整数', en: 'Count must be a whole number, 0 or more' },
  'row.quantity': { zh: '工程量无法识别：应为数字', en: 'Unrecognised quantity: expected a number' },
  'row.decode': { zh: '无法按 {encoding} 解码（文件编码可能不同，可指定 --encoding gb18030 或 utf-8）', en: 'Cannot be decoded as {encoding} (the file may use another encoding; try --encoding gb18030 or utf-8)' },
  'row.format': { zh: 'CSV 格式错误：{detail}', en: 'Malformed CSV: {detail}' },
  'row.more': { zh: '另有 {count} 处错误未列出', en: '{count} more errors not listed' },
  // ingest: file-level outcomes
  'import.ok': { zh: '已导入 {file}：{rows} 行，跳过合计/余额行 {skipped} 行', en: 'Imported {file}: {rows} lines, {skipped} subtotal/balance rows skipped' },
  'import.duplicate': { zh: '{file} 已导入过（SHA-256 相同），未重复导入', en: '{file} was already imported (same SHA-256); not imported again' },
  'import.rejected': { zh: '{file} 有 {count} 处错误，整个文件未导入，工作区保持不变', en: '{file} has {count} errors; nothing from it was imported and the workspace is unchanged' },
  'import.cancelled': { zh: '已取消导入 {file}，工作区保持不变', en: 'Import of {file} cancelled; the workspace is unchanged' },
  'import.no-header': { zh: '{file}：前 {rows} 行中找不到表头。找到的第一行：{headers}', en: '{file}: no header row among the first {rows} rows. First row found: {headers}' },
  'import.needs-mapping': { zh: '{file}：无法识别这些字段：{missing}。文件中的列：{headers}。请用 --map 字段=列名 指定（或在配置文件 map 中）', en: '{file}: these fields are not recognised: {missingEn}. Columns in the file: {headers}. Map them with --map field=column (or in the config file\'s map)' },
  'import.needs-place': { zh: '{file} 没有“乡镇”或“村”列：请指定 --township 和 --village（每个文件一个村时常见）', en: '{file} has no township or village column: give --township and --village (common when a file holds one village)' },
  'import.bad-map': { zh: '映射“{key}”无效：没有这个字段（可用：{fields}）', en: 'Mapping "{key}" is invalid: no such field (known: {fields})' },
  'import.bad-map-column': { zh: '映射“{key}={column}”无效：文件中没有“{column}”列', en: 'Mapping "{key}={column}" is invalid: the file has no column "{column}"' },
  'import.no-sheet': { zh: '{file} 中没有名为“{sheet}”的工作表（有：{sheets}）', en: '{file} has no sheet named "{sheet}" (it has: {sheets})' },
  'import.unsupported': { zh: '{file}：不支持的文件类型（支持 .csv、.txt、.xlsx）', en: '{file}: unsupported file type (.csv, .txt and .xlsx are supported)' },
  'import.not-found': { zh: '找不到文件 {file}', en: 'File not found: {file}' },
  'cadres.imported': { zh: '已导入村干部名册 {file}：{rows} 人次', en: 'Imported officers roster {file}: {rows} rows' },
  'cadres.term-order': { zh: '任职止早于任职起', en: 'Term end is before term start' },
} as const;
