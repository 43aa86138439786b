"""The committed stubs (_tongyong.pyi) match the native module, and py.typed is installed."""

import ast
import inspect
import pathlib

import tongyong
from tongyong import _tongyong

PACKAGE = pathlib.Path(tongyong.__file__).parent
STUB = PACKAGE / "_tongyong.pyi"

KINDS = {
    "posonly": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "kwonly": inspect.Parameter.KEYWORD_ONLY,
}


def stub_signature(fn: ast.FunctionDef):
    """[(name, kind, default)] of a stub function, without self."""
    a = fn.args
    out = []
    positional = [(p, "posonly") for p in a.posonlyargs] + [(p, "args") for p in a.args]
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for (p, kind), d in zip(positional, defaults):
        out.append((p.arg, KINDS[kind], None if d is None else ast.literal_eval(d)))
    for p, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append((p.arg, KINDS["kwonly"], None if d is None else ast.literal_eval(d)))
    if out and out[0][0] == "self":
        out = out[1:]
    return out


def runtime_signature(obj):
    out = []
    for p in inspect.signature(obj).parameters.values():
        if p.name == "self":
            continue
        default = None if p.default is inspect.Parameter.empty else p.default
        kind = p.kind
        # pyo3 reports positional parameters as positional-or-keyword.
        out.append((p.name, kind, default))
    return out


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def test_py_typed_and_stub_are_installed():
    assert (PACKAGE / "py.typed").exists()
    assert STUB.exists()


def test_stub_names_match_the_module():
    tree = stub_tree()
    stub_names = {
        node.name
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    runtime_names = {n for n in dir(_tongyong) if not n.startswith("_")}
    assert stub_names == runtime_names


def test_stub_signatures_match_the_module():
    checked = 0
    for node in stub_tree().body:
        if isinstance(node, ast.FunctionDef):
            assert stub_signature(node) == runtime_signature(getattr(_tongyong, node.name)), node.name
            checked += 1
        elif isinstance(node, ast.ClassDef):
            cls = getattr(_tongyong, node.name)
            methods = {m.name: m for m in node.body if isinstance(m, ast.FunctionDef)}
            runtime_methods = {
                n for n, v in vars(cls).items() if not n.startswith("_") and callable(v)
            }
            assert set(methods) - {"__init__"} == runtime_methods, node.name
            for name, m in methods.items():
                target = cls if name == "__init__" else getattr(cls, name)
                assert stub_signature(m) == runtime_signature(target), f"{node.name}.{name}"
                checked += 1
    assert checked >= 6
