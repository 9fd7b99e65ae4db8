#!/usr/bin/env bash
# Set up everything and run the whole ClearDesk test suite (ruff + pytest).
#
#   ./scripts/test.sh                 everything, on a fresh Debian/Ubuntu machine too
#   ./scripts/test.sh -m 'not slow'   extra arguments go to pytest
#
# As root it installs the system packages it needs with apt-get; otherwise it prints them.
set -euo pipefail
# shellcheck source=scripts/setup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
cd "$CLEARDESK_ROOT"

cleardesk_setup test
py="$(cleardesk_venv_python)"

status=0
_cd_log "ruff check ."
"$py" -m ruff check . || status=1

_cd_log "pytest $*"
# pytest's own exit code is kept as it is: 5 (no tests collected) is a failure too.
QT_QPA_PLATFORM=offscreen "$py" -m pytest "$@" || status=$?

if ((status != 0)); then
    printf 'FAILED (exit %d)\n' "$status" >&2
fi
exit "$status"
