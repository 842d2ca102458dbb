"""What a report stands on and what its last rerun changed: the newest article, the record's cut-off,
and the articles, claims, disagreements and covered reference events added or gone since the previous
report."""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..store.tables import Tables
from ..themes import timeline
from .articles import page_name
from .provenance import as_of_dates

KINDS = ["market_share", "event", "spec", "money", "quote"]
# The sections that list the disagreements and the coverage, by the id of their heading (the id the
# rendered notebook gives a heading); the page holding each is found among the pages rendered.
DISAGREEMENT_SECTION = "Where-the-articles-disagree-with-one-another"
COVERAGE_SECTION = "What-the-coverage-dwells-on,-and-what-it-skips"


def section_links(pages: Iterable[Path], sections: Iterable[str] = (DISAGREEMENT_SECTION, COVERAGE_SECTION)
                  ) -> dict[str, str]:
    """Each section's link (`page.html#id`) to the first of the report's pages (in the order given) whose
    HTML has an element of that id; a section no page has is left out (its lines stay unlinked)."""
    wanted, found = list(sections), {}
    for page in pages:
        text = Path(page).read_text(encoding="utf-8", errors="replace")
        for section in wanted:
            if section not in found and (f'id="{html.escape(section)}"' in text or f"id='{section}'" in text):
                found[section] = f"{Path(page).name}#{section}"
    return found


def corpus_state(tables: Tables, as_of=None) -> dict:
    """What the next report compares itself with (kept in `run.json`): the articles, claims by kind, the
    disagreement groups (each named by subject, metric and figures) and, given the report's `as_of`, the
    reference events the coverage counts as covered (as the timeline page does)."""
    unique = tables.unique_articles
    kinds = tables.claims["kind"].value_counts()
    groups = int(tables.disagreements["group"].nunique()) if "group" in tables.disagreements else 0
    return {
        "articles": sorted(unique["article_id"].tolist()),
        "claims": {k: int(kinds.get(k, 0)) for k in KINDS},
        "disagreement_groups": groups,
        "disagreements": disagreement_names(tables.disagreements),
        "covered_events": covered_events(tables, as_of) if as_of is not None else [],
        **as_of_dates(tables.articles),
    }


def disagreement_names(disagreeing: pd.DataFrame) -> list[str]:
    """Each disagreement group as a reader names it: `英伟达 市场份额: 95→0% vs 95→50%` (group numbers
    change from run to run; this does not)."""
    if disagreeing.empty or "group" not in disagreeing:
        return []
    names = {f"{g['subject'].iloc[0]} {g['metric'].iloc[0]}: " + " vs ".join(sorted(set(g["figure"].astype(str))))
             for _, g in disagreeing.groupby("group")}
    return sorted(names)


def covered_events(tables: Tables, as_of) -> list[str]:
    """The reference events up to `as_of` that the coverage counts as covered, each as `date actor: action`."""
    reference = timeline.record(as_of)
    if reference.empty:
        return []
    covered = timeline.coverage(timeline.reported_with_matches(tables, reference), reference, tables)
    covered = covered[covered["covered"] & covered["counted"]]
    return sorted({f"{r.date} {r.actor}: {_short(str(r.action))}" for r in covered.itertuples()})


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    new_groups, resolved = _new_and_gone(previous, state, "disagreements")
    if new_groups or resolved:
        lines.append(f"{len(new_groups)} new and {len(resolved)} resolved disagreement group(s)")
    else:
        g = state["disagreement_groups"] - int(previous.get("disagreement_groups", 0) or 0)
        if g:
            lines.append(f"{g:+d} disagreement group(s)")
    newly, _ = _new_and_gone(previous, state, "covered_events")
    if newly:
        lines.append(f"{len(newly)} reference event(s) newly covered")
    return lines or ["no change in articles or claims"]


def _new_and_gone(previous: dict, state: dict, key: str) -> tuple[list[str], list[str]]:
    """What a list of the state gained and lost since the previous report (nothing when the previous
    report did not keep that list: an older run.json)."""
    before, now = previous.get(key), state.get(key)
    if not isinstance(before, list) or not isinstance(now, list):
        return [], []
    return sorted(set(now) - set(before)), sorted(set(before) - set(now))


def render(previous: dict | None, state: dict, titles: pd.Series | None = None, limit: int = 20,
           sections: dict[str, str] | None = None) -> str:
    """The index's provenance lines and its "since the last report" section, as HTML; `sections`
    (`section_links`) links each new or resolved disagreement and newly covered event to the section
    that lists it."""
    sections = sections or {}
    e = html.escape
    out = [f"<dt>Record up to</dt><dd>{e(state['reference_until']) or '—'} (the reference's latest event)</dd>"]
    lines = changes(previous, state)
    if lines:
        added = sorted(set(state["articles"]) - set(previous["articles"]))
        links = "".join(
            f'<li><a href="articles/{e(page_name(a))}">{e(str(titles.get(a, "")) if titles is not None else "") or e(a)}</a></li>'
            for a in added[:limit])
        more = f"<li>and {len(added) - limit} more</li>" if len(added) > limit else ""
        new_groups, resolved = _new_and_gone(previous, state, "disagreements")
        newly, _ = _new_and_gone(previous, state, "covered_events")
        for names, section, what in ((new_groups, DISAGREEMENT_SECTION, "new disagreement"),
                                     (resolved, DISAGREEMENT_SECTION, "resolved disagreement"),
                                     (newly, COVERAGE_SECTION, "newly covered")):
            page = sections.get(section)
            links += "".join(f'<li>{e(what)}: <a href="{e(page)}">{e(name)}</a></li>' if page else
                             f"<li>{e(what)}: {e(name)}</li>" for name in names[:limit])
            if len(names) > limit:
                links += f"<li>and {len(names) - limit} more ({e(what)})</li>"
        out.append(f"<dt>Since last report</dt><dd>{e('; '.join(lines))}"
                   + (f"<ul>{links}{more}</ul>" if links else "") + "</dd>")
    return "\n".join(out)
