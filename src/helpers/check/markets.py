"""Markets a share figure can be of, and which of them are compared with each other."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

# A share of `中国…`, `在华…` or `国内…` is of China's market, a share of `全球…` of the world's; any
# other scope is a family of its own (compared only with the same scope).
CHINA_PREFIXES = ("中国", "在华", "国内")
GLOBAL_PREFIXES = ("全球",)


def market_families(scopes: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """The market family of every scope of an Arrow column: `China`, `global`, or the scope itself."""
    text = pa.large_string()
    china = pc.match_substring_regex(scopes, "^(" + "|".join(map(re.escape, CHINA_PREFIXES)) + ")")
    world = pc.match_substring_regex(scopes, "^(" + "|".join(map(re.escape, GLOBAL_PREFIXES)) + ")")
    return pc.if_else(china, pa.scalar("China", text), pc.if_else(world, pa.scalar("global", text), scopes))
