"""Checks on raw input (bytes, text, dates, JSON Lines records), refusing bad input with a
clear `InputError`; `articles.py` builds the `Article` from what passes."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from eventwire.errors import InputError

# Refuse texts larger than this (characters). A long feature runs to ~100k characters; a
# 10 MB "article" is a data file or a crawl gone wrong, and parsing it would take minutes.
MAX_TEXT_CHARS = 2_000_000

# Share of letters that must be Latin script, and of words that must be common English
# function words, for a text to be taken as English. Calibrated on the sample, MEANTIME and
# the PLOVER sentences (function-word share 0.25-0.45) against French, Spanish, German and
# Arabic news paragraphs (under 0.06).
MIN_LATIN_SHARE = 0.8
MIN_ENGLISH_SHARE = 0.08
MIN_WORDS_FOR_LANGUAGE = 12

ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to in a is that for on with as by at from was were be been has have had
    it its this their they he she his her will would said are an or not but which who
    after before over into than also about more""".split()
)

# Characters no store can hold and no UTF-8 output can write: NUL (PostgreSQL's text refuses
# it) and unpaired surrogates (a JSON "\\ud800" escape with no partner).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")

HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def article_id(text: str) -> str:
    """A stable id: a hash of the text with case and whitespace normalised."""
    normalised = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("input looks binary (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not UTF-8 text: {exc}") from exc
    return text


def check_chars(what: str, value: str) -> str:
    """`value`, when it holds no character a store or an output cannot take (InputError)."""
    found = UNSTORABLE.search(value)
    if found is not None:
        kind = "a NUL character" if found.group() == "\x00" else "an unpaired surrogate"
        raise InputError(
            f"{what} holds {kind} ({found.group()!r} at {found.start()}), which is not text"
        )
    return value


def printable_id(value: str) -> str:
    """An input's id as error records and failure rows can hold it: NUL and unpaired
    surrogates written as escapes."""
    return UNSTORABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def check_text(text: str) -> str:
    if not text.strip():
        raise InputError("the article text is empty")
    check_chars("the article text", text)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"the article text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    controls = sum(
        1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t"
    )
    if controls > 0.01 * min(len(text), 20000):
        raise InputError("input looks binary (many control characters), not text")
    return text


def detect_language(text: str) -> str | None:
    """'en' for English text, None when too short to tell; raises for another language."""
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters:
        latin = sum(1 for ch in letters if ch < "\u0250")
        if latin / len(letters) < MIN_LATIN_SHARE:
            raise InputError("the article is not in English (mostly non-Latin script)")
    words = re.findall(r"[A-Za-z']+", sample.lower())
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    share = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)
    if share < MIN_ENGLISH_SHARE:
        raise InputError(
            f"the article does not look English (English function words: {share:.0%}); "
            "eventwire reads English news only"
        )
    return "en"


def parse_published(value: Any) -> date | datetime | None:
    """A publication date from a str, date or datetime; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise InputError(f"published must be an ISO 8601 date string, not {type(value).__name__}")
    raw = value.strip()
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw)
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"published {value!r} is not an ISO 8601 date or datetime") from None


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.match(text[:2000]))


def read_jsonl_record(line: str) -> dict[str, Any]:
    """One JSON Lines input record: {"id", "text", "published", "url"?, "title"?}."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError("each JSON Lines record must be an object")
    return record


def jsonl_line(raw: str | bytes) -> str:
    """One JSON Lines line as text. Its bytes must be UTF-8, as an article file's must: a
    line with bytes that are not is refused (InputError), never silently altered. Both
    `extract` and `ingest` read lines through here."""
    return decode(raw) if isinstance(raw, bytes) else raw


def record_id_of(raw: str | bytes) -> str | None:
    """The "id" of a line that could not be read (bad UTF-8 elsewhere in it, no "text"),
    when it can still be made out, so that its error record names it; else None."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):
        return None
    value = record.get("id") if isinstance(record, dict) else None
    return None if value is None else printable_id(str(value))


def check_record_text(record: dict[str, Any]) -> None:
    """A record's "text" must be a string (checked after its id is read, so that the error
    record keeps the id)."""
    if not isinstance(record.get("text"), str):
        raise InputError('the record has no "text" string')


def read_path(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    if size > MAX_TEXT_CHARS * 4:
        raise InputError(f"{path} is {size:,} bytes; too large for one article")
    return decode(path.read_bytes())
