"""``cleardesk serve``: the stateless HTTP sync service (Starlette on uvicorn, psycopg pool).

Endpoints (JSON; ``Authorization: Bearer <token>`` except health):

- ``GET  /v1/health``  → ``{"ok": true, "schema": n}`` when the database answers.
- ``GET  /v1/whoami``  → the account of the token.
- ``POST /v1/push``    ``{"device": d, "changes": [{"kind", "row"}...]}`` → one result per
  change, in order: ``{"id", "status": applied|duplicate|rejected|denied, "code"?}``. The whole
  batch is one PostgreSQL transaction; a change seen before is ``duplicate`` and nothing is
  written, so a retry after any cut is harmless.
- ``GET  /v1/pull?cursor=x:s&limit=n&device=d`` → ``{"changes", "cursor", "more"}``.

Errors: 400 malformed JSON or cursor, 401 missing/forged/expired/revoked token, 403 disabled
account, 413 body or batch too large, 422 wrong shape, 503 database unavailable. Each carries
``{"error": code, "detail": text}``. The database work runs on Starlette's thread pool.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from db import central
from db.central_schema import CENTRAL_VERSION, migrate_central
from desk.redact import find_pii
from desk.sync import protocol as p
from desk.sync.config import ServerConfig
from desk.sync.tokens import TokenError, read_token

log = logging.getLogger("cleardesk.serve")


class HttpError(Exception):
    def __init__(self, status: int, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.status, self.code, self.detail = status, code, detail


def _error(exc: HttpError) -> JSONResponse:
    return JSONResponse({"error": exc.code, "detail": exc.detail}, status_code=exc.status)


class SyncService:
    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        # A connection is checked as it is taken (a database restart leaves stale ones), and a
        # request waits at most 5 s for one before it is answered 503.
        self.pool = ConnectionPool(config.database_url, min_size=1, max_size=config.pool_size,
                                   configure=central.serve_as_app, open=False, timeout=5,
                                   check=ConnectionPool.check_connection,
                                   kwargs={"application_name": "cleardesk-serve"})

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        before, now = migrate_central(self.config.database_url)
        if before != now:
            log.info("central schema migrated from version %d to %d", before, now)
        self.pool.open(wait=True, timeout=30)

    def stop(self) -> None:
        self.pool.close()

    # -- helpers (worker threads) -----------------------------------------------------------
    def _authenticate(self, request: Request) -> central.TokenInfo:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise HttpError(401, "no_token", "send Authorization: Bearer <token>")
        try:
            claim = read_token(self.config.token_secret, token.strip())
        except TokenError as exc:
            raise HttpError(401, exc.code, "the token is not valid") from exc
        info: central.TokenInfo | None = self._db(
            lambda conn: central.token_info(conn, claim.token_id))
        if info is None:
            raise HttpError(401, "unknown_token", "no such token on this server")
        if info.revoked_at is not None:
            raise HttpError(401, "revoked", "this token was revoked")
        if info.account.disabled:
            raise HttpError(403, "disabled", "this account is disabled")
        return info

    def _db(self, work: Any) -> Any:
        try:
            with self.pool.connection() as conn:
                return work(conn)
        except (PoolTimeout, psycopg.OperationalError) as exc:
            log.warning("database unavailable: %s", exc)
            raise HttpError(503, "database", "the central database is not reachable") from exc

    # -- endpoints (worker threads) ---------------------------------------------------------
    def health(self) -> dict[str, Any]:
        self._db(lambda conn: conn.execute("SELECT 1").fetchone())
        return {"ok": True, "schema": CENTRAL_VERSION, "protocol": p.PROTOCOL_VERSION}

    def whoami(self, request: Request) -> dict[str, Any]:
        info = self._authenticate(request)
        acc = info.account
        return {"account": acc.name, "role": acc.role, "team": acc.team,
                "token": info.id, "expires_at": info.expires_at.isoformat()}

    def push(self, request: Request, body: bytes) -> dict[str, Any]:
        info = self._authenticate(request)
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise HttpError(400, "malformed_json", str(exc)[:200]) from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("changes"), list) \
                or not isinstance(doc.get("device", ""), str):
            raise HttpError(422, "shape", "expected {\"device\": str, \"changes\": [...]}")
        changes = doc["changes"]
        if len(changes) > p.MAX_BATCH:
            raise HttpError(413, "batch_too_large", f"at most {p.MAX_BATCH} changes per push")
        results: list[dict[str, Any]] = []
        incoming: list[central.Incoming] = []
        now_ms = int(time.time() * 1000)
        for change in changes:
            checked = p.check_change(change, now_ms)
            if isinstance(checked, p.Problem):
                results.append({"id": _id_of(change), "status": "rejected",
                                "code": checked.code, "detail": checked.detail})
                continue
            lang = str(checked.row.get("lang") or "")
            if any(s.kind == "card" for text in p.transcript_texts(checked)
                   for s in find_pii(text, lang)):
                results.append({"id": checked.id, "status": "rejected", "code": "pii",
                                "detail": "a card number was not masked"})
                continue
            incoming.append(central.Incoming(checked.id, checked.kind, checked.scope,
                                             checked.scope_kind, checked.device, checked.hlc,
                                             checked.row))
            results.append({"id": checked.id, "status": "pending"})

        def apply(conn: central.Conn) -> list[str]:
            try:
                with central.as_account(conn, info.account):
                    return central.push(conn, info.account, incoming)
            except psycopg.DataError:
                # A change PostgreSQL cannot store got past the checks: find it, one change
                # per savepoint, so it alone is refused and the rest of the batch goes in.
                log.warning("a batch held a change the database refused; applying one by one")
            statuses: list[str] = []
            with central.as_account(conn, info.account):
                for change in incoming:
                    try:
                        with conn.transaction():
                            statuses.extend(central.push(conn, info.account, [change]))
                    except psycopg.DataError:
                        statuses.append("unstorable")
            return statuses

        statuses = iter(self._db(apply) if incoming else [])
        for r in results:
            if r["status"] == "pending":
                r["status"] = next(statuses)
                if r["status"] == "denied":
                    r["code"] = "permission"
                elif r["status"] == "unstorable":
                    r.update(status="rejected", code="data",
                             detail="the central database cannot store this value")
        return {"results": results}

    def pull(self, request: Request) -> dict[str, Any]:
        info = self._authenticate(request)
        after = p.parse_cursor(request.query_params.get("cursor"))
        if after is None:
            raise HttpError(400, "cursor", "cursor must be '<xid>:<seq>'")
        limit_text = request.query_params.get("limit", str(p.MAX_PULL))
        if not limit_text.isascii() or not limit_text.isdigit() or len(limit_text) > 9:
            raise HttpError(400, "limit", "limit must be a number")
        limit = int(limit_text)
        limit = max(1, min(limit, p.MAX_PULL))

        def read(conn: central.Conn) -> tuple[list[central.LogRow], bool]:
            with central.as_account(conn, info.account):
                return central.pull(conn, info.account, after, limit, p.MAX_PULL_BYTES)

        # A workstation gets its own rows back too: a cloned database or one restored from a
        # backup must not miss what it sent after the copy was made (applying is idempotent).
        rows, more = self._db(read)
        cursor = p.format_cursor(rows[-1].xid, rows[-1].seq) if rows else p.format_cursor(*after)
        return {"changes": [{"kind": r.kind, "row": r.row} for r in rows],
                "cursor": cursor, "more": more}


def _id_of(change: Any) -> Any:
    row = change.get("row") if isinstance(change, dict) else None
    value = row.get("id") if isinstance(row, dict) else None
    return value if isinstance(value, str) and len(value) <= 64 else None


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isascii() or not declared.isdigit()
                                 or int(declared) > p.MAX_BODY_BYTES):
        raise HttpError(413, "body_too_large", f"at most {p.MAX_BODY_BYTES} bytes per push")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > p.MAX_BODY_BYTES:
            raise HttpError(413, "body_too_large", f"at most {p.MAX_BODY_BYTES} bytes per push")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(config: ServerConfig) -> Starlette:
    service = SyncService(config)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(service.start)
        try:
            yield
        finally:
            await run_in_threadpool(service.stop)

    def endpoint(work: Any, with_body: bool = False) -> Any:
        async def handle(request: Request) -> JSONResponse:
            try:
                if with_body:
                    body = await _read_body(request)
                    result = await run_in_threadpool(work, request, body)
                else:
                    result = await run_in_threadpool(work, request)
            except HttpError as exc:
                return _error(exc)
            except ClientDisconnect:
                # The connection dropped mid-upload: nothing was read into the database, and
                # nobody is left to answer (uvicorn drops the reply).
                log.info("%s: the client went away before the body was complete", request.url.path)
                return _error(HttpError(400, "disconnected"))
            return JSONResponse(result)
        return handle

    routes = [
        Route("/v1/health", endpoint(lambda request: service.health()), methods=["GET"]),
        Route("/v1/whoami", endpoint(service.whoami), methods=["GET"]),
        Route("/v1/push", endpoint(service.push, with_body=True), methods=["POST"]),
        Route("/v1/pull", endpoint(service.pull), methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.service = service
    return app


def serve(config: ServerConfig) -> None:
    """Run until interrupted (uvicorn handles SIGINT/SIGTERM and finishes open requests)."""
    import uvicorn

    migrate_central(config.database_url)  # here first, so a bad database is one clear line
    uvicorn.run(create_app(config), host=config.host, port=config.port,
                ssl_certfile=config.tls_cert or None, ssl_keyfile=config.tls_key or None,
                log_level="info", server_header=False, timeout_graceful_shutdown=10)
