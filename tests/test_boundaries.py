"""The architecture, enforced: ui -> desk -> db, desk/ and db/ Qt-free, SQL only in db/, ruff clean.

Each check is a function of a source tree, so the suite also proves that every check fails
on a tree with a violation planted in it (a copy in tmp_path; the repository is never touched).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_PACKAGES = ("desk", "db")  # must import with Qt absent
SQL_FREE_DIRS = ("desk", "ui", "bench")  # SQL lives in db/ only
BLOCKED = ("PySide6", "shiboken6", "pyqtgraph", "ui")  # what desk/ and db/ may not need
NOT_IMPORTABLE_WITHOUT_UI = {"desk.__main__"}  # runs the command when imported

SQL_PATTERNS = [
    ("SELECT ... FROM", re.compile(r"\bselect\b\s+(?:distinct\s+)?\S[\s\S]*?\bfrom\s+[\w\"\[(]",
                                   re.IGNORECASE)),
    ("INSERT INTO", re.compile(r"\binsert\s+(?:or\s+\w+\s+)?into\b", re.IGNORECASE)),
    ("UPDATE ... SET", re.compile(r"\bupdate\s+(?:or\s+\w+\s+)?[\w.\"\[\]]+\s+set\b",
                                  re.IGNORECASE)),
    ("DELETE FROM", re.compile(r"\bdelete\s+from\b", re.IGNORECASE)),
    ("CREATE TABLE", re.compile(
        r"\bcreate\s+(?:temp\s+|temporary\s+|virtual\s+|unique\s+)?(?:table|index|trigger|view)\b",
        re.IGNORECASE)),
    ("PRAGMA", re.compile(r"\bpragma\s+\w+", re.IGNORECASE)),
]
# Words for people, not for SQLite: arguments of these calls are not scanned.
TRANSLATION_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "_"}


def _run(cmd: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def _tool(name: str) -> str:
    """A console script of the interpreter running the tests (the venv's), else from PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin",
                   Path(sys.prefix) / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


# --- (a) import-linter contracts (pyproject.toml [tool.importlinter]) -------------------------

def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return _run([_tool("lint-imports"), "--no-cache"], cwd=root)


def test_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, (
        "import-linter contracts broken (see [tool.importlinter] in pyproject.toml):\n"
        + result.stdout + result.stderr)
    assert "Contracts: " in result.stdout and " broken" in result.stdout


# --- (b) no SQL outside db/ --------------------------------------------------------------------

def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _translated_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in TRANSLATION_CALLS:
                for arg in node.args:
                    ids.update(id(n) for n in ast.walk(arg))
    return ids


def _strings(tree: ast.AST):
    """(line, text) of every string literal; an f-string is one text with {…} for its fields."""
    skip = _docstring_nodes(tree) | _translated_nodes(tree)
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in skip:
            inside_fstrings.update(id(n) for n in ast.walk(node) if n is not node)
            text = "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
            yield node.lineno, str(text)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and id(node) not in inside_fstrings):
            yield node.lineno, node.value


def find_sql(root: Path, dirs: tuple[str, ...] = SQL_FREE_DIRS) -> list[str]:
    problems = []
    for folder in dirs:
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
            for line, text in _strings(tree):
                for label, pattern in SQL_PATTERNS:
                    if pattern.search(text):
                        snippet = " ".join(text.split())[:80]
                        problems.append(f"{rel}:{line}: {label} in a string literal: {snippet!r}")
                        break
    return problems


def test_no_sql_outside_db() -> None:
    assert list((ROOT / "desk").rglob("*.py")), "desk/ has no Python files: wrong ROOT?"
    problems = find_sql(ROOT)
    assert not problems, ("SQL belongs in db/ only (add a query function there):\n"
                          + "\n".join(problems))


# --- (c) ruff ----------------------------------------------------------------------------------

def test_ruff_check_passes() -> None:
    result = _run([sys.executable, "-m", "ruff", "check", "--no-cache",
                   "--output-format", "concise", "."], cwd=ROOT)
    assert result.returncode == 0, "ruff check . failed:\n" + result.stdout + result.stderr


# --- (d) desk/ and db/ import with Qt (and ui) absent ------------------------------------------

_QT_FREE_PROBE = textwrap.dedent("""
    import importlib, pkgutil, sys, traceback
    root, packages, blocked, exempt = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","), \
        set(sys.argv[4].split(","))
    for name in blocked:
        sys.modules[name] = None  # "import PySide6" now raises ImportError
    failures, imported = [], []

    def where(exc):
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(root)]
        return f"{frames[-1].filename[len(root) + 1:]}:{frames[-1].lineno}" if frames else "?"

    def try_import(name):
        try:
            importlib.import_module(name)
            imported.append(name)
        except BaseException as exc:
            failures.append(f"{name} ({where(exc)}): {type(exc).__name__}: {exc}")

    for package in packages:
        try_import(package)
        module = sys.modules.get(package)
        if module is None:
            continue
        for info in pkgutil.walk_packages(module.__path__, package + ".",
                                          onerror=lambda name: failures.append(
                                              f"{name}: {sys.exc_info()[1]!r}")):
            if info.name in exempt or info.name.rsplit(".", 1)[-1] == "__main__":
                continue
            try_import(info.name)
    print("imported:", " ".join(imported))
    for failure in failures:
        print("FAILED", failure)
    sys.exit(1 if failures else 0)
""")


def import_without_qt(root: Path) -> subprocess.CompletedProcess:
    return _run([sys.executable, "-c", _QT_FREE_PROBE, str(root), ",".join(CORE_PACKAGES),
                 ",".join(BLOCKED), ",".join(NOT_IMPORTABLE_WITHOUT_UI)], cwd=root)


def test_desk_and_db_import_without_qt() -> None:
    result = import_without_qt(ROOT)
    assert result.returncode == 0, (
        f"desk/ and db/ must import with {', '.join(BLOCKED)} unavailable:\n"
        + result.stdout + result.stderr)
    imported = result.stdout.split()
    assert any(m.startswith("db.") for m in imported), result.stdout
    assert any(m.startswith("desk.") for m in imported), result.stdout


# --- every check above must be able to fail ----------------------------------------------------

@pytest.fixture
def violating_tree(tmp_path: Path) -> Path:
    """A copy of the packages with violations planted in desk/ and ui/."""
    for name in ("desk", "db", "ui"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "desk" / "planted_violation.py").write_text(
        '"""A planted violation."""\n\nfrom PySide6.QtCore import QObject\n\n'
        'QUERY = (\n    "select id, title "\n    "from cases where id = ?"\n)\n', encoding="utf-8")
    (tmp_path / "ui" / "planted_violation.py").write_text(
        "import db\n\n\ndef f(conn, t):\n"
        '    conn.execute(f"DELETE FROM {t} WHERE 1")\n'
        '    return tr("Select a case from the list")  # words for people: fine\n',
        encoding="utf-8")
    return tmp_path


def test_checks_catch_planted_violations(violating_tree: Path) -> None:
    result = lint_imports(violating_tree)
    assert result.returncode != 0, result.stdout
    assert "desk.planted_violation -> PySide6" in result.stdout, result.stdout
    assert "ui.planted_violation -> db" in result.stdout, result.stdout

    problems = find_sql(violating_tree)
    assert [p.split(":")[0:2] for p in problems] == [
        ["desk/planted_violation.py", "6"], ["ui/planted_violation.py", "5"]], problems

    result = import_without_qt(violating_tree)
    assert result.returncode != 0, result.stdout
    assert "FAILED desk.planted_violation (desk/planted_violation.py:3)" in result.stdout, (
        result.stdout)
