"""One table for stances taken on stances: backing, rejecting or voting on something that itself
takes a stance toward a state.

"voted for a resolution condemning X", "rejected the statement criticising X", "welcomed the
letter backing X", "vetoed a draft deploring X": the outer act composes with the inner stance to
give the stance toward X. Every reader (`positions` for cues in one sentence, `extract` for texts
reported earlier, `frames` for votes) looks it up here, so the rules cannot disagree.
"""
from __future__ import annotations

# (outer, inner) -> stance toward the inner stance's target
TABLE: dict[tuple[str, str], str] = {
    ("support", "support"): "support", ("support", "oppose"): "oppose",
    ("support", "concern"): "concern", ("support", "neutral"): "neutral",
    ("oppose", "support"): "oppose", ("oppose", "oppose"): "support",
    ("oppose", "concern"): "support", ("oppose", "neutral"): "oppose",
}


def compose(outer: str, inner: str | None) -> str:
    """Stance toward X of taking `outer` on an act or text that itself takes `inner` toward X.

    A concern or a neutral stance on a text is the speaker's own and does not compose; nor does a
    withdrawal. Backing a text takes its stance; opposing a text critical of X backs X.
    """
    if inner is None:
        return outer
    return TABLE.get((outer, inner), outer)
