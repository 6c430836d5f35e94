"""Where the tests find the seed documents and their hand-checked gold, inside the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "samples" / "text").glob("*.txt"))
GOLD = ROOT / "tests" / "gold"  # copy of ../shared/gold, the acceptance gold for the seeds
