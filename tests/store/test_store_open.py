"""Opening a SQLite store while another process creates it (issue 16): "database is locked"
is retried briefly, and a reader never switches the journal mode itself."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from eventwire.errors import StoreError
from eventwire.store import open_store
from eventwire.store.migrate import latest_version

# How long the other connection holds its lock: short, and far under the store's retry time.
HOLD_S = 0.5


def creating(path) -> tuple[sqlite3.Connection, threading.Timer]:
    """A connection that is half-way through creating a new database file (a write
    transaction open on it, as `ingest` has while it creates a store), committed after
    HOLD_S by a timer."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE other_setup (a INTEGER)")
    timer = threading.Timer(HOLD_S, lambda: holder.execute("COMMIT"))
    timer.start()
    return holder, timer


def test_issue_16_a_writer_waits_while_the_file_is_being_created(tmp_path):
    path = tmp_path / "store.db"
    holder, timer = creating(path)
    try:
        # this used to fail at once: cannot open the store ...: database is locked
        with open_store(str(path)) as store:
            assert store.schema_version() == latest_version()
    finally:
        timer.join()
        holder.close()


def test_issue_16_a_reader_during_creation_is_told_there_is_no_store_yet(tmp_path):
    path = tmp_path / "store.db"
    holder, timer = creating(path)
    try:
        with pytest.raises(StoreError, match="no eventwire store"):
            open_store(str(path), migrate=False)
    finally:
        timer.join()
        holder.close()
    with open_store(str(path)):
        pass
    with open_store(str(path), migrate=False) as store:  # and reads it once it is there
        assert store.counts()["articles"] == 0
