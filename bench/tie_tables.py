"""Write ``src/matchday/forecast/tie_tables.py``: the rules engine's verdicts on every pair of
leg scores for each rules preset, shipped so that no user waits for them
(``matchday.forecast.before``). Run it after changing the rules engine or a preset:

    PYTHONPATH=src python bench/tie_tables.py
"""

from __future__ import annotations

from pathlib import Path

from matchday.forecast.before import module_text

TARGET = Path(__file__).resolve().parent.parent / "src" / "matchday" / "forecast" / "tie_tables.py"

if __name__ == "__main__":
    TARGET.write_text(module_text(), encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)")
