"""The package as users see it: ``__all__``, ``dir()``, ``help()`` and the installed licences."""

import importlib
import inspect
import importlib.metadata
import pydoc

import pytest

import tongyong

SUBMODULES = {"louis", "sign"}


def test_every_name_of_all_exists():
    for name in tongyong.__all__:
        assert hasattr(tongyong, name), name
    assert len(set(tongyong.__all__)) == len(tongyong.__all__)


def test_dir_lists_the_api_and_no_helpers():
    assert set(dir(tongyong)) == set(tongyong.__all__) | SUBMODULES
    for helper in ("List", "Optional", "dataclass", "functools", "asdict", "_tongyong"):
        assert helper not in dir(tongyong)


def test_star_import_gives_all():
    namespace = {}
    exec("from tongyong import *", namespace)
    public = {k for k in namespace if not k.startswith("__")}
    assert public == set(tongyong.__all__) - {"__version__"}


@pytest.mark.parametrize("module", ["tongyong", "tongyong.sign", "tongyong.louis"])
def test_public_names_are_documented(module):
    mod = importlib.import_module(module)
    for name in mod.__all__:
        obj = getattr(mod, name)
        # Classes and functions; type aliases (UserWords) have no docstring of their own.
        if inspect.isclass(obj) or inspect.isroutine(obj):
            assert (obj.__doc__ or "").strip(), f"{module}.{name} has no docstring"


def test_help_shows_the_api_docstrings():
    text = pydoc.render_doc(tongyong, renderer=pydoc.plaintext)
    # The module's own docstring, then each function and class with its first doc line.
    assert "National Common Braille" in text
    for name in ("to_braille", "translate", "to_pinyin", "from_braille", "to_signs", "Translator"):
        first_line = getattr(tongyong, name).__doc__.strip().splitlines()[0]
        assert name in text, name
        assert first_line in text, f"help(tongyong) lacks the doc of {name}: {first_line!r}"
    # pydoc follows __all__: the typing helpers are not shown as part of the package.
    assert "dataclass(" not in text


def test_installed_distribution_carries_the_licences():
    try:
        files = importlib.metadata.files("tongyong")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("tongyong is not installed as a distribution")
    names = {f.name for f in files or []}
    assert {"LICENSE-MIT", "LICENSE-APACHE", "NOTICE"} <= names, names
    meta = importlib.metadata.metadata("tongyong")
    assert "MIT OR Apache-2.0" in (meta.get("License-Expression") or meta.get("License") or "")
