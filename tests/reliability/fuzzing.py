"""Hypothesis strategies for hostile form input, and a tally of what was sent."""

import collections
import threading


class Stats:
    """How many examples ran, per target and per answer, for the run's summary."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_target: collections.Counter = collections.Counter()
        self.by_status: collections.Counter = collections.Counter()

    @property
    def examples(self) -> int:
        return sum(self.by_target.values())

    def count(self, target: str, status: int) -> None:
        with self.lock:
            self.by_target[target] += 1
            self.by_status[status] += 1

    def summary(self) -> list[str]:
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.by_status.items()))
        lines = [f"{self.examples} examples over {len(self.by_target)} targets"]
        lines.append(f"answers: {statuses}")
        lines += [f"  {t}: {n}" for t, n in sorted(self.by_target.items())]
        return lines


STATS = Stats()
