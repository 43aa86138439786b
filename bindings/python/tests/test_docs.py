"""The docstring examples run and are right."""

import doctest

import pytest

import tongyong
import tongyong.louis
import tongyong.sign


# (The exception classes of tongyong._errors are public as tongyong.*: tested with tongyong.)
@pytest.mark.parametrize("module", [tongyong, tongyong.louis, tongyong.sign])
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
