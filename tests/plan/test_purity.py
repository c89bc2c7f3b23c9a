"""bot.plan stays pure: no Slack, no database, no chat layer, and it never reads the clock."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PLAN = Path(__file__).resolve().parents[2] / "bot" / "plan"
FORBIDDEN_MODULES = ("slack_sdk", "slack_bolt", "sqlalchemy", "alembic", "bot.storage", "bot.chat", "bot.slack", "time")
CLOCK_CALLS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter"}


def _modules():
    return sorted(PLAN.glob("*.py"))


def _imported(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_package_has_modules():
    assert {p.stem for p in _modules()} >= {"parse", "schedule", "status", "reminders", "nudge", "export"}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_slack_database_or_chat_imports(path):
    imported = _imported(ast.parse(path.read_text()))
    bad = [n for n in imported if any(n == f or n.startswith(f + ".") for f in FORBIDDEN_MODULES)]
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_no_clock_reads(path):
    calls = [
        node.func.attr
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCK_CALLS
    ]
    assert not calls, f"{path.name} reads the clock: {calls}; take now/today as an argument"


def test_the_checks_catch_a_bad_module():
    tree = ast.parse("from slack_sdk import WebClient\nimport sqlalchemy.orm\nfrom datetime import datetime\n")
    assert _imported(tree) == ["slack_sdk", "sqlalchemy.orm", "datetime"]


def test_importing_the_package_loads_no_slack_or_database_module():
    code = (
        "import sys, bot.plan; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'slack_sdk', 'slack_bolt', 'alembic'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PLAN.parents[1]
    )
    assert result.stdout.strip() == "[]"
