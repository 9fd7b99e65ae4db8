"""Rotating backups of the local database, and restoring one.

A restore never deletes the damaged file: it is renamed aside so that nothing
the user had is lost, even if the backup turns out older than they hoped.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

KEEP = 7
PREFIX = "cleardesk-"
SUFFIX = ".db"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def last_backup_age_s(backup_dir: Path) -> float | None:
    backups = list_backups(backup_dir)
    if not backups:
        return None
    return time.time() - backups[0].stat().st_mtime


def make_backup(db_path: Path, backup_dir: Path, keep: int = KEEP) -> Path:
    """Copy ``db_path`` consistently (SQLite online backup) and drop the oldest extras.

    Opens its own connections, so it may run on any thread.
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    for stale in backup_dir.glob("*.partial*"):  # a copy cut off when the app last exited
        stale.unlink(missing_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{PREFIX}{stamp}{SUFFIX}"
    partial = target.with_suffix(".partial")
    src = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst, pages=1024)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    for old in list_backups(backup_dir)[keep:]:
        old.unlink(missing_ok=True)
    return target


def restore_backup(backup: Path, db_path: Path) -> Path:
    """Put ``backup`` in place of ``db_path``; returns where the old file was moved."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():  # a second restore within the same second must not overwrite
        n += 1
        aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
    if db_path.exists():
        db_path.replace(aside)
    for ext in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + ext)
        if side.exists():
            side.replace(aside.with_name(aside.name + ext))
    shutil.copy2(backup, db_path)
    return aside
