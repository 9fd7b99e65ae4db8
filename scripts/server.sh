#!/usr/bin/env bash
# The central side: ./scripts/server.sh serve --config server.toml
#                   ./scripts/server.sh accounts --config server.toml add li.na --team north
# Installs ClearDesk with its server extra (Starlette, uvicorn, psycopg) into .venv, then runs
# the `cleardesk` command with the arguments given. PostgreSQL itself is set up once by hand
# (README, "Sync").
set -euo pipefail
# shellcheck source=scripts/setup-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup-common.sh"
cd "$CLEARDESK_ROOT"

cleardesk_venv "[server]"
if [[ -x .venv/bin/cleardesk ]]; then
    exec .venv/bin/cleardesk "$@"
fi
exec .venv/Scripts/cleardesk.exe "$@"  # Git Bash on Windows
