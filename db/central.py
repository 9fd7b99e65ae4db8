"""Central PostgreSQL: accounts and tokens (admin), and push/pull (as the app role, under RLS).

The admin functions run as the database owner. :func:`as_account` opens a transaction that
runs as ``cleardesk_app`` with ``cleardesk.account`` set, so every read and write inside it is
filtered by the row-level security policies of :mod:`db.central_schema`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import psycopg

from db.central_schema import APP_ROLE

Conn = psycopg.Connection[Any]


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    role: str  # agent | supervisor
    team: str
    disabled: bool = False


@dataclass(frozen=True)
class TokenInfo:
    id: str
    account: Account
    device: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None = None


@dataclass(frozen=True)
class Incoming:
    """A checked change on its way into the log."""

    id: str
    kind: str
    scope: str
    scope_kind: str
    device: str
    hlc: str
    row: dict[str, Any]


@dataclass(frozen=True)
class LogRow:
    xid: int
    seq: int
    kind: str
    device: str
    row: dict[str, Any]


class AdminError(Exception):
    """``code``: exists, no_account, no_token, bad_role, no_team."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


# -- admin (as the owner) --------------------------------------------------------------------

def _account(row: Sequence[Any]) -> Account:
    return Account(str(row[0]), row[1], row[2], row[3], row[4] is not None)


_ACCOUNT_COLS = "id, name, role, team, disabled_at"


def create_account(conn: Conn, name: str, role: str, team: str = "") -> Account:
    if role not in ("agent", "supervisor"):
        raise AdminError("bad_role", role)
    if role == "supervisor" and not team:
        raise AdminError("no_team", "a supervisor oversees a team: give --team")
    try:
        with conn.transaction():
            row = conn.execute(
                f"INSERT INTO accounts(id, name, role, team) VALUES (%s, %s, %s, %s)"
                f" RETURNING {_ACCOUNT_COLS}", (uuid.uuid4(), name, role, team)).fetchone()
    except psycopg.errors.UniqueViolation as exc:
        raise AdminError("exists", name) from exc
    assert row is not None
    return _account(row)


def find_account(conn: Conn, name: str) -> Account:
    row = conn.execute(f"SELECT {_ACCOUNT_COLS} FROM accounts WHERE name = %s",
                       (name,)).fetchone()
    if row is None:
        raise AdminError("no_account", name)
    return _account(row)


def list_accounts(conn: Conn) -> list[Account]:
    rows = conn.execute(f"SELECT {_ACCOUNT_COLS} FROM accounts ORDER BY team, name").fetchall()
    return [_account(r) for r in rows]


def set_account(conn: Conn, name: str, *, team: str | None = None,
                disabled: bool | None = None) -> Account:
    acc = find_account(conn, name)
    with conn.transaction():
        if team is not None:
            conn.execute("UPDATE accounts SET team = %s WHERE id = %s", (team, acc.id))
        if disabled is not None:
            conn.execute("UPDATE accounts SET disabled_at = CASE WHEN %s THEN now() END"
                         " WHERE id = %s", (disabled, acc.id))
    return find_account(conn, name)


def add_token(conn: Conn, account: Account, device: str, expires_at: datetime) -> str:
    token_id = str(uuid.uuid4())
    with conn.transaction():
        conn.execute("INSERT INTO tokens(id, account_id, device, expires_at)"
                     " VALUES (%s, %s, %s, %s)", (token_id, account.id, device, expires_at))
    return token_id


def revoke_token(conn: Conn, token_id: str) -> None:
    with conn.transaction():
        cur = conn.execute("UPDATE tokens SET revoked_at = coalesce(revoked_at, now())"
                           " WHERE id = %s", (token_id,))
    if cur.rowcount == 0:
        raise AdminError("no_token", token_id)


_TOKEN_SQL = f"""
SELECT t.id, t.device, t.created_at, t.expires_at, t.revoked_at,
       a.{', a.'.join(_ACCOUNT_COLS.split(', '))}, t.last_used_at
FROM tokens t JOIN accounts a ON a.id = t.account_id
"""


def _token(row: Sequence[Any]) -> TokenInfo:
    return TokenInfo(str(row[0]), _account(row[5:10]), row[1], row[2], row[3], row[4],
                     row[10])


def list_tokens(conn: Conn, account: Account | None = None) -> list[TokenInfo]:
    if account is None:
        rows = conn.execute(_TOKEN_SQL + " ORDER BY a.name, t.created_at").fetchall()
    else:
        rows = conn.execute(_TOKEN_SQL + " WHERE a.id = %s ORDER BY t.created_at",
                            (account.id,)).fetchall()
    return [_token(r) for r in rows]


# -- requests (as the app role) --------------------------------------------------------------

def serve_as_app(conn: Conn) -> None:
    """Pool ``configure`` hook: every request on this connection runs as the app role."""
    conn.execute(f"SET ROLE {APP_ROLE}")
    conn.commit()


