"""Football.TXT, the openfootball plain-text format: its vocabulary and its parser."""

from matchday.io.footballtxt.parser import LeftOut, parse, parse_files, season_from_matches
from matchday.io.footballtxt.vocabulary import RoundName, canonical_round

__all__ = ["LeftOut", "RoundName", "canonical_round", "parse", "parse_files", "season_from_matches"]
