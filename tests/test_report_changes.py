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
