"""What keeps reading a big file linear: lines split a chunk at a time, exactly as
``str.splitlines`` splits them, and the cycle collector paused while reading, then restored."""

from __future__ import annotations

import gc

import pytest

from matchday.io.footballtxt import parser
from matchday.io.footballtxt.parser import collector_paused


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_lines_split_by_chunks_are_the_lines_of_the_text(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(parser, "_CHUNK", chunk)
    text = "= Cup 2020\r\nA v B  1-0\n\n  (X 3')\rlast\x0cline\u2028end\r\n\nno newline"
    assert list(parser._split_lines(text)) == text.splitlines()
    assert list(parser._split_lines(text + "\n")) == (text + "\n").splitlines()


def test_a_big_text_reads_as_it_does_in_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "= Test Cup 2023/24\n\n▪ Final\nSat May 4 2024\n" + "  Alpha v Beta  2-1\n" * 3
    whole = parser.parse(text, "cup.txt")
    monkeypatch.setattr(parser, "_CHUNK", 5)
    assert parser.parse(text, "cup.txt") == whole


def test_the_collector_is_paused_while_reading_and_restored_after() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # still reading in the outer one
        assert gc.isenabled()
        gc.disable()
        with collector_paused():
            pass
        assert not gc.isenabled()  # a program that turned it off keeps it off
        gc.enable()
        with pytest.raises(ValueError, match="boom"), collector_paused():
            raise ValueError("boom")
        assert gc.isenabled()
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
