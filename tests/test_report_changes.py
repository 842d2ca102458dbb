"""What the index says changed since the last report."""

from __future__ import annotations

from helpers.report import changes


def _state(articles, **claims):
    return {"articles": articles, "claims": {k: claims.get(k, 0) for k in changes.KINDS}, "disagreement_groups": 1,
            "newest_article": "2025-11-03", "reference_until": "2026-01-13"}


def test_new_and_gone_articles_and_claims_by_kind_are_counted():
    before = _state(["a", "b"], quote=3, spec=2)
    now = _state(["a", "c", "d"], quote=5, spec=2, event=1)
    assert changes.changes(before, now) == ["2 new article(s)", "1 article(s) no longer in the corpus",
                                            "claims +1 event, +2 quote"]
    assert changes.changes(now, now) == ["no change in articles or claims"]
    assert changes.changes(None, now) == [] and changes.changes({"articles": "damaged"}, now) == []


def test_the_index_links_the_new_articles_and_escapes_their_titles():
    import pandas as pd

    html = changes.render(_state(["a"]), _state(["a", "x/<b>"]), pd.Series({"x/<b>": "<i>新</i>"}))
    assert "Record up to</dt><dd>2026-01-13" in html
    assert "1 new article(s)" in html and "&lt;i&gt;新&lt;/i&gt;" in html and "<i>" not in html
    assert 'href="articles/' in html


def test_the_index_is_as_of_its_newest_article_not_the_run():
    import datetime as dt

    from helpers.report.runner import render_index

    html = render_index([], corpus="c", n_articles=1, n_unique=1, as_of=dt.date(2026, 12, 2), revision="r",
                        run_at="2026-12-02 10:00", newest="2025-11-03")
    assert "As of</dt><dd>2025-11-03 (the newest article" in html
    assert "Report date</dt><dd>2026-12-02" in html


def test_the_rerun_names_new_and_resolved_disagreements_and_newly_covered_events():
    before = _state(["a"]) | {"disagreements": ["英伟达 市场份额: 0% vs 50%"], "covered_events": ["2025-07-31 CAC investigate H20"]}
    now = _state(["a", "b"]) | {"disagreements": ["H20 显存容量: 80 GB vs 96 GB"],
                                "covered_events": ["2025-07-31 CAC investigate H20", "2025-09-15 SAMR investigate 英伟达"]}
    lines = changes.changes(before, now)
    assert "1 new and 1 resolved disagreement group(s)" in lines and "1 reference event(s) newly covered" in lines
    html = changes.render(before, now)  # no page found for the sections: named, not linked
    assert "new disagreement: H20 显存容量: 80 GB vs 96 GB" in html and "disagreement: <a" not in html
    assert "resolved disagreement: " in html and "newly covered: " in html and "SAMR" in html
    # a run.json of an older report kept no such lists: nothing is claimed new
    assert not any("newly covered" in line for line in changes.changes(_state(["a"]), now))


def test_changes_link_to_the_page_that_holds_each_section(tmp_path):
    check = tmp_path / "claims-page.html"
    check.write_text(f'<h2 id="{changes.DISAGREEMENT_SECTION}">…</h2>', encoding="utf-8")
    time = tmp_path / "when.html"
    time.write_text(f'<h2 id="{changes.COVERAGE_SECTION}">…</h2>', encoding="utf-8")
    other = tmp_path / "other.html"
    other.write_text("<h2 id='elsewhere'>…</h2>", encoding="utf-8")
    sections = changes.section_links([other, check, time])
    assert sections == {changes.DISAGREEMENT_SECTION: f"claims-page.html#{changes.DISAGREEMENT_SECTION}",
                        changes.COVERAGE_SECTION: f"when.html#{changes.COVERAGE_SECTION}"}
    before = _state(["a"]) | {"disagreements": [], "covered_events": []}
    now = _state(["a", "b"]) | {"disagreements": ["g"], "covered_events": ["e"]}
    html = changes.render(before, now, sections=sections)
    assert f'new disagreement: <a href="claims-page.html#{changes.DISAGREEMENT_SECTION}">g</a>' in html
    assert f'newly covered: <a href="when.html#{changes.COVERAGE_SECTION}">e</a>' in html


def test_the_state_names_groups_and_covered_events_from_the_tables(tmp_path):
    from helpers.build.pipeline import build
    from helpers.paths import SEEDS
    from helpers.store.tables import load

    build(SEEDS, tmp_path / "t")
    state = changes.corpus_state(load(tmp_path / "t"), "2025-12-01")
    assert any(name.startswith("英伟达 市场份额: ") and "95→0%" in name for name in state["disagreements"])
    assert state["covered_events"] and all(e[:4].isdigit() for e in state["covered_events"])
