"""Fixtures for the sync tests: a real PostgreSQL cluster and a fresh database per test.

- ``pg_cluster`` (session): one ``PgCluster`` (tests/sync/pg.py) for the whole run, stopped and
  deleted at the end. Tests may ``restart()`` it, or ``halt()`` and ``start()`` it; the port stays.
- ``pg_db`` (function): a new empty database owned by a new login role that is not a superuser
  but has CREATEROLE (so it can make a NOLOGIN role and grant it to itself). Gives a ``PgDatabase``
  with ``.name``, ``.owner``, ``.url`` (connects as the owner) and ``.admin_url`` (superuser,
  same database). Afterwards the database is dropped (sessions still on it are ended) and every
  role made during the test is dropped too — roles belong to the cluster, not the database, so a
  role of one test would otherwise collide with the same name in the next.

No PostgreSQL installed fails the run (not a skip): CI installs the Debian package ``postgresql``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.sync.pg import PgCluster, PgNotFound

_seq = itertools.count(1)


@dataclass(frozen=True)
class PgDatabase:
    """One test's database: ``url`` as its owner role, ``admin_url`` as the superuser."""

    name: str
    owner: str
    url: str
    admin_url: str


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL cluster of our own for the session (started once, stopped at the end)."""
    try:
        cluster = PgCluster()
    except PgNotFound as exc:
        pytest.fail(str(exc), pytrace=False)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_db(pg_cluster: PgCluster) -> Iterator[PgDatabase]:
    """A fresh database owned by a fresh CREATEROLE login role; dropped with its roles after."""
    if not pg_cluster.running:  # an earlier test halted it and did not start it again
        pg_cluster.start()
    suffix = f"{os.getpid()}_{next(_seq)}"
    name, roles_before = f"cd_test_{suffix}", pg_cluster.roles()
    try:
        owner = pg_cluster.create_role(f"cd_owner_{suffix}", login=True, createrole=True)
        admin_url = pg_cluster.create_database(name, owner=owner)
        yield PgDatabase(name=name, owner=owner, url=pg_cluster.url(name, user=owner),
                         admin_url=admin_url)
    finally:
        if not pg_cluster.running:
            pg_cluster.start()
        pg_cluster.drop_database(name)
        pg_cluster.drop_roles(*sorted(pg_cluster.roles() - roles_before))
