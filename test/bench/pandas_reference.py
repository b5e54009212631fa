"""The reference the whole-process benchmark compares against (issue 13): the first three checks
written the way a careful pandas user would, in memory, on the same synthetic CSV, with nothing
stored and no lead files. `npm run bench` runs it with Debian's python3-pandas and prints our
CLI's wall time and peak RSS against this one's.

    python3 test/bench/pandas_reference.py test/bench/data/synthetic-1000000.csv

Prints: unreceipted vouchers, hospitality lines, projects overpaid (none in the synthetic data,
which has no project file), read seconds, total seconds.
"""
import sys
import time

import numpy as np
import pandas as pd

BAN = '2017-02-01'
NOTE_WORDS = '白条|收条|欠条|打条'
HOSPITALITY_ACCOUNTS = '招待|接待'
HOSPITALITY_WORDS = '招待|接待|宴请|宴席|用餐|就餐|聚餐|烟酒|香烟|白酒|酒水|土特产|送礼|礼品|购烟'


def main(path: str) -> None:
    t0 = time.time()
    text = ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '对方单位', '项目编号']
    df = pd.read_csv(path, dtype={c: 'category' for c in text}, engine='c')
    t_read = time.time()

    debit = df['借方金额'].fillna(0).to_numpy()
    credit = df['贷方金额'].fillna(0).to_numpy()
    codes = df['科目编码'].cat.categories.astype(str)
    names = df['科目名称'].cat.categories.astype(str)
    # Cash or bank: codes 101/102 (and sub-accounts) or the account's name, as the engine decides.
    cash = np.asarray(codes.str.startswith(('101', '102')))[df['科目编码'].cat.codes.to_numpy()]
    cash |= np.asarray(names.str.contains('现金|银行存款'))[df['科目名称'].cat.codes.to_numpy()]

    # A voucher is (township, village, year, month, number): numbers restart monthly in many packages.
    dates = df['凭证日期'].cat.categories.astype(str)
    month_of_date = pd.Categorical(dates.str.slice(0, 7)).codes
    month = month_of_date[df['凭证日期'].cat.codes.to_numpy()].astype(np.int64)
    key = ((df['乡镇'].cat.codes.to_numpy().astype(np.int64) * 4096 + df['村'].cat.codes.to_numpy()) * 1_000_000
           + df['凭证号'].cat.codes.to_numpy()) * 512 + month
    voucher, _ = pd.factorize(key)
    n = voucher.max() + 1

    # 白条入账: a voucher that pays cash or bank out with no attachment, or names a note.
    paid = np.bincount(voucher, weights=np.where(cash, credit - debit, 0.0), minlength=n)
    attachments = np.zeros(n)
    np.maximum.at(attachments, voucher, df['附件张数'].fillna(0).to_numpy())
    summaries = df['摘要'].cat.categories.astype(str)
    note_line = np.asarray(summaries.str.contains(NOTE_WORDS))[df['摘要'].cat.codes.to_numpy()]
    note = np.zeros(n, dtype=bool)
    np.logical_or.at(note, voucher, note_line)
    unreceipted = int(((paid > 0) & ((attachments == 0) | note)).sum())

    # 村级招待费: an expense line after the ban with a hospitality account or word.
    after_ban = np.asarray(dates >= BAN)[df['凭证日期'].cat.codes.to_numpy()]
    hosp_account = np.asarray(names.str.contains(HOSPITALITY_ACCOUNTS))[df['科目名称'].cat.codes.to_numpy()]
    hosp_word = np.asarray(summaries.str.contains(HOSPITALITY_WORDS))[df['摘要'].cat.codes.to_numpy()]
    hospitality = int((after_ban & ~cash & (debit > 0) & (hosp_account | hosp_word)).sum())

    # 工程款超付 needs the project file; the synthetic ledger has none, so it finds nothing.
    overpaid = 0
    t_end = time.time()
    print(unreceipted, hospitality, overpaid, round(t_read - t0, 2), round(t_end - t0, 2))


if __name__ == '__main__':
    main(sys.argv[1])
