"""Interactive tables with no network fetch: the DataTables library that the `itables` package ships
(its offline bundle), written once per report as two files beside the pages, and a small script of
ours that turns every table `show.table` wrote (`table.cw-table`) into a searchable, sortable,
filterable one.

The tables themselves stay plain, escaped HTML in the page (article text is escaped once, in Python,
and never passes through JavaScript as markup): without the script they still show every row. The
bundle is an ES module; a page opened from disk (`file://`) cannot import a module file, so it is
turned into a classic script once, here: its one closing `export {…}` becomes a property of `window`.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from ..store.atomic import atomic_write

ASSETS = "assets"  # the folder beside the pages
SCRIPT, STYLE = "tables.js", "tables.css"

_EXPORT = re.compile(r"export\s*\{([^}]*)\}\s*;?")

# Ours: runs after the bundle. No inline handlers (`onclick=`): listeners only. No CJK text either: a page
# embeds only the font glyphs its own text uses.
INIT = r"""
(function () {
  "use strict";
  var DataTable = window.chipwatchDataTables && window.chipwatchDataTables.DataTable;
  if (!DataTable) { return; }
  function setup(table) {
    if (table.classList.contains("dataTable")) { return; }
    var foot = table.tFoot, rows = null;
    try { rows = JSON.parse(table.getAttribute("data-rows") || "null"); } catch (error) { rows = null; }
    table.removeAttribute("data-rows");
    var options = {
      order: [], autoWidth: false, pageLength: 25, deferRender: true,
      lengthMenu: [[10, 25, 100, 500, -1], [10, 25, 100, 500, "all"]],
      language: { search: "Search:", searchPlaceholder: "any column" }
    };
    if (Array.isArray(rows)) {
      // the rows' cells are HTML escaped by the report (show.table): shown as they are
      options.data = rows;
      if (table.tBodies[0]) { table.tBodies[0].replaceChildren(); }
    }
    var note = table.nextElementSibling;
    var api = new DataTable(table, options);
    if (note && note.classList.contains("cw-table-note")) {
      note.querySelectorAll(".cw-static").forEach(function (span) { span.remove(); });
    }
    if (foot) {
      api.columns().every(function () {
        var column = this, cell = column.footer();
        if (!cell) { return; }
        var input = document.createElement("input");
        input.type = "search"; input.className = "cw-filter";
        input.placeholder = "filter"; input.setAttribute("aria-label", "filter " + column.header().textContent);
        input.addEventListener("input", function () { column.search(input.value).draw(); });
        cell.textContent = ""; cell.appendChild(input);
      });
    }
    table.addEventListener("click", function (event) {
      if (event.target.closest("a, input, button")) { return; }
      var row = event.target.closest("tbody tr");
      if (row) { row.classList.toggle("cw-open"); }
    });
  }
  function all() { document.querySelectorAll("table.cw-table").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", all); } else { all(); }
})();
"""

# Rows one line high, long cells cut with an ellipsis; a click on a row shows it in full.
CSS = """
:is(.jp-RenderedHTMLCommon, body) table.cw-table { border-collapse: collapse; font-size: 0.85rem; width: auto; margin: 0; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table th, :is(.jp-RenderedHTMLCommon, body) table.cw-table td {
  text-align: left; vertical-align: top; padding: 0.2rem 0.45rem; line-height: 1.4;
  max-width: 24rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table td.dt-type-numeric,
:is(.jp-RenderedHTMLCommon, body) table.cw-table th.dt-type-numeric { text-align: right; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table tbody tr { border-top: 1px solid #e5e5e5; cursor: pointer; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table tbody tr.cw-open td {
  white-space: pre-wrap; overflow: visible; word-break: break-word; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table tfoot { display: table-header-group; }
:is(.jp-RenderedHTMLCommon, body) table.cw-table tfoot th { padding: 0.1rem 0.2rem; }
table.cw-table input.cw-filter { width: 100%; min-width: 3rem; box-sizing: border-box; font-size: 0.75rem; }
div.dt-container div.dt-layout-table > div.dt-layout-cell { overflow-x: auto; }
.cw-table-note { font-size: 0.85rem; color: #555; margin: 0.3rem 0 1rem; }
"""


def _bundle_dir() -> Path:
    import itables

    return Path(itables.__file__).parent / "html"


@lru_cache(maxsize=1)
def assets() -> dict[str, bytes]:
    """The two files every report page links (`assets/tables.js`, `assets/tables.css`)."""
    folder = _bundle_dir()
    try:
        source = (folder / "dt_bundle.js").read_text(encoding="utf-8")
        style = (folder / "dt_bundle.css").read_text(encoding="utf-8")
    except OSError as exc:
        raise FileNotFoundError(f"the DataTables bundle of the itables package is missing in {folder} "
                                f"({exc.strerror or type(exc).__name__}); reinstall itables") from None
    exports = _EXPORT.findall(source)
    if len(exports) != 1:
        raise ValueError(f"{folder / 'dt_bundle.js'}: expected one export statement, found {len(exports)}")
    names = {}
    for item in exports[0].split(","):
        local, _, exported = (part.strip() for part in item.strip().partition(" as "))
        names[exported or local] = local
    if "default" not in names:
        raise ValueError(f"{folder / 'dt_bundle.js'}: no default export (DataTable)")
    table = ", ".join(f"{key}: {local}" for key, local in
                      [("DataTable", names["default"])] + [(k, v) for k, v in names.items() if k != "default"])
    body = _EXPORT.sub(lambda m: f"window.chipwatchDataTables = {{{table}}};", source)
    script = '(function () {\n"use strict";\n' + body + "\n})();\n" + INIT
    return {SCRIPT: script.encode("utf-8"), STYLE: (style + "\n" + CSS).encode("utf-8")}


def digest() -> str:
    """What the assets are made of (the bundle and our code), for the report's signature."""
    h = hashlib.sha256()
    for name, data in sorted(assets().items()):
        h.update(name.encode() + b"\0" + data)
    return h.hexdigest()


def write_assets(report_dir: Path | str) -> Path:
    """Write the assets into `report_dir/assets/` (atomically); returns the folder."""
    folder = Path(report_dir) / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in assets().items():
        atomic_write(folder / name, lambda p, data=data: p.write_bytes(data))
    return folder


def head(prefix: str = "") -> str:
    """The tags a page's head needs (`prefix` is the way from the page to the report folder, `../`)."""
    return (f'<link rel="stylesheet" href="{prefix}{ASSETS}/{STYLE}">\n'
            f'<script defer src="{prefix}{ASSETS}/{SCRIPT}"></script>\n')
