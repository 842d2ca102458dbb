"""The domain lexicon: entities with their aliases, regional words, domain terms.

Loaded from `data/lexicon/` (see its README). Gives three things the rest of
the code needs: canonical names for any alias (`輝達` → `英伟达`), a scanner
that finds entity mentions in text (names with spaces and digits such as
`Atlas 950 SuperPoD`, which jieba cannot hold), and a jieba tokenizer that
keeps those mentions and the domain terms whole.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from .text import CJK

ENTITY_TYPES = {
    "company", "chip", "system", "agency", "person", "place", "framework",
    "fund", "standard", "org", "tech",
}


class LexiconError(ValueError):
    """A lexicon file that cannot be used as it is."""


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str
    aliases: tuple[str, ...]
    gloss_en: str
    parent: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    type: str


def _has_cjk(s: str) -> bool:
    return re.search(f"[{CJK}]", s) is not None


_WORD = re.compile(r"[A-Za-z0-9]")
# A word worth counting holds a Han character or a Latin letter (not punctuation, not a bare figure).
WORD_LIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _spacings(form: str) -> set[str]:
    """The form with each space or hyphen written as nothing, a space or a hyphen."""
    parts = [p for p in re.split(r"[\s\-]+", form) if p]
    variants = {""}
    for i, part in enumerate(parts):
        joins = [""] if i == 0 else ["", " ", "-"]
        variants = {v + j + part for v in variants for j in joins}
    return variants


@dataclass
class Lexicon:
    entities: list[Entity]
    regional: dict[str, str]
    terms: dict[str, tuple[str, str]]  # term -> (gloss_en, theme)
    _by_form: dict[str, Entity] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entity in self.entities:
            for form in entity.forms:
                key = self._key(form)
                other = self._by_form.get(key)
                if other is not None and other.canonical != entity.canonical:
                    raise LexiconError(
                        f"alias {form!r} names both {other.canonical!r} and {entity.canonical!r}"
                    )
                self._by_form[key] = entity
        self._automaton = self._build_automaton()

    @staticmethod
    def _key(form: str) -> str:
        return re.sub(r"[\s\-]+", "", form).casefold()

    # ------------------------------------------------------------ lookups
    def entity(self, name: str) -> Entity | None:
        """The entity a name (canonical or alias, any case or spacing) refers to."""
        return self._by_form.get(self._key(name))

    def canonical(self, name: str) -> str:
        """Canonical name for `name`, or `name` itself when the lexicon does not know it."""
        entity = self.entity(name)
        return entity.canonical if entity else name

    def _build_automaton(self):
        """An Aho-Corasick automaton over every form, lower-cased, in every spacing (`Atlas950 SuperPoD`)."""
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for entity in self.entities:
            for form in entity.forms:
                for variant in _spacings(form.strip()):
                    key = variant.lower()
                    if key and len(key) == len(variant):
                        automaton.add_word(key, (len(key), entity.canonical, entity.type,
                                                 bool(re.match(r"[a-z0-9]", key)), bool(re.search(r"[a-z0-9]$", key))))
        automaton.make_automaton()
        return automaton

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping entity mentions, leftmost and longest first.

        Latin names match whole words only (`H20` is not found in `H200`), in any case and with
        the spacing and hyphenation variants of their forms.
        """
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer (İ): keep positions
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        candidates = []
        for end, (length, canonical, type_, latin_start, latin_end) in self._automaton.iter(lowered):
            start = end - length + 1
            if latin_start and start > 0 and _WORD.match(text[start - 1]):
                continue
            if latin_end and end + 1 < len(text) and _WORD.match(text[end + 1]):
                continue
            candidates.append((start, -length, canonical, type_))
        candidates.sort()
        found: list[Mention] = []
        taken_until = 0
        for start, neg_length, canonical, type_ in candidates:
            if start < taken_until:
                continue
            end = start - neg_length
            found.append(Mention(start, end, text[start:end], canonical, type_))
            taken_until = end
        return found

    # ------------------------------------------------------------ jieba
    @functools.cached_property
    def tokenizer(self):
        """A jieba Tokenizer of its own (not the global one) that knows the domain words."""
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for word in self.jieba_words():
            tokenizer.add_word(word, freq=20000)
        return tokenizer

    def jieba_words(self) -> list[str]:
        """Words jieba can hold: no spaces (those are matched by `mentions` instead)."""
        words = {f for e in self.entities for f in e.forms if " " not in f.strip()}
        words |= set(self.terms)
        words |= set(self.regional) | set(self.regional.values())
        return sorted(w for w in words if w.strip() and " " not in w)

    def segment(self, text: str) -> list[str]:
        """Words of `text`: lexicon mentions kept whole (as canonical), jieba for the rest."""
        tokens: list[str] = []
        pos = 0
        for m in self.mentions(text):
            if m.start > pos:
                tokens.extend(self.tokenizer.lcut(text[pos : m.start]))
            tokens.append(m.canonical)
            pos = m.end
        if pos < len(text):
            tokens.extend(self.tokenizer.lcut(text[pos:]))
        return [t for t in tokens if t.strip()]

    def term_counts(self, text: str) -> list[tuple[str, int]]:
        """The words of `text` (`segment`) of two or more characters that hold a Han character or a
        Latin letter, with how often each occurs, in the order each first occurs: what the build
        stores per article (the `terms` table) and every word count is aggregated from."""
        counts: dict[str, int] = {}
        for word in self.segment(text):
            if len(word) > 1 and WORD_LIKE.search(word):
                counts[word] = counts.get(word, 0) + 1
        return list(counts.items())

    # ------------------------------------------------------------ themes
    @functools.cached_property
    def theme_patterns(self) -> dict[str, re.Pattern]:
        """Per theme of the term list (in the order themes first appear there): one pattern of its
        terms, longest first."""
        themes: dict[str, list[str]] = {}
        for term, (_, theme) in self.terms.items():
            themes.setdefault(theme, []).append(term)
        return {t: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True)))) for t, ws in themes.items()}

    def theme_chars(self, sentences: list[str]) -> list[tuple[str, int]]:
        """Per theme: the characters of the sentences (simplified) that name at least one of its terms
        (a sentence can touch several themes); every theme listed, in `theme_patterns` order."""
        return [(theme, sum(len(s) for s in sentences if pattern.search(s)))
                for theme, pattern in self.theme_patterns.items()]


