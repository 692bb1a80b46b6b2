"""Read WARC files (warcio): each `response` record with an HTML page is an article."""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.read.items import Item, ItemError, decode_page, digest, error_for

log = logging.getLogger(__name__)


def read_warc(path: Path) -> Iterator[Item | ItemError]:
    """Items for the HTML responses; a truncated or corrupt file ends in one ItemError
    after the records read before the damage."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    base = str(path.resolve())
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield error_for(base, InputError(f"cannot read {path}: {exc.strerror}"))
        return
    with handle:
        records = ArchiveIterator(handle)
        number = 0
        while True:
            try:
                record = next(records)
                if record.rec_type != "response":
                    continue
                number += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                date = record.rec_headers.get_header("WARC-Date")
                http = record.http_headers
                ctype = http.get_header("Content-Type") if http else None
                payload = record.content_stream().read()
                short = getattr(record.raw_stream, "limit", 0)
                if short:
                    raise EOFError(f"the record for {uri} ends {short} bytes early")
            except StopIteration:
                damage = gzip_damage(path)
                if damage is not None:
                    yield error_for(f"{base}#record:{number + 1}",
                                    InputError(f"damaged WARC file {path}: {damage}"))  # fmt: skip
                return
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
                yield error_for(f"{base}#record:{number + 1}",
                                InputError(f"damaged WARC file {path}: {exc}"))  # fmt: skip
                return
            key = f"{base}#{uri or f'record:{number}'}"
            if ctype is not None and "html" not in ctype.lower():
                log.debug("WARC record %s: %s, not HTML; skipped", key, ctype)
                continue
            html = decode_page(payload, ctype)
            # WARC-Date is when the page was captured, not published: the page's own date
            # (read from the HTML) is used instead.
            log.debug("WARC record %s captured %s", key, date)
            yield Item(key=key, content=html, digest=digest(html), url=uri)


def gzip_damage(path: Path) -> str | None:
    """Why a gzipped file is damaged (truncated, corrupt), or None when it is whole or not
    gzipped. warcio stops quietly at a truncated gzip member, so this reads it through."""
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return None
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc)
    return None
