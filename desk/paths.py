"""Where ClearDesk keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "ClearDesk"
ENV_DATA_DIR = "CLEARDESK_DATA_DIR"
DB_NAME = "cleardesk.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` if given, else ``$CLEARDESK_DATA_DIR``, else the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP, APP, roaming=True))


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    return data_dir(override) / DB_NAME
