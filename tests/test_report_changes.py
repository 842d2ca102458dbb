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
    assert "Newest article</dt><dd>2025-11-03" in html and "Record up to</dt><dd>2026-01-13" in html
    assert "1 new article(s)" in html and "&lt;i&gt;新&lt;/i&gt;" in html and "<i>" not in html
    assert 'href="articles/' in html
