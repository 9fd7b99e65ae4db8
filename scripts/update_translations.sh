#!/usr/bin/env bash
# Extract the translatable UI strings (self.tr / QCoreApplication.translate in ui/*.py) into the
# Qt Linguist catalogues in resources/translations, then translate what is new or unfinished:
#
#   ./scripts/update_translations.sh
#   $EDITOR resources/translations/cleardesk_zh_CN.ts    (or: .venv/bin/pyside6-linguist)
#
# Strings removed from the code are dropped (-no-obsolete). Source locations are written as
# relative line numbers so that unrelated code edits do not churn the .ts files.
# tests/ui/test_translations.py fails while a UI string is missing from either catalogue.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

lupdate=.venv/bin/pyside6-lupdate
[[ -x "$lupdate" ]] || lupdate=.venv/Scripts/pyside6-lupdate.exe  # Git Bash on Windows
[[ -x "$lupdate" ]] || lupdate="$(command -v pyside6-lupdate)"

mkdir -p resources/translations
"$lupdate" -no-obsolete -locations relative -source-language en \
    ui/*.py \
    -ts resources/translations/cleardesk_zh_CN.ts resources/translations/cleardesk_en.ts
