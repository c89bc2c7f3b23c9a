"""The layering rules, read from the imports: pure packages stay free of Slack, SQL and the use cases."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

BOT = ROOT / "bot"
PURE = ("bot/knowledge", "bot/assessment", "bot/plan", "bot/views")
FORBIDDEN_IN_PURE = (
    "sqlalchemy",
    "slack_bolt",
    "slack_sdk.web",
    "slack_sdk.oauth",
    "bot.storage",
    "bot.chat",
    "bot.slack",
)
FORBIDDEN_IN_STORAGE = ("bot.chat", "bot.slack", "slack_bolt")
FORBIDDEN_IN_CHAT = ("slack_bolt", "slack_sdk", "bot.slack")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports (absolute names; `from x import y` counts x and x.y)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in sorted(imports_of(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


@pytest.mark.parametrize("folder", PURE)
def test_pure_packages_import_no_slack_sql_or_use_cases(folder):
    if not (ROOT / folder).is_dir():
        pytest.skip(f"{folder} does not exist yet")
    assert violations(folder, FORBIDDEN_IN_PURE) == []


def test_storage_imports_no_use_cases_or_slack():
    assert violations("bot/storage", FORBIDDEN_IN_STORAGE) == []


def test_use_cases_import_no_slack():
    assert violations("bot/chat", FORBIDDEN_IN_CHAT) == []


def test_the_rule_reader_sees_a_violation(tmp_path, monkeypatch):
    bad = tmp_path / "bot" / "plan"
    bad.mkdir(parents=True)
    (bad / "x.py").write_text("from sqlalchemy.orm import Session\nimport bot.storage.queries\n")
    monkeypatch.setattr("tests.test_layers.ROOT", tmp_path)
    assert violations("bot/plan", FORBIDDEN_IN_PURE) == [
        "bot/plan/x.py imports bot.storage.queries",
        "bot/plan/x.py imports sqlalchemy.orm",
        "bot/plan/x.py imports sqlalchemy.orm.Session",
    ]


def environment_readers(root: Path) -> list[str]:
    """Files of bot/ that read the process environment (os.environ, os.getenv) other than the settings."""
    found = []
    for path in sorted((root / "bot").rglob("*.py")):
        if path.relative_to(root).as_posix() == "bot/config.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            reads = isinstance(node, ast.Attribute) and node.attr in ("environ", "environb", "getenv")
            if reads and isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_only_the_settings_read_the_environment(tmp_path):
    assert environment_readers(ROOT) == []
    sneaky = tmp_path / "bot" / "knowledge"
    sneaky.mkdir(parents=True)
    (sneaky / "x.py").write_text("import os\n\nHOME = os.environ.get('HOME')\n")
    assert environment_readers(tmp_path) == ["bot/knowledge/x.py:3"]
