"""One page per article: its metadata, its clean text with every extracted claim marked in place, and
the claims listed beside it with kind, figure and verdict; and a page listing every article.

Claims carry character offsets into the clean text (`char_start`, `char_end`), so a claim's sentence
is found by position, never by searching for its words. Each claim is an anchor (`#c-<claim_id>`):
any table that links a claim to `articles/<page>#c-<claim_id>` lands on its highlighted evidence.
Everything from an article is escaped: an article's text never acts as markup.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from ..store.parts import parquet_path, part_of
from ..store.tables import Tables
from . import datatables
from .plots import cjk_font_path

KIND_LABEL = {"market_share": "share 份额", "event": "event 事件", "spec": "spec 规格", "money": "money 金额",
              "quote": "quote 引语"}
_SAFE = re.compile(r"[^0-9A-Za-z_\-]+")

FONT_FILE = "cjk.otf"
# The reader's own CJK font when there is one; else the bundled one, one file beside the pages.
STYLE = """
@font-face { font-family: "chipwatch-cjk"; src: local("Noto Sans CJK SC"), local("Source Han Sans SC"),
  local("PingFang SC"), local("Microsoft YaHei"), local("WenQuanYi Micro Hei"), url("cjk.otf") format("opentype"); }
body { font-family: "chipwatch-cjk", system-ui, -apple-system, sans-serif;
       max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.6; color: #222; }
h1 { font-size: 1.4rem; margin: .4rem 0; }
.meta { color: #555; font-size: .9rem; }
.meta dt { float: left; clear: left; width: 8rem; font-weight: 600; }
.meta dd { margin-left: 8.5rem; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
.text { white-space: pre-wrap; font-size: 1rem; }
mark { background: #fff3b0; padding: 0 1px; }
mark.market_share { background: #d6eaff; } mark.event { background: #ffe0cc; } mark.spec { background: #dff5d8; }
mark.money { background: #f3e0ff; } mark.quote { background: #f0f0f0; }
mark:target, .claims tr:target { outline: 2px solid #c0392b; }
/* a claim's anchor is an empty span before its first marked piece (several claims can start there) */
span:target + mark, span:target + span + mark, span:target + span + span + mark { outline: 2px solid #c0392b;
  background: #ffd54f; }
span[id^="c-"] { scroll-margin-top: 30vh; }
table.claims { border-collapse: collapse; font-size: .85rem; width: 100%; }
table.claims th, table.claims td { border-top: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }
.verdict-conflicts { color: #c0392b; font-weight: 600; } .verdict-agrees { color: #27ae60; }
a.back { font-size: .9rem; }
@media (max-width: 50rem) { .layout { grid-template-columns: 1fr; } }
"""


def page_name(article_id: str) -> str:
    """The page's file name: the id where it is file-safe, else a safe form with a hash of the id."""
    safe = _SAFE.sub("_", article_id).strip("_")[:80] or "article"
    if safe != article_id:
        safe += "-" + hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{safe}.html"


def claim_link(article_id: str, claim_id: str) -> str:
    """Where a claim's highlighted evidence is, relative to the report folder."""
    return f"articles/{page_name(article_id)}#c-{_SAFE.sub('_', str(claim_id))}"


def _figure(c: dict) -> str:
    hedge = c.get("hedge") or ""
    unit = c.get("unit") or ""
    if c["kind"] == "event":
        when = c.get("period") or c.get("date_start") or ""
        planned = " (planned)" if c.get("status") == "planned" else ""
        return f"{c.get('actor', '')} {c.get('action', '')} {when}{planned}".strip()
    if c["kind"] == "quote":
        return c.get("actor", "") or ""
    if pd.notna(c.get("from_value")) and pd.notna(c.get("to_value")):
        return f"{c['from_value']:g}→{hedge}{c['to_value']:g}{unit}"
    if pd.notna(c.get("value")):
        high = f"–{c['value_max']:g}" if pd.notna(c.get("value_max")) else ""
        return f"{hedge}{c['value']:g}{high} {unit}".strip()
    return ""


def _marked_text(text: str, claims: list[dict]) -> str:
    """The text escaped, with every claim's span marked (overlapping spans split into pieces, each piece
    marked with the innermost claim that covers it) and an anchor where each claim starts."""
    bounds = {0, len(text)}
    spans = []
    for c in claims:
        s, e = max(0, int(c["char_start"])), min(len(text), int(c["char_end"]))
        if e > s:
            spans.append((s, e, c))
            bounds |= {s, e}
    starts: dict[int, list[dict]] = {}
    for s, _, c in spans:
        starts.setdefault(s, []).append(c)
    cuts = sorted(bounds)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for c in starts.get(a, []):
            out.append(f'<span id="c-{_SAFE.sub("_", str(c["claim_id"]))}"></span>')
        covering = [(e - s, c) for s, e, c in spans if s <= a and b <= e]
        piece = html.escape(text[a:b])
        if covering:
            c = min(covering, key=lambda x: x[0])[1]
            out.append(f'<mark class="{c["kind"]}" title="{html.escape(KIND_LABEL.get(c["kind"], c["kind"]))}">'
                       f"{piece}</mark>")
        else:
            out.append(piece)
    return "".join(out)


def article_page(article: dict, claims: list[dict], verdicts: dict[str, tuple[str, str]],
                 duplicate_page: str = "") -> str:
    """The HTML of one article's page."""
    e = html.escape
    url = str(article.get("url") or "")
    link = f'<a href="{e(url)}" rel="noreferrer">{e(url)}</a>' if re.match(r"https?://", url) else e(url)
    published = str(article.get("published") or "")
    source = str(article.get("published_source") or "")
    rows = []
    for c in sorted(claims, key=lambda c: (int(c["char_start"]), c["kind"])):
        anchor = _SAFE.sub("_", str(c["claim_id"]))
        verdict, note = verdicts.get(str(c["claim_id"]), ("", ""))
        rows.append(
            f'<tr><td><a href="#c-{anchor}">{e(KIND_LABEL.get(c["kind"], c["kind"]))}</a></td>'
            f'<td>{e(str(c.get("subject") or ""))}</td><td>{e(str(c.get("metric") or ""))}</td>'
            f"<td>{e(_figure(c))}</td>"
            f'<td class="verdict-{e(verdict)}" title="{e(note)}">{e(verdict)}</td></tr>'
        )
    table = ("<table class=\"claims\"><thead><tr><th>kind</th><th>subject</th><th>metric</th><th>figure</th>"
             "<th>verdict</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>") if rows else "<p>No claims.</p>"
    duplicate = (f'<p>This file repeats <a href="{e(duplicate_page)}">{e(str(article.get("duplicate_of")))}</a>; '
                 "its claims are counted there.</p>") if duplicate_page else ""
    title = str(article.get("title") or "") or "(no title in text)"
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title><style>{STYLE}</style></head>
<body>
<p><a class="back" href="index.html">← all articles</a> · <a class="back" href="../index.html">all reports</a></p>
<h1>{e(title)}</h1>
<dl class="meta">
<dt>Outlet</dt><dd>{e(str(article.get("outlet") or "")) or "—"}</dd>
<dt>Published</dt><dd>{e(published) or "unknown"}{f" ({e(source)})" if source and published else ""}</dd>
<dt>Address</dt><dd>{link or "—"}</dd>
<dt>File</dt><dd>{e(str(article.get("file") or ""))}</dd>
<dt>Article id</dt><dd>{e(str(article["article_id"]))}</dd>
</dl>
{duplicate}
<div class="layout">
<div class="text">{_marked_text(str(article.get("text") or ""), claims)}</div>
<div><h2>Claims ({len(claims)})</h2>{table}</div>
</div>
</body></html>
"""


def index_page(articles: pd.DataFrame, counts: dict[str, int]) -> str:
    """The list of every article, newest first, each linking to its page."""
    e = html.escape
    order = articles[["article_id", "file", "title", "outlet", "published", "duplicate_of"]]
    order = order.assign(_p=order["published"].fillna("")).sort_values(["_p", "file"], ascending=[False, True])
    rows = "".join(
        f'<tr><td><a href="{e(page_name(a["article_id"]))}">{e(a["title"] or "(no title in text)")}</a></td>'
        f"<td>{e(a['outlet'] or '')}</td><td>{e(a['published'] or '')}</td><td>{counts.get(a['article_id'], 0)}</td>"
        f"<td>{e(a['article_id'])}</td><td>{'duplicate' if a['duplicate_of'] else ''}</td></tr>"
        for a in _records(order, ["article_id", "title", "outlet", "published", "duplicate_of"])
    )
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>Articles</title><style>{STYLE}</style>
{datatables.head("../")}</head>
<body>
<p><a class="back" href="../index.html">← all reports</a></p>
<h1>Articles ({len(articles)})</h1>
<table class="claims cw-table"><thead><tr><th>title</th><th>outlet</th><th>published</th><th>claims</th><th>id</th>
<th></th></tr></thead><tfoot><tr>{"<th></th>" * 6}</tr></tfoot><tbody>{rows}</tbody></table>
</body></html>
"""


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as dicts, column by column (much faster than `to_dict("records")` on Arrow-backed columns)."""
    present = [c for c in columns if c in df.columns]
    values = [df[c].tolist() for c in present]
    return [dict(zip(present, row)) for row in zip(*values)]


_CODE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
_MANIFEST = ".pages.json"
_CLAIM_FIELDS = ["claim_id", "article_id", "kind", "subject", "metric", "scope", "value", "value_max", "from_value",
                 "to_value", "unit", "hedge", "actor", "action", "period", "date_start", "status", "char_start",
                 "char_end"]
_ARTICLE_FIELDS = ["article_id", "file", "title", "outlet", "published", "published_source", "url", "duplicate_of",
                   "text"]


def write_article_pages(tables: Tables, folder: Path, *, part_signatures: dict[int, str] | None = None,
                        previous: Path | None = None, tables_dir: Path | None = None) -> int:
    """Write every article's page and the list of articles into `folder`; returns the pages rendered.

    With the build's `part_signatures` (what each part of the tables depends on) and the `previous`
    report's pages, the pages of a part whose signature is unchanged are linked from the previous
    report instead of being rendered again: one new article re-renders one part's pages. When the
    articles come without their text (`load(..., text=False)`), the text of the articles rendered is
    read from `tables_dir`, part by part."""
    folder.mkdir(parents=True, exist_ok=True)
    signatures = part_signatures or {}
    known: dict = {}
    if previous is not None and signatures:
        try:
            known = json.loads((previous / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        if not isinstance(known, dict) or known.get("code") != _CODE or not isinstance(known.get("parts"), dict):
            known = {}
    arts = tables.articles
    by_part: dict[int, list[int]] = {}  # each part's articles, as row positions
    for i, file in enumerate(arts["file"].tolist()):
        by_part.setdefault(part_of(file), []).append(i)
    ids = arts["article_id"].tolist()
    manifest: dict[str, str] = {}
    to_render: list[int] = []
    for part, rows in by_part.items():
        signature = signatures.get(part, "")
        if signature:
            manifest[str(part)] = signature
        if not (signature and known.get("parts", {}).get(str(part)) == signature
                and _link_all(previous, folder, [page_name(ids[i]) for i in rows])):
            to_render.extend(rows)
    # Only the claims and verdicts of the articles rendered are made into records (one new article: one part's).
    chosen = arts.iloc[sorted(to_render)]
    if "text" not in chosen.columns and tables_dir is not None:
        chosen = chosen.assign(text=chosen["article_id"].map(_texts(tables_dir, {part_of(f) for f in chosen["file"]})))
    wanted = set(chosen["article_id"])
    claims = tables.claims[tables.claims["article_id"].isin(wanted)]
    by_article: dict[str, list[dict]] = {}
    for c in _records(claims, _CLAIM_FIELDS):
        by_article.setdefault(c["article_id"], []).append(c)
    verdicts: dict[str, tuple[str, str]] = {}
    if not tables.claim_check.empty:
        check = tables.claim_check[tables.claim_check["claim_id"].isin(claims["claim_id"])]
        verdicts = {str(i): (v, n) for i, v, n in zip(check["claim_id"].tolist(), check["verdict"].tolist(),
                                                       check["note"].tolist())}
    rendered = 0
    for a in _records(chosen, _ARTICLE_FIELDS):
        own = by_article.get(a["article_id"], [])
        duplicate = page_name(a["duplicate_of"]) if a.get("duplicate_of") else ""
        (folder / page_name(a["article_id"])).write_text(article_page(a, own, verdicts, duplicate), encoding="utf-8")
        rendered += 1
    _place_font(folder, previous)
    counts = {k: int(v) for k, v in tables.claims["article_id"].value_counts().items()}
    (folder / "index.html").write_text(index_page(arts, counts), encoding="utf-8")
    (folder / _MANIFEST).write_text(json.dumps({"code": _CODE, "parts": manifest}), encoding="utf-8")
    return rendered


def _texts(tables_dir: Path, wanted_parts: set[int]) -> dict[str, str]:
    """The whole text of the articles of some parts of the tables, by article."""
    out: dict[str, str] = {}
    for part in sorted(wanted_parts):
        table = pq.read_table(parquet_path(Path(tables_dir), "articles", part), columns=["article_id", "text"])
        out.update(zip(table.column("article_id").to_pylist(), table.column("text").to_pylist()))
    return out


def _place_font(folder: Path, previous: Path | None) -> None:
    """The bundled CJK font beside the pages: linked from the last report or the installed package."""
    source = previous / FONT_FILE if previous is not None and (previous / FONT_FILE).is_file() else cjk_font_path()
    target = folder / FONT_FILE
    if target.exists():
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link_all(previous: Path | None, folder: Path, names: list[str]) -> bool:
    """Hard-link (or copy) the previous report's pages into `folder`; False if any is missing."""
    if previous is None or not all((previous / n).is_file() for n in names):
        return False
    for n in names:
        try:
            os.link(previous / n, folder / n)
        except FileExistsError:
            pass
        except OSError:
            shutil.copy2(previous / n, folder / n)
    return True
