"""The central PostgreSQL schema behind ``cleardesk serve``, and its row-level security.

Tables
- ``accounts``: agents and supervisors, with their team.
- ``tokens``: one per workstation; the service checks their signature, expiry and revocation.
- ``scopes``: who owns each case, customer, callback or call (the first account that sent it).
- ``changes``: every change ever pushed, once (``id`` is the workstation's UUIDv7), with the
  transaction that wrote it (``xid``) and a sequence, so pull can read it as a log.

Security: the service connects as the owner (migrations, the admin command) and serves every
request as ``cleardesk_app``, a role that owns nothing and cannot bypass row-level security.
``scopes`` and ``changes`` have RLS enabled *and forced* (so even the owner is held to it). Each
request sets ``cleardesk.account`` for its transaction only; the policies let an account see
and add to the scopes it owns, and a supervisor those of the agents in their team.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import psycopg

APP_ROLE = "cleardesk_app"
# Held while migrating, so several services starting at once migrate one at a time.
MIGRATION_LOCK = 0x436C_4465_736B  # "ClDesk"


def _v1(cur: psycopg.Cursor[Any]) -> None:
    cur.execute("""
        CREATE TABLE accounts (
            id uuid PRIMARY KEY,
            name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
            role text NOT NULL CHECK (role IN ('agent', 'supervisor')),
            team text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL DEFAULT now(),
            disabled_at timestamptz
        );
        CREATE TABLE tokens (
            id uuid PRIMARY KEY,
            account_id uuid NOT NULL REFERENCES accounts(id),
            device text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL DEFAULT now(),
            expires_at timestamptz NOT NULL,
            revoked_at timestamptz,
            last_used_at timestamptz
        );
        CREATE TABLE scopes (
            id uuid PRIMARY KEY,
            kind text NOT NULL,
            owner uuid NOT NULL REFERENCES accounts(id),
            team text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE changes (
            xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
            seq bigserial NOT NULL,
            id uuid PRIMARY KEY,
            kind text NOT NULL,
            scope uuid NOT NULL REFERENCES scopes(id),
            owner uuid NOT NULL,
            team text NOT NULL,
            author uuid NOT NULL REFERENCES accounts(id),
            device text NOT NULL,
            hlc text NOT NULL,
            row json NOT NULL,  -- json, not jsonb: jsonb refuses NUL characters
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE UNIQUE INDEX changes_log ON changes (xid, seq);
        CREATE INDEX changes_scope ON changes (scope);
        -- Pull reads an agent's rows (or a supervisor's team's) in log order: with these, it
        -- never walks over other agents' rows, however many there are.
        CREATE INDEX changes_owner_log ON changes (owner, xid, seq);
        CREATE INDEX changes_team_log ON changes (team, xid, seq);

        -- Who is asking: set by the service for each transaction, never by a client.
        CREATE FUNCTION cleardesk_account() RETURNS uuid LANGUAGE sql STABLE AS $$
            SELECT nullif(current_setting('cleardesk.account', true), '')::uuid $$;
        -- The team a supervisor oversees; null for an agent.
        -- (A supervisor without a team oversees nobody, not every agent without one.)
        CREATE FUNCTION cleardesk_supervised_team() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT nullif(team, '') FROM accounts
             WHERE id = cleardesk_account() AND role = 'supervisor' AND disabled_at IS NULL $$;
        CREATE FUNCTION cleardesk_team() RETURNS text LANGUAGE sql STABLE AS $$
            SELECT team FROM accounts WHERE id = cleardesk_account() $$;

        ALTER TABLE scopes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE scopes FORCE ROW LEVEL SECURITY;
        ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
        ALTER TABLE changes FORCE ROW LEVEL SECURITY;
        -- (SELECT f()): the function runs once per query, not once per row.
        CREATE POLICY scope_read ON scopes FOR SELECT
            USING (owner = (SELECT cleardesk_account())
                   OR team = (SELECT cleardesk_supervised_team()));
        CREATE POLICY scope_claim ON scopes FOR INSERT
            WITH CHECK (owner = (SELECT cleardesk_account())
                        AND team = (SELECT cleardesk_team()));
        CREATE POLICY change_read ON changes FOR SELECT
            USING (owner = (SELECT cleardesk_account())
                   OR team = (SELECT cleardesk_supervised_team()));
        -- A change is added by the account asking, into a scope it may see, owned as the
        -- scope is owned: a crafted row cannot claim another owner or team.
        CREATE POLICY change_add ON changes FOR INSERT
            WITH CHECK (author = (SELECT cleardesk_account()) AND EXISTS (
                SELECT 1 FROM scopes s WHERE s.id = scope AND s.owner = changes.owner
                   AND s.team = changes.team));
    """)
    # No UPDATE or DELETE policies: changes are never rewritten by the service.


def _grants(cur: psycopg.Cursor[Any]) -> None:
    """The app role and what it may do. Run at every start, not only when the schema is
    made: a database restored from a dump brings the tables but not the role or its grant."""
    cur.execute(f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
                CREATE ROLE {APP_ROLE} NOLOGIN NOBYPASSRLS;
            END IF;
            IF NOT pg_has_role(current_user, '{APP_ROLE}', 'MEMBER') THEN
                GRANT {APP_ROLE} TO CURRENT_USER;
            END IF;
        END $$;
        GRANT USAGE ON SCHEMA public TO {APP_ROLE};
        GRANT SELECT ON accounts TO {APP_ROLE};
        GRANT SELECT, UPDATE (last_used_at) ON tokens TO {APP_ROLE};
        GRANT SELECT, INSERT ON scopes, changes TO {APP_ROLE};
        GRANT USAGE ON SEQUENCE changes_seq_seq TO {APP_ROLE};
    """)


MIGRATIONS: list[Callable[[psycopg.Cursor[Any]], None]] = [_v1]
CENTRAL_VERSION = len(MIGRATIONS)


class CentralSchemaError(Exception):
    """The database cannot be used: ``code`` newer_schema, permission."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def central_version(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute(
        "SELECT value FROM cleardesk_meta WHERE key = 'schema_version'").fetchone()
    return int(str(row[0])) if row else 0


def migrate_central(url: str) -> tuple[int, int]:
    """Create or upgrade the central schema. Returns (version before, version now).

    Safe to run from several services at once: an advisory lock serialises them, and all the
    steps run in one transaction, so a failed upgrade leaves the old schema as it was.
    """
    with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS cleardesk_meta"
                     " (key text PRIMARY KEY, value text NOT NULL)")
        start = central_version(conn)
        if start > CENTRAL_VERSION:
            raise CentralSchemaError(
                "newer_schema", f"the database is at version {start}; this service "
                f"knows up to {CENTRAL_VERSION}: upgrade ClearDesk")
        for version in range(start, CENTRAL_VERSION):
            with conn.cursor() as cur:
                MIGRATIONS[version](cur)
            conn.execute(
                "INSERT INTO cleardesk_meta(key, value) VALUES ('schema_version', %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(version + 1),))
        with conn.cursor() as cur:
            _grants(cur)
    return start, CENTRAL_VERSION
