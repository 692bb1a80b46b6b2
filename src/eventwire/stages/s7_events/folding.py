"""PLOVER's coding rules: the category PLOVER gives an event, its modality folded in.

PLOVER codes what actors do and say, and folds the status of an act into the category
(PLOVER manual; docs/events.md):
- a promise or plan of a cooperative act is AGREE ("will withdraw", "agreed to release");
- an announced or threatened act of force or restriction is THREATEN, and so is one the
  actor makes conditional on the other side's conduct ("would retaliate if attacked"); one
  the subject is to undergo ("he will appear in court") keeps its category, planned;
- a demand is REQUEST;
- a refusal ("will not meet their demands", "refused to withdraw") is REJECT;
- what did not happen (negated), what a party denies, and what others only expect, predict
  or imagine ("analysts predict a withdrawal", "could attack") are no PLOVER events: their
  `plover_type` is OTHER, while `type` and `modality` keep the act and its status;
- an act reported as alleged keeps its category (the report is of the act).
"""

from __future__ import annotations

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
NOT_CODED = frozenset({"negated", "denied", "expected", "predicted"})
REFUSALS = frozenset({"neg-refusal", "governor:refuse", "governor:decline"})
CONDITIONAL = "conditional:"


def folded_type(
    event_type: str, modality: str, rule: str, *, undergone: bool = False
) -> tuple[str, str]:
    """(PLOVER category, the rule that gave it) of an event of category `event_type` whose
    modality `modality` was decided by `rule` (a modality rule such as "modal:will").
    `undergone`: the sentence's subject undergoes the act (a reversed reading: "will appear
    in court"), so a plan of force is what awaits it, not a threat its doer announced."""
    if modality == "negated" and rule in REFUSALS:
        return "REJECT", "plover:refusal"
    if modality in NOT_CODED:
        return "OTHER", f"plover:not-coded:{modality}"
    if modality == "planned" and event_type in COOPERATIVE:
        return "AGREE", "plover:planned-cooperation"
    if modality == "planned" and event_type in FORCEFUL and undergone:
        return event_type, "plover:undergone-plan"
    if (modality == "planned" and event_type in FORCEFUL) or modality == "threatened":
        return "THREATEN", "plover:announced-force"
    if modality == "requested":
        return "REQUEST", "plover:requested"
    if modality == "hypothetical":
        if CONDITIONAL in rule and event_type in FORCEFUL:
            return "THREATEN", "plover:conditional-force"
        if CONDITIONAL in rule and event_type in COOPERATIVE:
            return "AGREE", "plover:conditional-offer"
        return "OTHER", "plover:not-coded:hypothetical"
    return event_type, "plover:same"
