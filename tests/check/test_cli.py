"""``matchday check`` as a user runs it: the four formats, and one clear line for bad input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from matchday.cli.check import CheckOut
from tests.conftest import OPENFOOTBALL_CL

REPO = Path(__file__).resolve().parents[2]
ARTICLE = REPO / "tests" / "check" / "articles" / "en-arsenal-ostersund.doctored.txt"
NIGHT = ("--source", "europa-league-2017-18", "--date", "2018-02-22", "--no-forecast")
"""The night of the article; without the forecast (the text test has it) to keep runs short."""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m matchday check ARGS`` with this checkout's code."""
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "matchday", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        check=False,
        env={**env, "HOME": os.environ.get("HOME", "/")},
        cwd=REPO,
    )


def _report(source: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m matchday report SOURCE --lang LANG ARGS`` with this checkout's code."""
    return subprocess.run(
        [sys.executable, "-m", "matchday", "report", str(source), "--lang", lang, *args],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=REPO,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "", "HOME": os.environ.get("HOME", "/")},
    )  # fmt: skip


def test_text_lists_every_claim_with_its_verdict_and_sentence() -> None:
    done = run(str(ARTICLE), *NIGHT[:-1])
    assert done.returncode == 0, done.stderr
    first, *rest = done.stdout.splitlines()
    assert "claims checked against 2018-02-22" in first
    assert "5 contradicted" in first
    assert any("✗" in line and "Monteiro did not score" in line for line in rest)
    assert any(line.startswith("    in: ") for line in rest)
    assert any("✓" in line and "«one and a half legs»" in line for line in rest)


def test_json_is_the_documented_shape() -> None:
    done = run(str(ARTICLE), *NIGHT, "--format", "json")
    assert done.returncode == 0, done.stderr
    out = CheckOut.model_validate_json(done.stdout)
    assert out.language == "en"
    assert out.contradicted == sum(c.verdict == "contradicted" for c in out.claims) == 5
    assert out.supported + out.contradicted + out.not_checkable == len(out.claims)
    wrong = [c for c in out.claims if c.verdict == "contradicted"]
    assert all(c.reason and c.words in c.sentence for c in wrong)
    # every verdict carries its reason, a supported one too: what the data says of it
    assert all(c.reason and c.reason_key for c in out.claims)
    right = next(c for c in out.claims if c.words == "went through")
    assert right.verdict == "supported"
    assert right.reason == "Arsenal went through, Östersund went out"
    text = ARTICLE.read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.words for c in out.claims)
    assert json.loads(done.stdout)["claims"][0]["number"] == 1


def test_markdown_marks_the_article_itself() -> None:
    done = run(str(ARTICLE), *NIGHT, "--format", "md")
    assert done.returncode == 0, done.stderr
    struck = re.findall(r"~~([^~]+)~~<sup>([^<]+)</sup>", done.stdout)
    assert any("3-1" in words and "✗" in marks for words, marks in struck)  # the planted score
    assert "**Arsenal won**" not in done.stdout
    assert "Checked against 2018-02-22" in done.stdout


def test_html_marks_each_claim_with_its_verdict() -> None:
    done = run(str(ARTICLE), *NIGHT, "--format", "html", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")
    assert '<mark class="contradicted"' in done.stdout
    assert '<mark class="supported"' in done.stdout


def test_the_article_may_come_from_standard_input() -> None:
    done = run("-", *NIGHT, stdin="Dortmund drew 1-1 at Atalanta and went through 4-3.\n")
    assert done.returncode == 0, done.stderr
    assert "0 contradicted" in done.stdout.splitlines()[0]


@pytest.mark.parametrize("bom", ["\ufeff", ""])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_offsets_count_the_text_as_read(tmp_path: Path, bom: str, newline: str) -> None:
    """A leading byte-order mark is no part of the article, and a line ends in one "\\n":
    the same claims at the same offsets as in the plain file, no mark in any output."""
    plain = ARTICLE.read_text(encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_bytes((bom + plain.replace("\n", newline)).encode("utf-8"))
    done = run(str(article), *NIGHT, "--format", "json")
    assert done.returncode == 0, done.stderr
    out = CheckOut.model_validate_json(done.stdout)
    expected = CheckOut.model_validate_json(run(str(ARTICLE), *NIGHT, "--format", "json").stdout)
    assert out.claims == expected.claims
    assert all(plain[c.start : c.end] == c.words for c in out.claims)
    assert not any("\ufeff" in c.sentence for c in out.claims)
    for fmt in ("md", "html", "text"):
        shown = run(str(article), *NIGHT, "--format", fmt)
        assert shown.returncode == 0, shown.stderr
        assert "\ufeff" not in shown.stdout
    piped = run("-", *NIGHT, "--format", "json", stdin=bom + plain)
    assert CheckOut.model_validate_json(piped.stdout).claims == expected.claims


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("-", *NIGHT), "   \n", "the article is empty"),
        (("-", *NIGHT), "Barcelona beat Chelsea 3-0 at the Camp Nou.\n", "another night"),
        (("-", *NIGHT, "--lang", "fr"), "Dortmund drew 1-1.\n", "unknown language 'fr'"),
        (("missing.txt", *NIGHT), None, "missing.txt: no such file"),
        (("-", "--source", "europa-league-2017-18"), "Dortmund.\n", "--date or the round"),
        (("-", *NIGHT, "--format", "pdf"), "Dortmund.\n", "unknown format 'pdf'"),
    ],
)
def test_bad_input_gets_one_clear_line(
    args: tuple[str, ...], stdin: str | None, message: str
) -> None:
    done = run(*args, stdin=stdin)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("matchday: error: ")
    assert message in lines[0]


