"""The ``cleardesk`` command: ``gui`` (default) and ``selftest``; more come with later issues.

This is the composition root: the only place in ``desk`` allowed to load the Qt UI
(lazily, for the subcommands that need it; see the import-linter contract).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desk import __version__


def _common() -> argparse.ArgumentParser:
    """Options accepted before or after the subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="folder holding the database (default: the user data folder, "
                        "or $CLEARDESK_DATA_DIR)")
    common.add_argument("--lang", choices=["system", "zh_CN", "en"], default=argparse.SUPPRESS,
                        help="user interface language for this run")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(prog="cleardesk", description="ClearDesk complaint desk",
                                     parents=[common])
    parser.add_argument("--version", action="version", version=f"ClearDesk {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", help="open the desk (default)", parents=[common])
    sub.add_parser("selftest", help="open the database, resources and translations; exit 0",
                   parents=[common])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    data_dir, lang = getattr(args, "data_dir", None), getattr(args, "lang", None)
    from ui.app import run_gui, run_selftest  # Qt only for the commands that need it

    if command == "selftest":
        return int(run_selftest(data_dir=data_dir, lang=lang))
    return int(run_gui(data_dir=data_dir, lang=lang, argv=sys.argv[:1]))
