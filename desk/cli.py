"""The ``cleardesk`` command: ``gui`` (default) and ``selftest``; more come with later issues.

This is the composition root: the only place in ``desk`` allowed to load the Qt UI
(lazily, for the subcommands that need it; see the import-linter contract).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desk import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleardesk", description="ClearDesk complaint desk")
    parser.add_argument("--version", action="version", version=f"ClearDesk {__version__}")
    parser.add_argument("--data-dir", help="folder holding the database (default: the user "
                        "data folder, or $CLEARDESK_DATA_DIR)")
    parser.add_argument("--lang", choices=["system", "zh_CN", "en"],
                        help="user interface language for this run")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the desk (default)")
    sub.add_parser("selftest", help="open the database, resources and translations; exit 0")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    from ui.app import run_gui, run_selftest  # Qt only for the commands that need it

    if command == "selftest":
        return int(run_selftest(data_dir=args.data_dir, lang=args.lang))
    return int(run_gui(data_dir=args.data_dir, lang=args.lang, argv=sys.argv[:1]))
