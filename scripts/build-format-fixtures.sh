#!/usr/bin/env bash
# The same real table in the formats users send instead of .xlsx: .xls (Excel 97–2003, also what WPS's
# .et is read as) and .ods, saved by LibreOffice from tests/fixtures/seed003.xlsx. Run once; the results
# are committed (the tests do not need LibreOffice to have them).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fixtures/formats
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="file://$tmp/profile"
soffice "-env:UserInstallation=$profile" --headless --norestore --convert-to xls --outdir "$tmp" tests/fixtures/seed003.xlsx
soffice "-env:UserInstallation=$profile" --headless --norestore --convert-to ods --outdir "$tmp" tests/fixtures/seed003.xlsx
cp "$tmp/seed003.xls" "$out/seed003.xls"
cp "$tmp/seed003.xls" "$out/seed003.et"
cp "$tmp/seed003.ods" "$out/seed003.ods"
ls -la "$out"
