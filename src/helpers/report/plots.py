"""Charts: the bundled CJK font, a house style, and the CSV written beside every chart."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..store.atomic import write_table

FONT_FILE = "NotoSansCJKsc-Regular.otf"
FONT_FAMILY = "Noto Sans CJK SC"


def cjk_font_path() -> Path:
    """The CJK font shipped by the `mplfonts` package (no system fonts needed)."""
    import mplfonts

    path = Path(mplfonts.__file__).parent / "fonts" / FONT_FILE
    if not path.exists():
        raise FileNotFoundError(f"CJK font missing: {path} (reinstall the 'mplfonts' package)")
    return path


def setup_fonts() -> str:
    """Register the bundled font with matplotlib and make it the default; returns its family."""
    import matplotlib as mpl
    from matplotlib import font_manager

    path = cjk_font_path()
    if FONT_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [FONT_FAMILY, "DejaVu Sans"]
    mpl.rcParams["axes.unicode_minus"] = False
    # Labels carry article ids, file names and titles: a `$` in them is text, never mathtext.
    mpl.rcParams["text.parse_math"] = False
    return FONT_FAMILY


def setup(style: str = "whitegrid") -> None:
    """House style for notebooks: seaborn theme with the CJK font, readable sizes."""
    import seaborn as sns

    sns.set_theme(style=style, context="notebook")
    setup_fonts()
    import matplotlib as mpl

    mpl.rcParams["figure.dpi"] = 110
    mpl.rcParams["figure.figsize"] = (8, 4.5)


def chart_name(name: str) -> str:
    """A file-safe chart name: `fig1_article_lengths`."""
    return re.sub(r"[^0-9A-Za-z_\-]+", "_", name).strip("_")


def save_chart_data(data: pd.DataFrame, report_dir: Path | str, notebook: str, name: str) -> Path:
    """Write the data behind a chart as CSV (UTF-8 with BOM) under `report_dir/notebook/name.csv`."""
    path = Path(report_dir) / chart_name(notebook) / f"{chart_name(name)}.csv"
    write_table(data, path)
    return path
