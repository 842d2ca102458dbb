"""The layers of `src/helpers/`, held as a rule: imports go down (or stay in their layer), never up,
never round in a cycle, and never hide inside a function; the layout the docs describe is the tree."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import paths

PACKAGE = paths.PACKAGE_DIR
# Lowest first. `build` and `themes` share a rank: they sit beside each other and neither imports the other.
LAYERS = {"paths": 0, "store": 1, "lang": 2, "ingest": 3, "extract": 4, "check": 5, "build": 6, "themes": 6,
          "report": 7, "entry": 8}
# The command-line entry may import lazily, so that `python -m helpers --help` starts fast.
LAZY_ALLOWED = {"helpers.__main__"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return "entry"
    if parts[1] == "paths":
        return "paths"
    return parts[1]


def imports(module: str, path: Path, known: set[str]) -> list[tuple[str, int, bool]]:
    """The project modules `module` imports: (module, line, inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []

    def add(target: str, node: ast.AST, local: bool) -> None:
        if target in known:
            found.append((target, node.lineno, local))

    def visit(node: ast.AST, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    source = ".".join(base + ([child.module] if child.module else []))
                else:
                    source = child.module or ""
                for alias in child.names:  # `from pkg import module` imports the module itself
                    add(f"{source}.{alias.name}" if f"{source}.{alias.name}" in known else source, child, local)
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child, local)
            visit(child, inner)

    visit(tree, False)
    return found


GRAPH = {m: imports(m, p, set(modules())) for m, p in modules().items()}


def test_every_module_is_in_a_known_layer():
    unknown = sorted(m for m in GRAPH if layer(m) not in LAYERS)
    assert not unknown, f"modules outside the layers {sorted(LAYERS)}: {unknown}"


def test_imports_only_go_down_or_stay_in_their_layer():
    upward = []
    for module, targets in GRAPH.items():
        here = layer(module)
        for target, line, _ in targets:
            there = layer(target)
            if target in ("helpers",):
                continue
            if LAYERS[there] > LAYERS[here] or (LAYERS[there] == LAYERS[here] and there != here):
                upward.append(f"{module}:{line} imports {target} ({here} → {there})")
    assert not upward, "imports against the layers:\n" + "\n".join(upward)


def test_no_function_local_imports_between_project_modules():
    hidden = [f"{module}:{line} imports {target} inside a function"
              for module, targets in GRAPH.items() if module not in LAZY_ALLOWED
              for target, line, local in targets if local]
    assert not hidden, "\n".join(hidden)


def test_no_import_cycle():
    edges = {m: sorted({t for t, _, _ in ts if t != m and t != "helpers"}) for m, ts in GRAPH.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def walk(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in edges.get(m, []):
            if state.get(t) == 1:
                cycles.append(" → ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                walk(t)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            walk(m)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_checker_sees_an_upward_import(tmp_path):
    """The rule can fail: an `extract` module importing the build is reported."""
    fake = tmp_path / "helpers" / "extract"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from ..build import pipeline\n\ndef f():\n    from ..store import parts\n")
    known = {"helpers.build.pipeline", "helpers.store.parts", "helpers.extract.bad"}
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "helpers"
    try:
        found = imports("helpers.extract.bad", fake / "bad.py", known)
    finally:
        PACKAGE = saved
    assert ("helpers.build.pipeline", 1, False) in found and ("helpers.store.parts", 4, True) in found
    assert LAYERS[layer("helpers.build.pipeline")] > LAYERS[layer("helpers.extract.bad")]


# ------------------------------------------------------------ the docs describe the tree

ARCHITECTURE = paths.ROOT / "docs" / "architecture.md"


def _tree() -> set[str]:
    """Every module and subpackage as a path below src/helpers (`build/pipeline.py`, `build/`)."""
    names = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}
    names |= {p.relative_to(PACKAGE).as_posix() + "/" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    return names


def test_architecture_doc_names_every_module_and_only_those():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:[a-z_]+/)?[a-z_]+\.py|[a-z_]+/)`", text))
    # names of the package (a layer's folder, or a module at its top); `tests/…`, `data/…` are elsewhere
    named = {n for n in named if n.split("/")[0] in LAYERS or "/" not in n and n.endswith(".py")}
    tree = _tree()
    assert not tree - named, f"docs/architecture.md does not describe: {sorted(tree - named)}"
    assert not named - tree, f"docs/architecture.md names what is not in src/helpers/: {sorted(named - tree)}"


def test_readme_layout_lists_the_layers_in_order_and_links_the_doc():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme
    section = readme[readme.index("## Layout"):]
    section = section[: section.find("\n## ", 4) if "\n## " in section[4:] else len(section)]
    listed = re.findall(r"^\s+src/helpers/([a-z_]+)/", section, re.M)
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert sorted(listed) == packages, f"README layout lists {listed}, the tree has {packages}"
    ranks = [LAYERS[name] for name in listed]
    assert ranks == sorted(ranks), f"README layout is not lowest layer first: {listed}"


@pytest.mark.parametrize("glob_owner", ["build/versions.py"])
def test_cache_keys_name_only_files_that_exist(glob_owner):
    """Each code key's patterns match files (a moved module would silently fall out of a key)."""
    text = (PACKAGE / glob_owner).read_text(encoding="utf-8")
    patterns = re.findall(r'"([a-z_*/]+\.py)"', text)
    assert patterns
    for pattern in patterns:
        assert list(PACKAGE.glob(pattern)), f"{glob_owner}: {pattern} matches no file"


def test_no_table_key_depends_on_theme_or_report_code():
    """Changing a chart or the report never makes the build redo work."""
    text = (PACKAGE / "build" / "versions.py").read_text(encoding="utf-8")
    patterns = re.findall(r'"([a-z_*/]+\.py)"', text)
    assert not [p for p in patterns if p.startswith(("themes/", "report/", "*", "**"))], patterns


def test_no_package_file_is_ignored_by_git():
    """A module that .gitignore hides works here and is missing from every clone."""
    import shutil
    import subprocess

    if shutil.which("git") is None or not (paths.ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    files = [str(p.relative_to(paths.ROOT)) for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *files], cwd=paths.ROOT, capture_output=True,
                             text=True).stdout.split()
    assert not ignored, f"ignored by .gitignore: {ignored}"
