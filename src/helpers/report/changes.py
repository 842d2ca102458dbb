"""What a report stands on and what its last rerun changed: the newest article, the record's cut-off,
and the articles, claims and disagreements added or gone since the previous report."""

from __future__ import annotations

import html

import pandas as pd

from ..store.tables import Tables
from .articles import page_name
from .provenance import as_of_dates

KINDS = ["market_share", "event", "spec", "money", "quote"]


def corpus_state(tables: Tables) -> dict:
    """What the next report compares itself with (kept in `run.json`)."""
    unique = tables.unique_articles
    kinds = tables.claims["kind"].value_counts()
    groups = int(tables.disagreements["group"].nunique()) if "group" in tables.disagreements else 0
    return {
        "articles": sorted(unique["article_id"].tolist()),
        "claims": {k: int(kinds.get(k, 0)) for k in KINDS},
        "disagreement_groups": groups,
        **as_of_dates(tables.articles),
    }


def changes(previous: dict | None, state: dict) -> list[str]:
    """Plain-text lines on what changed since the previous report; empty when there was none."""
    if not isinstance(previous, dict) or not isinstance(previous.get("articles"), list):
        return []
    before, now = set(previous["articles"]), set(state["articles"])
    lines = []
    added, gone = sorted(now - before), sorted(before - now)
    if added:
        lines.append(f"{len(added)} new article(s)")
    if gone:
        lines.append(f"{len(gone)} article(s) no longer in the corpus")
    old_claims = previous.get("claims") if isinstance(previous.get("claims"), dict) else {}
    deltas = [(k, state["claims"].get(k, 0) - int(old_claims.get(k, 0) or 0)) for k in KINDS]
    moved = [f"{d:+d} {k}" for k, d in deltas if d]
    if moved:
        lines.append("claims " + ", ".join(moved))
    g = state["disagreement_groups"] - int(previous.get("disagreement_groups", 0) or 0)
    if g:
        lines.append(f"{g:+d} disagreement group(s)")
    return lines or ["no change in articles or claims"]


def render(previous: dict | None, state: dict, titles: pd.Series | None = None, limit: int = 20) -> str:
    """The index's provenance lines and its "since the last report" section, as HTML."""
    e = html.escape
    out = [f"<dt>Record up to</dt><dd>{e(state['reference_until']) or '—'} (the reference's latest event)</dd>"]
    lines = changes(previous, state)
    if lines:
        added = sorted(set(state["articles"]) - set(previous["articles"]))
        links = "".join(
            f'<li><a href="articles/{e(page_name(a))}">{e(str(titles.get(a, "")) if titles is not None else "") or e(a)}</a></li>'
            for a in added[:limit])
        more = f"<li>and {len(added) - limit} more</li>" if len(added) > limit else ""
        out.append(f"<dt>Since last report</dt><dd>{e('; '.join(lines))}"
                   + (f"<ul>{links}{more}</ul>" if links else "") + "</dd>")
    return "\n".join(out)
