"""Bad input to the service: a clear 4xx (or a per-change refusal) and nothing written."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from db import outbox
from desk.cases import CaseService
from desk.store import Store
from desk.sync import protocol as p
from desk.sync.client import SyncClient
from tests.sync.service import Service, account
from tests.sync.state import server_ids


@pytest.fixture
def svc(pg_db: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    token = account(pg_db.url, "ana")
    store = Store(tmp_path / "ana.db")
    with Service(pg_db.url) as service:
        yield {"url": service.url, "token": token, "store": store, "db": pg_db}
    store.close()


def _sample(store: Store) -> list[dict[str, Any]]:
    cases = CaseService(store)
    case = cases.new_case(complaint="退款被拒 😡", category="billing")
    cases.commit_draft(case.id, "note")
    return [{"kind": e.kind, "row": e.row} for e in store.call(outbox.pending, 100)]


def _post(s: dict[str, Any], content: bytes, token: str | None = None,
          headers: dict[str, str] | None = None) -> httpx.Response:
    h = {"Authorization": f"Bearer {token or s['token']}", "Content-Type": "application/json",
         **(headers or {})}
    return httpx.post(s["url"] + "/v1/push", content=content, headers=h, timeout=60)


def _body(changes: list[Any], device: Any = "d1") -> bytes:
    return json.dumps({"device": device, "changes": changes}).encode()


def test_malformed_envelopes_are_4xx_and_write_nothing(svc: dict[str, Any]) -> None:
    s = svc
    good = _sample(s["store"])
    cases = [
        (b"{not json", 400, "malformed_json"),
        (b"\xff\xfe\x00", 400, "malformed_json"),
        (b"[]", 422, "shape"),
        (json.dumps({"changes": "all of them"}).encode(), 422, "shape"),
        (_body(good, device=42), 422, "shape"),
        (json.dumps({"device": "d"}).encode(), 422, "shape"),
        (_body(good * (p.MAX_BATCH // len(good) + 1)), 413, "batch_too_large"),
    ]
    for content, status, code in cases:
        r = _post(s, content)
        assert (r.status_code, r.json()["error"]) == (status, code), content[:40]
    # A body over the limit is refused from its declared length, before it is read...
    port = int(s["url"].rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {s['token']}"
                     f"\r\nContent-Length: {p.MAX_BODY_BYTES + 1}\r\n\r\n{{".encode())
        reply = b""
        while b"body_too_large" not in reply:
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 413") and b"body_too_large" in reply
    # ...and when it is streamed without one.
    def chunks() -> Iterator[bytes]:
        for _ in range(p.MAX_BODY_BYTES // (1 << 20) + 2):
            yield b" " * (1 << 20)

    r = httpx.post(s["url"] + "/v1/push", content=chunks(), timeout=60,
                   headers={"Authorization": f"Bearer {s['token']}"})
    assert (r.status_code, r.json()["error"]) == (413, "body_too_large")
    for bad_cursor in ("x", "1:2:3", "-1:0", "1" * 30 + ":0"):
        r = httpx.get(s["url"] + "/v1/pull", params={"cursor": bad_cursor},
                      headers={"Authorization": f"Bearer {s['token']}"})
        assert (r.status_code, r.json()["error"]) == (400, "cursor")
    assert not server_ids(s["db"].admin_url)


def test_bad_changes_are_refused_one_by_one(svc: dict[str, Any]) -> None:
    s = svc
    good = _sample(s["store"])
    event = next(c for c in good if c["kind"] == "event")
    note = next(c for c in good if c["kind"] == "notes")
    bad = [
        ("not a change", "shape"),
        ({"kind": "secrets", "row": {}}, "kind"),
        ({"kind": "event", "row": {**event["row"], "extra": 1}}, "shape"),
        ({"kind": "event", "row": {**event["row"], "id": "1; DROP TABLE changes"}}, "id"),
        ({"kind": "event", "row": {**event["row"], "field": "password"}}, "field"),
        ({"kind": "event", "row": {**event["row"], "hlc": "yesterday"}}, "clock"),
        ({"kind": "event", "row": {**event["row"], "value": {"a": object.__name__},
                                   "at": 5}}, "type"),
        ({"kind": "notes", "row": {**note["row"], "body": 12}}, "type"),
        ({"kind": "notes", "row": {**note["row"], "body": "x" * (p.MAX_TEXT + 1)}}, "size"),
    ]
    r = _post(s, _body([c for c, _ in bad] + good))
    assert r.status_code == 200
    results = r.json()["results"]
    assert [(x["status"], x.get("code")) for x in results[:len(bad)]] == \
        [("rejected", code) for _, code in bad]
    assert {x["status"] for x in results[len(bad):]} == {"applied"}
    assert set(server_ids(s["db"].admin_url)) == {c["row"]["id"] for c in good}


def test_a_replayed_batch_writes_nothing(svc: dict[str, Any]) -> None:
    s = svc
    good = _sample(s["store"])
    first = _post(s, _body(good)).json()["results"]
    before = server_ids(s["db"].admin_url)
    again = _post(s, _body(good))
    assert again.status_code == 200
    assert [x["status"] for x in first] == ["applied"] * len(good)
    assert [x["status"] for x in again.json()["results"]] == ["duplicate"] * len(good)
    assert server_ids(s["db"].admin_url) == before


def test_unmasked_card_numbers_in_transcripts_are_refused(svc: dict[str, Any]) -> None:
    s = svc
    store = s["store"]
    call_id = str(uuid.uuid4())
    hlc = store.clock.now()

    def segment(text: str) -> dict[str, Any]:
        return {"kind": "call_segments", "row": {
            "id": str(uuid.uuid4()), "call_id": call_id, "channel": "caller", "start": 1.0,
            "end": 4.0, "text": text, "words": json.dumps([[w, 1.0, 2.0, 1.0]
                                                           for w in text.split()]),
            "lang": "en", "hlc": hlc, "device": store.device}}

    leaked = segment("my card number is 4111 1111 1111 1111 thanks")
    masked = segment("my card number is **** **** **** 1111 thanks")
    results = _post(s, _body([leaked, masked])).json()["results"]
    assert [(x["status"], x.get("code")) for x in results] == [("rejected", "pii"),
                                                                ("applied", None)]
    assert set(server_ids(s["db"].admin_url)) == {masked["row"]["id"]}


def test_refused_rows_are_kept_and_do_not_block_the_queue(svc: dict[str, Any]) -> None:
    """A row the server refuses moves to sync_rejected with the reason; the rest goes on."""
    s = svc
    store = s["store"]
    cases = CaseService(store)
    case = cases.new_case(complaint="one")

    def corrupt(conn: Any) -> None:  # a row damaged on disk: its clock no longer parses
        conn.execute("UPDATE notes SET hlc = 'broken' WHERE case_id = ?", (case.id,))

    cases.commit_draft(case.id, "the note the server will refuse")
    store.call(corrupt)
    cases.commit_draft(case.id, "a later note that must still arrive")
    with SyncClient(store, s["url"], s["token"]) as client:
        result = client.sync()
    assert result.rejected == 1 and result.pushed >= 2
    assert store.call(outbox.pending_count) == 0
    refused = store.call(outbox.rejected)
    assert [(r["kind"], r["code"]) for r in refused] == [("notes", "clock")]
    ids = server_ids(s["db"].admin_url)
    assert refused[0]["row_id"] not in ids and len(ids) == result.pushed
