"""Which documents of a gold set are held out while rules are tuned on the rest.

Every fifth document in the order of their ids (numeric ids in numeric order) is held out:
tune on `dev`, report `held-out` separately, and `all` for the whole file.
"""

from __future__ import annotations

from collections.abc import Iterable

HELD_OUT_EVERY = 5
PARTS = ("all", "dev", "held-out")


def id_order(doc_id: str) -> tuple[int, int | str]:
    return (0, int(doc_id)) if doc_id.isdigit() else (1, doc_id)


def held_out(ids: Iterable[str]) -> frozenset[str]:
    """The held-out ids: the 5th, 10th, 15th... of the ids sorted."""
    ordered = sorted(set(ids), key=id_order)
    return frozenset(
        doc_id for i, doc_id in enumerate(ordered) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
    )


def in_part(doc_id: str, part: str, held: frozenset[str]) -> bool:
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {', '.join(PARTS)}")
    if part == "all":
        return True
    return (doc_id in held) == (part == "held-out")
