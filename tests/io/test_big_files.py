"""What keeps reading a big file linear: lines split a chunk at a time, exactly as
``str.splitlines`` splits them, and the cycle collector paused while reading, then restored
after one pass over the young generations."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from matchday.io.footballtxt import parser
from matchday.io.footballtxt.parser import collector_paused


@pytest.mark.parametrize("chunk", [1, 3, 7, 64])
def test_lines_split_by_chunks_are_the_lines_of_the_text(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(parser, "_CHUNK", chunk)
    text = "= Cup 2020\r\nA v B  1-0\n\n  (X 3')\rlast\x0cline\u2028end\r\n\nno newline"
    for whole in (text, text + "\n"):
        pieces = list(parser._chunks(whole))
        assert "".join(pieces) == whole
        assert [line for piece in pieces for line in piece.splitlines()] == whole.splitlines()


@pytest.mark.parametrize("chunk", [1, 4, 16])
def test_comments_read_the_same_in_pieces(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """A ``<!--`` block that spans pieces, and ``#`` comments and ``__END__`` in later pieces
    than the first (each piece is searched for them on its own)."""
    text = "A\nB <!-- a\nblock\nends --> C\nD # note\n<!-- x -->E\n__END__\nF\n"
    whole = list(parser._lines(text))
    assert whole == [(1, "A"), (2, "B"), (4, " C"), (5, "D"), (6, "E")]
    monkeypatch.setattr(parser, "_CHUNK", chunk)
    assert list(parser._lines(text)) == whole


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


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generations the collector collects while the test runs (collector on, as usual)."""
    generations: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(note)
    try:
        yield generations
    finally:
        gc.callbacks.remove(note)
        if was:
            gc.enable()
        else:
            gc.disable()


def _settled(collections: list[int]) -> None:
    """Nothing young left over from what ran before (pytest itself makes objects), and no
    collection noted yet: the test's own reads start the count."""
    gc.collect()
    collections.clear()


def test_a_big_read_ends_with_one_pass_over_the_young_generations(
    collections: list[int],
) -> None:
    _settled(collections)
    with collector_paused():
        made = [[n] for n in range(3 * gc.get_threshold()[0])]  # what a read leaves alive
        assert collections == []  # none while reading
    assert collections == [1]  # then generations 0 and 1, never a full pass
    assert gc.get_count()[0] < gc.get_threshold()[0]  # none due as the collector restarts
    assert len(made) == 3 * gc.get_threshold()[0]


def test_a_small_read_leaves_the_collector_to_its_own_schedule(collections: list[int]) -> None:
    _settled(collections)
    with collector_paused():
        made = [[n] for n in range(10)]
    assert collections == []
    gc.disable()
    with collector_paused():
        made = [[n] for n in range(3 * gc.get_threshold()[0])]
    assert collections == []  # a program that turned it off collects when it chooses
    assert len(made) == 3 * gc.get_threshold()[0]


def test_a_long_text_is_collected_a_chunk_at_a_time_as_it_is_read(
    monkeypatch: pytest.MonkeyPatch, collections: list[int]
) -> None:
    match = "  Alpha v Beta  2-1\n  (Xavi 3', Yann 50'; Zola 70')\n"
    text = "= Test Cup 2023/24\n\n▪ Final\nSat May 4 2024\n" + match * 1000
    monkeypatch.setattr(parser, "_CHUNK", len(match) * 200)
    _settled(collections)
    season = parser.parse(text, "cup.txt")
    assert collections.count(1) >= 3  # passes while reading, not one at the end
    assert 2 not in collections  # of the young generations only, never a full one
    assert len(season.matches) == 1000
