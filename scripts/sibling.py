"""Loads another script of this folder as a module (their names have hyphens, so `import` cannot)."""

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(filename):
    """The module of scripts/FILENAME (e.g. "cpp-peers.py"), executed once per call."""
    name = os.path.splitext(filename)[0].replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, filename))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
