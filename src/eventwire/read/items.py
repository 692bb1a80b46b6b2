"""What the readers yield: an input `Item` to extract, or an `ItemError` for input that
could not be read. Both name the item (`key`) so the store can resume and retry."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Item:
    """One article to extract: text or an HTML page, with what is known about it.

    `key` names the input (a file path, `file.jsonl#id`, a feed entry's URL, a WARC record)
    and `digest` its content, so a rerun skips items stored before.
    """

    key: str
    content: str
    digest: str
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    id: str | None = None  # the record's own id, where the input gives one (JSON Lines)


@dataclass(frozen=True, slots=True)
class ItemError:
    """An input that could not be read (broken file, bad feed, truncated WARC, bad JSON)."""

    key: str
    stage: str  # read or fetch
    error_type: str
    message: str


def digest(*parts: str | bytes | None) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = b"\x00" if part is None else part if isinstance(part, bytes) else part.encode()
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def error_for(key: str, exc: BaseException, *, stage: str = "read") -> ItemError:
    return ItemError(key=key, stage=stage, error_type=type(exc).__name__, message=str(exc))


def decode_page(data: bytes, content_type: str | None) -> str:
    """A fetched or archived page as text: its declared charset, else UTF-8; bad bytes are
    replaced (a page is read for its words, not its bytes)."""
    charset = "utf-8"
    if content_type and "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
