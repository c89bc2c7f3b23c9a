"""bot.assessment stays pure: no Slack, no database, no chat layer, no pyplot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "bot" / "assessment"
FORBIDDEN = ("slack_sdk", "slack_bolt", "sqlalchemy", "alembic", "bot.storage", "bot.chat", "bot.slack", "bot.views")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


MODULES = sorted(PACKAGE.glob("*.py"))


def test_the_package_has_its_modules():
    assert {p.stem for p in MODULES} >= {"elements", "flow", "scoring", "advice", "chart", "export", "report"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_forbidden_imports(path):
    for name in _imports(path):
        assert not any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN), f"{path.name} imports {name}"
        assert name != "matplotlib.pyplot", f"{path.name} imports pyplot"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_modules_stay_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < 300
