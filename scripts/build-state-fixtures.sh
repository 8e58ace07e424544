#!/usr/bin/env bash
# Builds tests/fixtures/state/seed002-checked-libreoffice.xlsx: seed002 checked by selfeval, then opened
# and saved again by LibreOffice (which rewrites every part: shared strings for the product's texts, its
# own comment runs, the state sheet "hidden" instead of "very hidden"). Needs LibreOffice (soffice).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm run --silent build:cli
node bin/selfeval.js check tests/fixtures/seed002.xlsx --out "$tmp/checked" >/dev/null || true
mkdir -p "$tmp/lo" tests/fixtures/state
soffice --headless --convert-to xlsx --outdir "$tmp/lo" "$tmp/checked/seed002.xlsx" >/dev/null
cp "$tmp/lo/seed002.xlsx" tests/fixtures/state/seed002-checked-libreoffice.xlsx
echo "wrote tests/fixtures/state/seed002-checked-libreoffice.xlsx"