def test_a_report_of_a_file_with_a_flaw_is_checked_with_keep_going(tmp_path: Path) -> None:
    """The 2025-26 Conference League qualifying file has an erratum (line 162): ``report
    --keep-going`` writes its second round without that tie, and ``check --keep-going`` checks
    it (the check could not read the file at all), exit status 3 as for the other commands."""
    source = OPENFOOTBALL_CL / "2025-26" / "confq.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    args = ("--round", "Round 2", "--keep-going", "--no-forecast")
    written = _report(source, "en", *args)
    assert written.returncode == 3, written.stderr
    article = tmp_path / "round-2.md"
    article.write_text(written.stdout, encoding="utf-8")
    strict = run(str(article), "--source", str(source), "--round", "Round 2", "--no-forecast")
    assert strict.returncode == 1
    assert "confq.txt:162" in strict.stderr
    done = run(str(article), "--source", str(source), *args, "--format", "json")
    assert done.returncode == 3, done.stderr
    assert "confq.txt:162" in done.stderr
    out = CheckOut.model_validate_json(done.stdout)
    assert out.contradicted == 0
    assert out.supported > 100


def test_a_report_naming_clubs_by_the_club_lists_checks_as_written(tmp_path: Path) -> None:
    """``report`` names a club by the club lists' spelling ("Dynamo Kiev" for the file's
    "Dinamo Kiev", "Sporting Lisbon" for "Sporting Clube de Portugal"); ``check`` reads the
    same lists, so the round-up it is given checks as supported (it found "Dynamo Kiev" no
    team and contradicted the sentence)."""
    source = OPENFOOTBALL_CL / "2015-16" / "cl.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    args = ("--round", "Round of 16", "--no-forecast")
    written = _report(source, "nl", *args)
    assert written.returncode == 0, written.stderr
    assert "Dynamo Kiev" in written.stdout
    article = tmp_path / "r16.md"
    article.write_text(written.stdout, encoding="utf-8")
    done = run(str(article), "--source", str(source), *args, "--lang", "nl", "--format", "json")
    assert done.returncode == 0, done.stderr
    out = CheckOut.model_validate_json(done.stdout)
    assert out.contradicted == 0
    assert out.supported > 30


def test_a_clubs_own_name_beats_another_clubs_alias(tmp_path: Path) -> None:
    """2025-26 Conference League qualifying: "Víkingur" is the data's name of the Faroese
    club, and the club lists give it to Víkingur Reykjavík too; both played that round. The
    round-up's "Víkingur is uitgeschakeld" is the Faroese club's, and checks as supported."""
    source = OPENFOOTBALL_CL / "2025-26" / "confq.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    args = ("--round", "Round 3", "--keep-going", "--no-forecast")
    written = _report(source, "nl", *args)
    assert "Víkingur is uitgeschakeld" in written.stdout
    article = tmp_path / "r3.md"
    article.write_text(written.stdout, encoding="utf-8")
    done = run(str(article), "--source", str(source), *args, "--lang", "nl", "--format", "json")
    out = CheckOut.model_validate_json(done.stdout)
    assert out.contradicted == 0


def test_strict_exits_4_when_a_claim_is_contradicted() -> None:
    """The doctored article has planted errors: 0 as before without ``--strict``, 4 with it
    (the output is the same); the true article checks clean and exits 0 with it too."""
    lax = run(str(ARTICLE), *NIGHT, "--format", "json")
    strict = run(str(ARTICLE), *NIGHT, "--format", "json", "--strict")
    assert lax.returncode == 0, lax.stderr
    assert strict.returncode == 4, strict.stderr
    assert strict.stdout == lax.stdout
    assert CheckOut.model_validate_json(strict.stdout).contradicted > 0
    true = ARTICLE.with_name(ARTICLE.name.replace(".doctored", ""))
    clean = run(str(true), *NIGHT, "--format", "json", "--strict")
    assert clean.returncode == 0, clean.stderr
    assert CheckOut.model_validate_json(clean.stdout).contradicted == 0


def test_strict_with_keep_going_a_contradiction_beats_a_left_out_tie(tmp_path: Path) -> None:
    """A round-up of a file with an erratum, with one score doctored: ``--keep-going`` alone
    exits 3 (a tie left out), ``--strict`` with it 4, the left-out line still on stderr."""
    source = OPENFOOTBALL_CL / "2025-26" / "confq.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    args = ("--round", "Round 2", "--keep-going", "--no-forecast")
    written = _report(source, "en", *args)
    article = tmp_path / "round-2.md"
    article.write_text(written.stdout, encoding="utf-8")
    assert run(str(article), "--source", str(source), *args, "--strict").returncode == 3
    score = re.search(r"\b(\d)-(\d) on aggregate", written.stdout)
    assert score is not None
    wrong = f"{int(score.group(1)) + 3}-{score.group(2)}"
    article.write_text(
        written.stdout[: score.start()] + wrong + written.stdout[score.end(2) :], encoding="utf-8"
    )
    lax = run(str(article), "--source", str(source), *args, "--format", "json")
    assert lax.returncode == 3, lax.stderr
    assert CheckOut.model_validate_json(lax.stdout).contradicted > 0
    done = run(str(article), "--source", str(source), *args, "--strict")
    assert done.returncode == 4, done.stderr
    assert "matchday: left out: " in done.stderr
    assert "confq.txt:162" in done.stderr
