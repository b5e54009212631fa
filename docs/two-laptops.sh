#!/usr/bin/env bash
# Two laptops' work on the sample district, merged both ways, from the command line (run from the
# repository: bash docs/two-laptops.sh [DIR]). Laptop A has the whole district and works on 赵湾村
# and 城南镇; laptop B has 石板冲乡's ledger only and works on 观山村; both decide 石板冲村's 2017
# finding, the other way round. Their packages are merged both ways: B gets the file it lacked, the
# decisions it had not made, A's leads (two renumbered: their numbers were taken); the conflict is
# listed on both, resolved on A; B rolls the district up.
set -uo pipefail
D=${1:-/tmp/va-two-laptops}; F=fixtures/district
rm -rf "$D"; mkdir -p "$D"
cli() { echo "\$ npm run cli -- $*"; npm run -s cli -- "$@"; echo "(exit $?)"; }
cli audit --ledger $F/shibanchong-ledger-gb18030.csv --ledger $F/chengnan-ledger-utf8.csv --projects $F/projects.csv --cadres $F/cadres.csv --workspace "$D/A.sqlite" --out "$D/outA"
cli audit --ledger $F/shibanchong-ledger-gb18030.csv --projects $F/projects.csv --cadres $F/cadres.csv --workspace "$D/B.sqlite" --out "$D/outB"
ids() { node -e "const f=require(process.argv[1]); console.log(f.filter((x)=>$2).map((x)=>'--finding '+x.id).join(' '))" "$D/outA/findings.json"; }
ZW=$(ids _ "x.village==='赵湾村'"); CN=$(ids _ "x.township==='城南镇'"); GS=$(ids _ "x.village==='观山村'")
X=$(ids _ "x.village==='石板冲村'&&x.date.startsWith('2017')")
cli review --workspace "$D/A.sqlite" $ZW $CN --decision confirmed --reviewer 张审计
cli review --workspace "$D/A.sqlite" $X --decision dismissed --note 已见正式发票 --reviewer 张审计
cli leads --workspace "$D/A.sqlite" --actor 张审计 --source "村级财务审计 第一审计组" > /dev/null
cli review --workspace "$D/B.sqlite" $GS $X --decision confirmed --reviewer 李审计
cli leads --workspace "$D/B.sqlite" --actor 李审计 --source "村级财务审计 第二审计组" > /dev/null
cli handoff --workspace "$D/A.sqlite" --out "$D/handoffA" --township 城南镇 --by 张审计 --no-pdf
export VILLAGE_AUDIT_PACKAGE_PASSWORD=laptop-to-laptop
cli package export --workspace "$D/A.sqlite" --out "$D/A.vapkg" --by 张审计
cli package export --workspace "$D/B.sqlite" --out "$D/B.vapkg" --by 李审计
VILLAGE_AUDIT_PACKAGE_PASSWORD=wrong-password cli package import --workspace "$D/B.sqlite" --file "$D/A.vapkg" --by 李审计
cli package import --workspace "$D/B.sqlite" --file "$D/A.vapkg" --by 李审计
cli package import --workspace "$D/A.sqlite" --file "$D/B.vapkg" --by 张审计
cli conflicts --workspace "$D/A.sqlite"
cli resolve --workspace "$D/A.sqlite" --conflict 1 --decision confirmed --note 复核：发票为后补 --correct-leads --by 王组长
cli rollup --workspace "$D/B.sqlite" --export "$D/全区汇总.xlsx"
cli verify --workspace "$D/A.sqlite"
