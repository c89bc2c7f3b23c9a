"""`pip install .` ships every package of bot/ (pyproject lists them by hand)."""

import tomllib

from tests.conftest import ROOT


def test_every_bot_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "bot").rglob("__init__.py")}
    assert on_disk <= listed, f"add to pyproject.toml packages: {sorted(on_disk - listed)}"