def token_info(conn: Conn, token_id: str) -> TokenInfo | None:
    """The token and its account, or None. Notes when it was last used (at most once a
    minute, so most requests write nothing)."""
    with conn.transaction():
        row = conn.execute(_TOKEN_SQL + " WHERE t.id = %s", (token_id,)).fetchone()
        if row is not None and row[4] is None and (
                row[-1] is None or row[-1] < datetime.now(timezone.utc) - timedelta(minutes=1)):
            conn.execute("UPDATE tokens SET last_used_at = now() WHERE id = %s", (token_id,))
    return _token(row) if row else None


@contextmanager
def as_account(conn: Conn, account: Account) -> Iterator[Conn]:
    """One transaction in which RLS sees ``account`` (and nobody else)."""
    with conn.transaction():
        conn.execute("SELECT set_config('cleardesk.account', %s, true)", (account.id,))
        yield conn


def push(conn: Conn, account: Account, changes: Sequence[Incoming]) -> list[str]:
    """Apply a batch in the caller's transaction. Returns a status per change, in order:
    ``applied``, ``duplicate`` (its id was seen before, or earlier in this batch: nothing
    written), or ``denied`` (the scope belongs to someone this account may not write for,
    or is another kind of thing)."""
    scopes = {c.scope: c.scope_kind for c in changes}
    if scopes:
        ids = list(scopes)
        conn.execute(
            "INSERT INTO scopes(id, kind, owner, team)"
            " SELECT s, k, %s, %s FROM unnest(%s::uuid[], %s::text[]) AS u(s, k)"
            " ON CONFLICT (id) DO NOTHING",
            (account.id, account.team, ids, [scopes[i] for i in ids]))
    visible = {str(r[0]): (r[1], str(r[2]), r[3]) for r in conn.execute(
        "SELECT id, kind, owner, team FROM scopes WHERE id = ANY(%s::uuid[])",
        (list(scopes),)).fetchall()}
    allowed = [(i, c, visible[c.scope]) for i, c in enumerate(changes)
               if c.scope in visible and visible[c.scope][0] == c.scope_kind]
    inserted: set[str] = set()
    if allowed:
        inserted = {str(r[0]) for r in conn.execute(
            "INSERT INTO changes(id, kind, scope, owner, team, author, device, hlc, row)"
            " SELECT i::uuid, k, s::uuid, o::uuid, t, %s, d, h, r::json FROM unnest("
            "   %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::text[],"
            "   %b::text[], %b::text[]) AS u(i, k, s, o, t, d, h, r)"
            " ON CONFLICT (id) DO NOTHING RETURNING id",
            (account.id, [c.id for _, c, _ in allowed], [c.kind for _, c, _ in allowed],
             [c.scope for _, c, _ in allowed], [v[1] for _, _, v in allowed],
             [v[2] for _, _, v in allowed], [c.device for _, c, _ in allowed],
             [c.hlc for _, c, _ in allowed],
             [json.dumps(c.row, ensure_ascii=False) for _, c, _ in allowed])).fetchall()}
    result = ["denied"] * len(changes)
    for i, c, _ in allowed:
        if c.id in inserted:
            result[i] = "applied"
            inserted.discard(c.id)  # a second copy in the same batch is a duplicate
        else:
            result[i] = "duplicate"
    return result


def pull(conn: Conn, account: Account, after: tuple[int, int], limit: int,
         max_bytes: int = 16 * 1024 * 1024) -> tuple[list[LogRow], bool]:
    """Log rows after the cursor, oldest first, that this account may see: up to ``limit``
    rows or about ``max_bytes`` of them (at least one). Returns them and whether more wait.

    Only rows of transactions older than every transaction still running are read
    (``xid < xmin`` of the snapshot): a transaction that commits later can only have a
    larger xid, so a cursor never jumps over a row that is not visible yet.

    An agent reads by owner and a supervisor by team, on the indexes made for it, so a pull
    never walks over the rows of others (RLS still decides what is returned).
    """
    if account.role == "supervisor" and account.team:
        where, key = "team = %s", account.team
    else:
        where, key = "owner = %s", account.id
    rows: list[LogRow] = []
    size, more = 0, False
    with conn.cursor(name="pull") as cur:
        cur.itersize = 200
        cur.execute(
            "SELECT xid::text::bigint, seq, kind, device, row::text, octet_length(row::text)"
            f" FROM changes WHERE {where} AND (xid, seq) > (%s::text::xid8, %s)"
            "   AND xid < pg_snapshot_xmin(pg_current_snapshot())"
            " ORDER BY xid, seq LIMIT %s", (key, str(after[0]), after[1], limit))
        for r in cur:
            if rows and size + int(r[5]) > max_bytes:
                more = True
                break
            size += int(r[5])
            rows.append(LogRow(int(r[0]), int(r[1]), r[2], r[3], json.loads(r[4])))
    return rows, more or len(rows) == limit
