"""The ``cleardesk`` command: ``gui`` (default), ``selftest``, ``analyze``, ``models``, ``sync``,
``serve`` and ``accounts``.

``desk`` never imports the Qt UI. The UI registers its commands under the entry-point
group ``cleardesk.frontend`` (see pyproject.toml); the bundle passes them in directly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import entry_points

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
    models = sub.add_parser("models", help="list, check, download or install speech models",
                            parents=[common])
    models.add_argument("action", nargs="?", default="list",
                        choices=["list", "check", "download", "install"])
    models.add_argument("target", nargs="?",
                        help="check: model folder or zip; download: model name or language "
                        "(none: show vosk's list); install: zip; list: an extra folder")
    from desk.analyze_cli import add_parser as add_analyze
    from desk.sync.admin import add_parsers as add_server
    from desk.sync.command import add_parser as add_sync

    add_analyze(sub, common)
    add_sync(sub, common)
    add_server(sub, common)
    return parser


Frontend = Mapping[str, Callable[..., int]]
FRONTEND_GROUP = "cleardesk.frontend"


def installed_frontend() -> Frontend:
    """The commands an installed front-end registered (the Qt desk registers gui, selftest)."""
    commands: dict[str, Callable[..., int]] = {}
    for ep in entry_points(group=FRONTEND_GROUP):
        commands.update(ep.load())
    return commands


def main(argv: Sequence[str] | None = None, frontend: Frontend | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    data_dir, lang = getattr(args, "data_dir", None), getattr(args, "lang", None)
    if command == "models":
        from desk.speech.command import run_models  # no Qt, no vosk until a model loads

        return run_models(args.action, args.target, data_dir)
    if command == "analyze":
        from desk.analyze_cli import run as run_analyze

        return run_analyze(args)
    if command in ("serve", "accounts", "sync"):
        from desk.sync import admin
        from desk.sync import command as sync_command

        runners = {"serve": admin.run_serve, "accounts": admin.run_accounts,
                   "sync": sync_command.run}
        return runners[command](args)
    commands = installed_frontend() if frontend is None else frontend
    run = commands.get(command)
    if run is None:
        print(f"cleardesk: no front-end provides '{command}'; reinstall ClearDesk "
              "(pip install -e .)", file=sys.stderr)
        return 2
    return int(run(data_dir=data_dir, lang=lang))
