"""Shared fixtures: the project's lexicon, a simplifier, and small corpora written per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import paths
from helpers.lang import lexicon as lexicon_mod
from helpers.lang.script import Simplifier


@pytest.fixture(scope="session")
def lexicon():
    return lexicon_mod.load()


@pytest.fixture(scope="session")
def simplifier(lexicon):
    return Simplifier(lexicon)


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A copy of seeds/ the test may add files to."""
    corpus = tmp_path / "corpus"
    shutil.copytree(paths.SEEDS, corpus)
    return corpus


def seed_text(name_prefix: str) -> str:
    path = next(paths.SEEDS.glob(f"{name_prefix}_*.txt"))
    return path.read_text(encoding="utf-8")
