"""Measuring forecasts against what happened: the rolling-origin backtest and its baselines."""
