"""Coreference scores over clusterings of one set of mentions: MUC, B-cubed, CEAF-e, CoNLL F1.

A clustering is a mapping mention -> cluster label. `score_clusters(key, response)` scores
the response against the key over the mentions of the key (a mention the response lacks is
a singleton of its own there), as the CoNLL-2012 scorer does when both sides hold the same
mentions:
- MUC (Vilain et al. 1995): links. Recall is, over key clusters K, the sum of |K| minus the
  number of response clusters K is split into, over the sum of |K| - 1; precision the same
  with the roles swapped. Singletons carry no links and count for nothing.
- B-cubed (Bagga and Baldwin 1998): per mention, the share of its response cluster that is
  in its key cluster (precision) and the share of its key cluster that is in its response
  cluster (recall), averaged over mentions.
- CEAF-e (Luo 2005): key and response clusters aligned one to one to maximise the sum of
  phi4 = 2 |K & R| / (|K| + |R|); recall divides that sum by the number of key clusters,
  precision by the number of response clusters.
- CoNLL F1: the mean of the three F1s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Clustering = Mapping[Any, Hashable]  # mention -> cluster label


@dataclass(frozen=True, slots=True)
class Prf:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CorefScores:
    mentions: int
    key_clusters: int
    response_clusters: int
    muc: Prf
    b_cubed: Prf
    ceaf_e: Prf

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "key_clusters": self.key_clusters,
            "response_clusters": self.response_clusters,
            "muc": self.muc.to_dict(),
            "b_cubed": self.b_cubed.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll_f1": round(self.conll_f1, 4),
        }


def clusters_of(labels: Clustering) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in labels.items():
        groups[label].add(mention)
    return [frozenset(g) for g in groups.values()]


def restrict(
    response: Clustering, mentions: Sequence[Hashable] | frozenset[Hashable]
) -> dict[Hashable, Hashable]:
    """The response over exactly these mentions; a mention it lacks is its own singleton."""
    return {m: response.get(m, ("missing", m)) for m in mentions}


def muc(key: list[frozenset[Hashable]], where: Mapping[Hashable, Hashable]) -> tuple[int, int]:
    """(numerator, denominator) of MUC recall of `where` against clusters `key`."""
    num = den = 0
    for cluster in key:
        parts = {where[m] for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def b_cubed(key: list[frozenset[Hashable]], other: list[frozenset[Hashable]]) -> float:
    """B-cubed recall of clusters `other` against `key` (mean over the key's mentions)."""
    owner = {m: c for c in other for m in c}
    total = sum(len(c) for c in key)
    if total == 0:
        return 0.0
    return sum(len(c & owner[m]) / len(c) for c in key for m in c) / total


def phi4(a: frozenset[Hashable], b: frozenset[Hashable]) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def assign(weights: list[list[float]]) -> float:
    """The largest sum of weights over a one-to-one assignment of rows to columns
    (Hungarian algorithm, O(n^3); used per connected component, which stay small)."""
    rows, cols = len(weights), len(weights[0]) if weights else 0
    n = max(rows, cols)
    if n == 0:
        return 0.0
    cost = [[-(weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)]
            for i in range(n)]  # fmt: skip
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        low = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < low[j]:
                        low[j], way[j] = cur, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return -sum(cost[match[j] - 1][j - 1] for j in range(1, n + 1) if match[j])


def ceaf_e(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    """The best total phi4 similarity of a one-to-one alignment of the clusters."""
    owner = {m: j for j, c in enumerate(response) for m in c}
    # Connected components of the "shares a mention" graph, aligned one by one.
    neighbours: dict[int, set[int]] = {i: {owner[m] for m in c if m in owner}
                                       for i, c in enumerate(key)}  # fmt: skip
    seen: set[int] = set()
    total = 0.0
    by_response: dict[int, set[int]] = defaultdict(set)
    for i, js in neighbours.items():
        for j in js:
            by_response[j].add(i)
    for start in range(len(key)):
        if start in seen:
            continue
        keys, resps, todo = {start}, set(), [start]
        seen.add(start)
        while todo:
            i = todo.pop()
            for j in neighbours[i]:
                if j not in resps:
                    resps.add(j)
                    for other in by_response[j] - keys:
                        keys.add(other)
                        seen.add(other)
                        todo.append(other)
        ks, rs = sorted(keys), sorted(resps)
        if rs:
            total += assign([[phi4(key[i], response[j]) for j in rs] for i in ks])
    return total


def score_clusters(key: Clustering, response: Clustering) -> CorefScores:
    """Score `response` against `key` over the key's mentions."""
    mentions = frozenset(key)
    where = restrict(response, mentions)
    key_clusters = clusters_of(key)
    response_clusters = clusters_of(where)
    key_where = dict(key)
    r_num, r_den = muc(key_clusters, where)
    p_num, p_den = muc(response_clusters, key_where)
    ceaf = ceaf_e(key_clusters, response_clusters)
    return CorefScores(
        mentions=len(mentions),
        key_clusters=len(key_clusters),
        response_clusters=len(response_clusters),
        muc=Prf(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0),
        b_cubed=Prf(b_cubed(response_clusters, key_clusters), b_cubed(key_clusters,
                                                                      response_clusters)),
        ceaf_e=Prf(ceaf / len(response_clusters) if response_clusters else 0.0,
                   ceaf / len(key_clusters) if key_clusters else 0.0),
    )  # fmt: skip
