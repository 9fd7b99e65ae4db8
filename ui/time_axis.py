"""A pyqtgraph time axis in call time (m:ss, h:mm:ss), ticks on round seconds and minutes."""

from __future__ import annotations

import pyqtgraph as pg

from ui.format import call_time as clock


class TimeAxisWidget(pg.AxisItem):
    """A time axis in m:ss, ticks on whole seconds, minutes and hours."""

    STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        span = abs(maxVal - minVal)
        if span <= 0 or size <= 0:
            return []
        major = next((s for s in self.STEPS if size * s / span >= 80), self.STEPS[-1])
        minor = next((s for s in self.STEPS if size * s / span >= 16), major)
        return [(float(major), 0.0), (float(minor), 0.0)]

    def tickStrings(self, values, scale, spacing):
        return [clock(v) if v >= 0 else "" for v in values]
