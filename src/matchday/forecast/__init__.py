"""Ratings, match, tie and competition forecasts."""

from matchday.forecast.heap import keep_heap

keep_heap()
