#!/usr/bin/env bash
# Set up ClearDesk and run it: ./scripts/run.sh [cleardesk arguments, e.g. --lang zh_CN]
# As root it installs the system packages Qt needs with apt-get; otherwise it prints them.
set -euo pipefail
# shellcheck source=scripts/setup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
cd "$CLEARDESK_ROOT"

cleardesk_setup runtime
if [[ -x .venv/bin/cleardesk ]]; then
    exec .venv/bin/cleardesk "$@"
fi
exec .venv/Scripts/cleardesk.exe "$@"  # Git Bash on Windows
