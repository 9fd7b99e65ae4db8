"""``cleardesk sync``: sync this workstation once, from the command line.

    cleardesk sync                                  push and pull with the saved server
    cleardesk sync --server https://sync.example:8765 --token-stdin   save, then sync
    cleardesk sync --status                         what is waiting, what was refused
    cleardesk sync --retry-rejected                 queue refused rows again, then sync
    cleardesk sync --off                            forget the server and the token

Exit codes: 0 synced, 1 sync failed (the reason is printed), 2 not set up or bad usage,
3 the database could not be opened.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

EXIT_FAILED, EXIT_USAGE, EXIT_STORE = 1, 2, 3
MESSAGES = {
    "offline": "the server cannot be reached; the changes stay queued",
    "tls": "the server's certificate is not trusted",
    "auth": "the server refused the token; ask for a new one",
    "disabled": "this account is disabled on the server",
    "server": "the server reported an error",
    "protocol": "the server's reply is not what ClearDesk expects (wrong address?)",
    "config": "no server is set: cleardesk sync --server URL --token-stdin",
}


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    sp = sub.add_parser("sync", parents=[common], help="sync with the team's server once")
    sp.add_argument("--server", help="server address to save, e.g. https://host:8765")
    group = sp.add_mutually_exclusive_group()
    group.add_argument("--token", help="workstation token to save (visible in the process "
                       "list; prefer --token-stdin)")
    group.add_argument("--token-stdin", action="store_true", help="read the token from stdin")
    sp.add_argument("--ca-file", help="a CA certificate to trust for this server (default: "
                    "the system's trust store; '' to go back to it)")
    sp.add_argument("--status", action="store_true", help="show the queue and exit")
    sp.add_argument("--retry-rejected", action="store_true",
                    help="queue again what the server refused, then sync")
    sp.add_argument("--off", action="store_true", help="forget the server and the token")


def _err(msg: str) -> None:
    print(f"cleardesk sync: {msg}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from db import outbox
    from db.events import transaction
    from desk.paths import database_path
    from desk.store import Store, StoreError
    from desk.sync import credentials
    from desk.sync.client import SyncClient, SyncError

    try:
        store = Store(database_path(getattr(args, "data_dir", None)))
    except StoreError as exc:
        _err(f"cannot open the database ({exc.code}): {exc.detail}")
        return EXIT_STORE
    try:
        if args.off:
            credentials.save(store, "", "")
            print("sync is off; the token was forgotten")
            return 0
        if args.server or args.token or args.token_stdin or args.ca_file is not None:
            current = credentials.load(store)
            token = sys.stdin.readline().strip() if args.token_stdin else (args.token or "")
            saved = credentials.save(store, args.server or current.url, token or current.token,
                                     args.ca_file)
            print(f"server {saved.url}; token kept in the {saved.token_place}"
                  if saved.token_place != "none" else f"server {saved.url}; no token")
        if args.status:
            waiting = store.call(outbox.pending_count)
            refused = store.call(outbox.rejected)
            settings = credentials.load(store)
            print(f"server: {settings.url or '(none)'}; waiting: {waiting}; "
                  f"refused: {len(refused)}")
            for r in refused:
                print(f"  refused {r['kind']} {r['row_id']}: {r['code']} {r['detail']}")
            return 0
        if args.retry_rejected:
            def requeue(conn: Any) -> int:
                with transaction(conn):
                    return outbox.requeue_rejected(conn)

            print(f"queued again: {store.call(requeue)}")
        settings = credentials.load(store)
        try:
            with SyncClient(store, settings.url, settings.token,
                            ca_file=settings.ca_file) as client:
                result = client.sync()
        except SyncError as exc:
            _err(f"{MESSAGES.get(exc.code, exc.code)} ({exc.detail})" if exc.detail
                 else MESSAGES.get(exc.code, exc.code))
            return EXIT_USAGE if exc.code == "config" else EXIT_FAILED
        except StoreError as exc:
            _err(f"the database failed ({exc.code}): {exc.detail}")
            return EXIT_STORE
        print(f"sent {result.pushed} (already there: {result.duplicates}), "
              f"refused {result.rejected}, received {result.pulled}; "
              f"waiting {store.call(outbox.pending_count)}")
        return EXIT_FAILED if result.rejected else 0
    finally:
        store.close()
