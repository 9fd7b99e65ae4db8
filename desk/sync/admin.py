"""``cleardesk serve`` and ``cleardesk accounts``: run the service, manage accounts and tokens.

    cleardesk serve    --config server.toml
    cleardesk accounts --config server.toml add li.na --role agent --team north
    cleardesk accounts --config server.toml token li.na --device "desk 12" --days 365
    cleardesk accounts --config server.toml revoke <token id>
    cleardesk accounts --config server.toml list | tokens [name] | disable name | enable name
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from typing import Any

DEFAULT_TOKEN_DAYS = 365


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    server_opts = argparse.ArgumentParser(add_help=False)
    server_opts.add_argument("--config", help="server configuration file (TOML); the "
                             "environment (CLEARDESK_DATABASE_URL...) overrides it")
    serve = sub.add_parser("serve", help="run the sync service in front of PostgreSQL",
                           parents=[common, server_opts])
    serve.add_argument("--listen", help="host:port (default 127.0.0.1:8765)")
    acc = sub.add_parser("accounts", help="agents, supervisors and workstation tokens",
                         parents=[common, server_opts])
    actions = acc.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--role", choices=["agent", "supervisor"], default="agent")
    add.add_argument("--team", default="")
    actions.add_parser("list", help="all accounts")
    tok = actions.add_parser("token", help="issue a workstation token (printed once)")
    tok.add_argument("name")
    tok.add_argument("--device", default="", help="a label: which workstation has it")
    tok.add_argument("--days", type=int, default=DEFAULT_TOKEN_DAYS)
    lst = actions.add_parser("tokens", help="tokens, of one account or all")
    lst.add_argument("name", nargs="?")
    rev = actions.add_parser("revoke", help="revoke a token at once")
    rev.add_argument("token_id")
    for name, text in (("disable", "refuse all tokens of an account"),
                       ("enable", "accept an account's tokens again")):
        actions.add_parser(name, help=text).add_argument("name")
    team = actions.add_parser("team", help="move an account to a team")
    team.add_argument("name")
    team.add_argument("team")


def _config(args: argparse.Namespace, command: str) -> Any:
    """The server configuration, or None after saying in one line what to change."""
    from desk.sync.config import ConfigError, load_config

    try:
        return load_config(args.config)
    except ConfigError as exc:
        print(f"cleardesk {command}: {exc}", file=sys.stderr)
        return None


def run_serve(args: argparse.Namespace) -> int:
    from desk.sync.config import ConfigError

    config = _config(args, "serve")
    if config is None:
        return 2
    if args.listen:
        from dataclasses import replace

        from desk.sync.config import _listen

        try:
            host, port = _listen(args.listen)
        except ConfigError as exc:
            print(f"cleardesk serve: {exc}", file=sys.stderr)
            return 2
        config = replace(config, host=host, port=port)
    import logging

    import psycopg

    from db.central_schema import CentralSchemaError
    from desk.sync.server import serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        serve(config)
    except (psycopg.OperationalError, CentralSchemaError) as exc:
        print(f"cleardesk serve: cannot use the database: {exc}", file=sys.stderr)
        return 1
    return 0


def _print_token(t: Any) -> None:
    state = ("revoked " + t.revoked_at.isoformat(timespec="minutes") if t.revoked_at
             else "expires " + t.expires_at.date().isoformat())
    used = t.last_used_at.isoformat(timespec="minutes") if t.last_used_at else "never"
    print(f"{t.id}  {t.account.name:20}  {t.device or '-':16}  {state}  last used {used}")


def run_accounts(args: argparse.Namespace) -> int:
    import psycopg

    from db import central
    from desk.sync.tokens import make_token

    config = _config(args, "accounts")
    if config is None:
        return 2
    from db.central_schema import migrate_central

    try:
        migrate_central(config.database_url)
        with psycopg.connect(config.database_url, autocommit=True) as conn:
            if args.action == "add":
                acc = central.create_account(conn, args.name, args.role, args.team)
                print(f"created {acc.role} {acc.name} (team {acc.team or '-'})")
            elif args.action == "list":
                for acc in central.list_accounts(conn):
                    flag = "  disabled" if acc.disabled else ""
                    print(f"{acc.name:20}  {acc.role:10}  {acc.team or '-'}{flag}")
            elif args.action == "token":
                if args.days < 1:
                    print("cleardesk accounts: --days must be at least 1", file=sys.stderr)
                    return 2
                acc = central.find_account(conn, args.name)
                expires = int(time.time()) + args.days * 86400
                token_id = central.add_token(
                    conn, acc, args.device, datetime.fromtimestamp(expires, timezone.utc))
                print(make_token(config.token_secret, token_id, expires))
                print(f"token {token_id} for {acc.name}: enter it in the workstation's "
                      "Settings → Sync; it is not shown again", file=sys.stderr)
            elif args.action == "tokens":
                owner = central.find_account(conn, args.name) if args.name else None
                for t in central.list_tokens(conn, owner):
                    _print_token(t)
            elif args.action == "revoke":
                central.revoke_token(conn, args.token_id)
                print(f"revoked {args.token_id}")
            elif args.action in ("disable", "enable"):
                central.set_account(conn, args.name, disabled=args.action == "disable")
                print(f"{args.action}d {args.name}")
            elif args.action == "team":
                central.set_account(conn, args.name, team=args.team)
                print(f"{args.name} is in team {args.team}")
    except central.AdminError as exc:
        messages = {"exists": "an account with that name exists",
                    "no_account": "no such account", "no_token": "no such token",
                    "bad_role": "role must be agent or supervisor",
                    "no_team": "a supervisor needs a team"}
        print(f"cleardesk accounts: {messages.get(exc.code, exc.code)}: {exc.detail}",
              file=sys.stderr)
        return 1
    except psycopg.Error as exc:
        print(f"cleardesk accounts: database error: {exc}", file=sys.stderr)
        return 1
    return 0
