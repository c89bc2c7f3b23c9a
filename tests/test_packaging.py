"""`pip install .` ships every package of bot/ (pyproject lists them by hand)."""

import tomllib

from tests.conftest import ROOT


def test_every_bot_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "bot").rglob("__init__.py")}
    assert on_disk <= listed, f"add to pyproject.toml packages: {sorted(on_disk - listed)}"


def test_the_word_vectors_of_the_static_embedding_are_shipped():
    from fnmatch import fnmatch

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    shipped = patterns["bot.knowledge"]
    folder = ROOT / "bot" / "knowledge"
    files = [p.relative_to(folder).as_posix() for p in (folder / "meaning").iterdir()]
    assert {"meaning/vectors.npy", "meaning/tokenizer.json"} <= set(files)
    assert all(any(fnmatch(f, pattern) for pattern in shipped) for f in files)
