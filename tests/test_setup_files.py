"""The two dependency lists agree, and committed notebooks are clean and parameterised."""

from __future__ import annotations

import json
import re
import tomllib

from helpers import paths


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _environment_packages() -> set[str]:
    """Package names in environment.yml (conda list and its pip list), without a YAML parser."""
    names = set()
    text = (paths.ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        match = re.match(r"^\s+-\s+(?:-e\s+)?([A-Za-z0-9_.\-]+)", line)
        if match and match.group(1) not in {"pip", "python", "."}:
            names.add(_name(match.group(1)))
    return names


def test_environment_yml_and_pyproject_name_the_same_packages():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for extra in project["optional-dependencies"].values() for r in extra}
    assert _environment_packages() == declared


def test_committed_notebooks_have_no_outputs_and_a_parameters_cell():
    notebooks = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), path.name
        tags = [t for c in code for t in c.get("metadata", {}).get("tags", [])]
        assert tags.count("parameters") == 1, path.name
        assert "finding" in tags, path.name


def test_readme_names_every_notebook_and_the_two_commands():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make report") < 400 and readme.index("make test") < 400
    for path in paths.NOTEBOOKS.glob("[0-9]*.ipynb"):
        assert f"`{path.stem}`" in readme, path.stem