def _read_csv(path: Path, required: list[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise LexiconError(f"{path}: missing column(s) {', '.join(missing)}")
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: lexicon file not found") from exc


def read_lexicon(folder: Path) -> Lexicon:
    entities = []
    for line, row in enumerate(
        _read_csv(folder / "entities.csv", ["canonical", "type", "aliases", "gloss_en", "parent"]),
        start=2,
    ):
        if not row["canonical"]:
            raise LexiconError(f"{folder / 'entities.csv'} line {line}: empty canonical name")
        if row["type"] not in ENTITY_TYPES:
            raise LexiconError(
                f"{folder / 'entities.csv'} line {line}: unknown type {row['type']!r}"
            )
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        entities.append(
            Entity(row["canonical"], row["type"], aliases, row["gloss_en"], row.get("parent", ""))
        )
    regional = {
        r["term"]: r["simplified"]
        for r in _read_csv(folder / "regional_terms.csv", ["term", "simplified", "gloss_en"])
        if r["term"] and r["simplified"] and r["term"] != r["simplified"]
    }
    terms = {
        r["term"]: (r["gloss_en"], r["theme"])
        for r in _read_csv(folder / "terms.csv", ["term", "gloss_en", "theme"])
        if r["term"]
    }
    return Lexicon(entities, regional, terms)


def load(folder: str | Path | None = None) -> Lexicon:
    """The project's lexicon (cached per folder, however the folder is named)."""
    return _load(Path(folder).resolve() if folder else paths.LEXICON.resolve())


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> Lexicon:
    return read_lexicon(folder)
