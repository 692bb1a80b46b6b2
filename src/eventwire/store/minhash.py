"""MinHash signatures over word shingles, and LSH band buckets, for near-duplicate articles.

Two articles are near-duplicates (a wire story republished with small edits, a syndicated
copy) when the Jaccard similarity of their sets of word 3-shingles is at least
`DUPLICATE_SIMILARITY`. A signature is `NUM_PERM` minima of hashed shingles under random
linear permutations; the share of equal minima estimates the Jaccard similarity. For lookup
the signature is cut into `BANDS` bands of `ROWS` values; articles sharing any band bucket
are candidates, then checked on the whole signature.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

SHINGLE_WORDS = 3
BANDS = 32
ROWS = 4
NUM_PERM = BANDS * ROWS
# Jaccard similarity of 3-shingle sets at which two articles count as copies. A wire story
# with its headline, dateline and a sentence or two changed stays above 0.8 on a 300-word
# story; two outlets' own reports of the same event share few 3-shingles (under 0.1). 0.7
# leaves room for heavier edits. With 32 bands of 4 rows a pair at 0.7 becomes a
# candidate with probability 1 - (1 - 0.7**4)**32 > 0.999.
DUPLICATE_SIMILARITY = 0.7

_rng = np.random.default_rng(20240906)  # fixed: signatures must agree across runs
# Multiply-shift hashing: (a * x + b) mod 2**64, top 32 bits; a odd. numpy wraps uint64
# array arithmetic silently, which is the mod.
_A = _rng.integers(1, 1 << 63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
_K = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_SHIFT = np.uint64(32)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    """Distinct 64-bit hashes of the text's word 3-shingles (case-folded)."""
    words = _WORD.findall(text.casefold())
    hashes = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words)
    )
    n = len(words)
    if n < SHINGLE_WORDS:
        hashes = np.concatenate([hashes, np.zeros(SHINGLE_WORDS - n, dtype=np.uint64)])
        n = SHINGLE_WORDS
    mixed = sum(hashes[i : n - SHINGLE_WORDS + 1 + i] * _K[i] for i in range(SHINGLE_WORDS))
    return np.unique(mixed)


def signature(text: str) -> np.ndarray:
    """NUM_PERM minima (32-bit values in uint64) of the text's hashed shingles."""
    values = (np.outer(_A, shingles(text)) + _B[:, None]) >> _SHIFT
    return values.min(axis=1)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def buckets(sig: np.ndarray) -> list[int]:
    """One 63-bit bucket per band (band number and values hashed together)."""
    raw = sig.astype("<u4").tobytes()
    width = ROWS * 4
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            band.to_bytes(2, "little") + raw[band * width : (band + 1) * width], digest_size=8
        ).digest()
        out.append(int.from_bytes(digest, "little") >> 1)
    return out
