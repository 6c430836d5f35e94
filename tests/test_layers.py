"""The layering holds by construction: import-linter checks the contract in pyproject.toml
(schemas < text < ocr < read < extractors < store < ingest, analysis < bench), and nothing in
the product packages imports the composition (flows.py) or the command line (cli.py)."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = ("schemas", "pipeline", "extractors", "bench")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layer_contract_is_kept():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / "extractors" / "common.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom pipeline.store import db  # an extractor reaching up into storage\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert "extractors.common -> pipeline.store.db" in result.stdout


def test_no_product_module_imports_flows_or_the_cli():
    offenders = []
    for package in ("schemas", "pipeline", "extractors"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("flows", "cli")]
    assert offenders == []


def test_the_installed_package_carries_no_tooling():
    """`pip install .` installs pipeline, extractors and schemas: bench/ and its dependencies
    (jiwer, reportlab) only with the 'bench' extra, from a checkout."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = " ".join(project["project"]["dependencies"])
    assert "jiwer" not in runtime and "reportlab" not in runtime
    assert {"jiwer", "reportlab"} <= {d.split(">")[0] for d in project["project"]["optional-dependencies"]["bench"]}
    assert project["tool"]["setuptools"]["packages"]["find"]["include"] == ["pipeline*", "extractors*", "schemas*"]
