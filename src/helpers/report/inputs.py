"""What a notebook's page depends on, read without running it, and the signature of all of it.

A notebook declares the tables it reads in its `parameters` cell (`inputs = "articles, claims"`,
checked when it runs: `store.tables.load(only=...)` makes an undeclared table fail on use). Its page
depends on those tables' contents, on the notebook itself, on the helper modules it imports (and
the modules those import, found by reading their import statements), on the curated data the
helpers read (lexicon, reference, review), on the parameters that say what to report (corpus, as-of
date; not the folders of this run) and on the libraries and templates that execute and render it.
The runner keeps a notebook's last page when that signature is unchanged, as it keeps the whole
report when the report's signature is.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

from .. import paths
from ..build.versions import folder_digest
from ..store.parts import content_digest
from ..store.tables import TABLE_FILES, table_names

PACKAGE = "helpers"
RENDER_LIBRARIES = ("papermill", "nbconvert", "nbformat", "ipykernel", "matplotlib", "seaborn", "pandas", "numpy",
                    "pyarrow", "jieba")


def _code_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _parse(source: str) -> ast.Module | None:
    """A cell's code (lines of IPython magic and shell escapes left out), or None when it is not Python."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def declared_tables(notebook: dict) -> list[str] | None:
    """The tables the `parameters` cell's `inputs` names, or None when it names none (the notebook reads
    every table). A value that is not a string of known table names is an error, naming it."""
    for cell in _code_cells(notebook):
        if "parameters" not in cell.get("metadata", {}).get("tags", []):
            continue
        tree = _parse(_source(cell))
        for node in tree.body if tree else []:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "inputs" for t in node.targets):
                if not (isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                    raise ValueError("parameter inputs: not a string of table names")
                return table_names(node.value.value)
    return None


def _module_file(module: str) -> Path | None:
    """The source file of a module of this package (`helpers.themes.overview`), or None."""
    parts = module.split(".")
    if parts[0] != PACKAGE:
        return None
    base = paths.PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(tree: ast.AST, package: str) -> set[str]:
    """The modules of this package an import statement anywhere in `tree` names (`from pkg import mod`
    names the module `pkg.mod` when there is one, else `pkg`), with the packages they sit in."""
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            names = [f"{source}.{a.name}" if _module_file(f"{source}.{a.name}") else source for a in node.names]
        for name in names:
            parts = name.split(".")
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1) if _module_file(".".join(parts[:i])))
    return found


@functools.lru_cache(maxsize=256)
def _imports_of(module: str, stamp: tuple[int, int]) -> frozenset[str]:
    path = _module_file(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return frozenset(_imported(tree, package))


def helper_modules(notebook: dict) -> list[str] | None:
    """Every module of this package the notebook's code imports, directly or through the modules it
    imports; None when a cell is not readable as Python (then the whole package counts)."""
    todo: set[str] = set()
    for cell in _code_cells(notebook):
        tree = _parse(_source(cell))
        if tree is None:
            return None
        todo |= _imported(tree, "")
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        st = _module_file(module).stat()
        todo |= _imports_of(module, (st.st_mtime_ns, st.st_size)) - seen
    return sorted(seen)


def notebook_signature(source: Path, tables: Path, parameters: dict) -> str:
    """Everything the notebook's page depends on (see the module's docstring); empty when the build left
    no signature (it could not read everything): such a page is always made anew."""
    if not (tables / ".build-signature").exists():
        return ""
    body = source.read_bytes()
    notebook = json.loads(body)
    names = declared_tables(notebook)
    modules = helper_modules(notebook)
    h = hashlib.sha256(body)
    h.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    h.update(f"python={sys.version}".encode())
    for name in names if names is not None else list(TABLE_FILES):
        h.update(f"table {name}={content_digest(tables, [TABLE_FILES[name]])}".encode())
    files = ([_module_file(m) for m in modules] if modules is not None
             else sorted(paths.PACKAGE_DIR.rglob("*.py")))
    for path in files:
        h.update(path.relative_to(paths.PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    for folder in (paths.LEXICON, paths.REFERENCE, paths.REVIEW, paths.ACCURACY):
        h.update(f"{folder.name}={folder_digest(folder)}".encode())
    for path in sorted(p for p in paths.TEMPLATES.rglob("*") if p.is_file()):
        h.update(path.relative_to(paths.TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    for library in RENDER_LIBRARIES:
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{library}=?".encode())
    return h.hexdigest()
