"""What every page says it stands on, in one short block after its finding: the as-of dates (the newest
article and the record's cut-off, from the tables, not the run date), the extractors' measured accuracy
on the real-article gold (`data/accuracy/extractor_accuracy.csv`, written by `tests/real_accuracy.py`
and checked against the scorer by the tests), and the claim check's verdict counts."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .. import paths
from ..check.events import reference_events
from ..store.atomic import read_csv_table
from ..check.verdicts import VERDICTS
from ..store.tables import Tables, newest_published
from .plots import save_chart_data

ACCURACY_CSV = paths.ACCURACY / "extractor_accuracy.csv"
KIND_NAMES = {"market_share": "market share (份额)", "event": "event (事件)", "spec": "spec (规格)",
              "money": "money (金额)", "quote": "quote (引语)"}
NEEDS_REVIEW = ("needs_review: the claim matches the record only weakly (no precision named, sparsity unstated, "
                "a hedge missed by a rounding, a figure in another product's clause, an event matched on camp and "
                "action alone); read its sentence before counting it as agreeing or conflicting.")


def as_of_dates(articles: pd.DataFrame) -> dict[str, str]:
    """The newest unique article's publication date and the reference's latest event (`YYYY-MM-DD`, or
    empty): what "as of" means for every page and for the index."""
    reference = reference_events()
    return {"newest_article": newest_published(articles),
            "reference_until": str(reference["date_start"].max()) if len(reference) else ""}


def accuracy(path: Path = ACCURACY_CSV) -> pd.DataFrame:
    """The measured recall and precision per kind on the dev and held-out real-article sets, one row per
    kind (empty, with a note, when the table is missing)."""
    if not path.exists():
        return pd.DataFrame()
    rows = read_csv_table(path)
    wide = {}
    for r in rows.itertuples():
        cell = wide.setdefault(r.kind, {"kind": KIND_NAMES.get(r.kind, r.kind)})
        label = "held-out" if r.set == "heldout" else r.set
        cell[f"{label} recall"] = f"{float(r.recall):.2f}"
        cell[f"{label} precision"] = f"{float(r.precision):.2f}"
        cell[f"{label} gold claims"] = int(r.gold)
    return pd.DataFrame(list(wide.values()))


def verdict_counts(claim_check: pd.DataFrame) -> dict[str, int]:
    counts = claim_check["verdict"].value_counts() if len(claim_check) else pd.Series(dtype=int)
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


def block_html(tables: Tables, csv_link: str = "", dates: dict[str, str] | None = None,
               acc: pd.DataFrame | None = None) -> str:
    """The provenance block as escaped HTML (`dates` and `acc` as `as_of_dates` and `accuracy` give them,
    read here when not given)."""
    e = html.escape
    dates = as_of_dates(tables.articles) if dates is None else dates
    newest = dates["newest_article"] or "no dated article"
    acc = accuracy() if acc is None else acc
    if acc.empty:
        acc_html = f"<p>No accuracy table ({e(str(ACCURACY_CSV.relative_to(paths.ROOT)))} is missing).</p>"
    else:
        head = "".join(f"<th>{e(str(c))}</th>" for c in acc.columns)
        body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>"
                       for row in acc.itertuples(index=False))
        link = f' (<a href="{e(csv_link)}">CSV</a>)' if csv_link else ""
        acc_html = (f'<table class="dataframe cw-accuracy"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
                    f"<p class=\"cw-note\">Extractor recall and precision per kind, measured on the real-article gold "
                    f"(dev set and held-out set){link}.</p>")
    counts = verdict_counts(tables.claim_check)
    verdicts = " · ".join(f"{n} {v}" for v, n in counts.items())
    return (f'<div class="cw-provenance"><p><strong>As of</strong> {e(newest)} (newest article) · record up to '
            f"{e(dates['reference_until'] or '—')} (the reference's latest event)</p>{acc_html}"
            f"<p><strong>Claim check</strong>: {e(verdicts)}.<br>{e(NEEDS_REVIEW)}</p></div>")


def show(tables: Tables, report_dir: str | Path | None = None, notebook: str = "") -> None:
    """Show the provenance block (after the page's finding); with a report folder, the accuracy table is
    written beside the page's other CSVs and linked."""
    from IPython.display import display

    link = ""
    if report_dir is not None and notebook and ACCURACY_CSV.exists():
        path = save_chart_data(read_csv_table(ACCURACY_CSV), report_dir, notebook, "extractor_accuracy")
        link = path.relative_to(report_dir).as_posix()
    dates = as_of_dates(tables.articles)
    text = block_html(tables, link, dates=dates)
    display({"text/html": text, "text/plain": f"as of {dates['newest_article']}; record up to {dates['reference_until']}"},
            raw=True)
