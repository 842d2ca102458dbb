"""When two figures, or two dates, can both be true: the one home of what a hedge means.

A figure printed bare allows the rounding its digits imply (`rounding_tolerances`); `超` puts the
true figure above it, `不足` below, `约` / `近` / `或` within a tenth. The claim check applies this
to a claim and a reference figure (`hedge_agrees`), the disagreement search to every pair of
figures of a group at once (`consistency`); dates are compared as spans (`dates_overlap`, and
`spans_overlap` for every pair of a group at once).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np

EXACT, ABOVE, BELOW, ABOUT = 0, 1, 2, 3
ABOUT_TOLERANCE = 0.10  # `约`, `近`, `或`: within a tenth of the figure


def hedge_kind(hedge: str) -> int:
    """What a hedge says of the true figure: ABOVE (`超`), BELOW (`不足`), ABOUT (`约`, `近`, `或`) or
    EXACT (within the rounding its digits allow)."""
    if "不足" in hedge or "不到" in hedge or "低于" in hedge or "少于" in hedge:
        return BELOW
    if "超" in hedge or "逾" in hedge or "高于" in hedge:
        return ABOVE
    if "约" in hedge or "近" in hedge or "或" in hedge:
        return ABOUT
    return EXACT


def rounding_tolerances(printed) -> np.ndarray:
    """Relative tolerance of figures printed without a hedge: half a unit of each one's last significant
    digit (600 → ±50, 0.9 → ±0.05, 1979 → ±0.5, 1.5e10 → ±0.05e10), and at least 2%. Vectorised."""
    a = np.abs(np.atleast_1d(np.asarray(printed, dtype="float64")))
    out = np.full(a.shape, 0.02)
    ok = np.isfinite(a) & (a > 0)
    if not ok.any():
        return out
    x = a[ok]
    magnitude = np.floor(np.log10(x))

    def to_significant(d: int) -> np.ndarray:
        scale = 10.0 ** (d - 1 - magnitude)
        return np.round(x * scale) / scale

    six = to_significant(6)  # figures are compared as printed to six significant digits at most
    digits = np.full(x.shape, 6.0)
    for d in range(5, 0, -1):
        digits = np.where(np.isclose(to_significant(d), six, rtol=1e-12, atol=0), d, digits)
    half_unit = 0.5 * 10.0 ** (magnitude - digits + 1)
    out[ok] = np.maximum(0.02, half_unit / x)
    return out


def _rounding_tolerance(printed: float) -> float:
    return float(rounding_tolerances(printed)[0])


def hedge_agrees(claim: float, hedge: str, reference: float, printed: float | None = None) -> bool:
    """Whether a reference figure satisfies a claim with its hedge.

    `printed` is the figure as the article wrote it, before any unit conversion: its digits
    decide how much rounding a bare figure allows.
    """
    if not (math.isfinite(claim) and math.isfinite(reference)):
        return False
    if reference == 0 or claim == 0:
        return claim == reference
    kind = hedge_kind(hedge)
    if kind == ABOVE:
        return reference > claim * 0.999
    if kind == BELOW:
        return reference < claim * 1.001
    if kind == ABOUT:
        return abs(reference - claim) / abs(reference) <= ABOUT_TOLERANCE
    tolerance = _rounding_tolerance(float(printed if printed is not None else claim))
    return abs(reference - claim) / abs(reference) <= tolerance



def consistency(figures: np.ndarray, hedges: list[str]) -> np.ndarray:
    """K × K: whether figure i (with its hedge) and figure j can both be true; `hedge_agrees` both ways, vectorised."""
    f = figures.astype("float64")
    kind = np.array([hedge_kind(h) for h in hedges])
    with np.errstate(divide="ignore", invalid="ignore"):
        rel = np.abs(f[None, :] - f[:, None]) / np.abs(f[None, :])  # row: the claim, column: the figure it meets
        tol = rounding_tolerances(f)
        agrees = rel <= tol[:, None]
        for code, test in ((ABOVE, lambda c: f[None, :] > c * 0.999), (BELOW, lambda c: f[None, :] < c * 1.001),
                           (ABOUT, None)):
            rows = np.flatnonzero(kind == code)
            if len(rows):
                agrees[rows] = test(f[rows, None]) if test else rel[rows] <= ABOUT_TOLERANCE
    zero = f == 0
    if zero.any():
        agrees[zero, :] = zero[None, :]
        agrees[:, zero] = zero[:, None]
    bad = ~np.isfinite(f)
    if bad.any():
        agrees[bad, :] = False
        agrees[:, bad] = False
    return agrees | agrees.T



def dates_overlap(a_start: str, a_end: str, b_start: str, b_end: str, slack_days: int = 0) -> bool:
    """Whether two date spans (ISO dates; an empty end is the start) share a day, allowing `slack_days`
    on either side. A span with no start overlaps nothing."""
    if not a_start or not b_start:
        return False
    a0, a1 = dt.date.fromisoformat(a_start), dt.date.fromisoformat(a_end or a_start)
    b0, b1 = dt.date.fromisoformat(b_start), dt.date.fromisoformat(b_end or b_start)
    slack = dt.timedelta(days=slack_days)
    return a0 - slack <= b1 and b0 - slack <= a1


def spans_overlap(starts: np.ndarray, ends: np.ndarray, slack_days: int = 0) -> np.ndarray:
    """`dates_overlap` for every pair of spans at once, the spans given as day numbers (NaN where a span
    has no start: it overlaps nothing)."""
    with np.errstate(invalid="ignore"):
        gap = np.maximum(starts[:, None] - ends[None, :], starts[None, :] - ends[:, None])
        return gap <= slack_days
