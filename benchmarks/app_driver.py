"""Child process of the app figure: drive the real main window offscreen and time it.

Usage: python -m benchmarks.app_driver DB_URL COMPARISON_ID [--cold]
(BENCH_T0 = parent's launch time.) Prints one JSON object of timings. Reads the desktop
app's public names where they exist (ui.app.make_application / make_window,
window.open_stored, the claim table's proxy model).

As ``claimdiff-gui`` does, the engine warms up in the background once the window shows;
the library lists stored comparisons only when it has, so an analyst opens one after it.
The open is timed from then. ``--cold`` opens at once instead, without the warm-up: the
first open then also imports the engine (SQLAlchemy, the store) on the worker.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

LAUNCHED = float(os.environ.get("BENCH_T0", time.monotonic()))
WAIT_LIMIT = 60.0


def _window(db: str) -> tuple[Any, Any]:
    """The application and main window, made the way `claimdiff-gui` makes them."""
    import ui.app as gui

    if hasattr(gui, "make_application") and hasattr(gui, "make_window"):
        return gui.make_application([sys.argv[0]]), gui.make_window(db)
    from PySide6.QtWidgets import QApplication

    from ui.window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    return app, MainWindow(db=db)  # type: ignore[call-arg]


def _wait(app: Any, done: Callable[[], bool], limit: float = WAIT_LIMIT) -> bool:
    """Run the event loop until ``done()``; the worker thread may deliver later."""
    deadline = time.monotonic() + limit
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    return True


def _warm_up(app: Any, context: Any) -> float | None:
    """Load the engine as the app does at launch; seconds until it reported back."""
    worker = getattr(context, "worker", None)
    if worker is None or not hasattr(worker, "warm_up"):
        return None
    loaded = [False]
    worker.engine_loaded.connect(lambda _problem: loaded.__setitem__(0, True))
    start = time.perf_counter()
    worker.warm_up()
    if not _wait(app, lambda: loaded[0], limit=180.0):
        return None
    return time.perf_counter() - start


def _proxy(window: Any) -> Any:
    from PySide6.QtCore import QSortFilterProxyModel

    proxy = getattr(window, "proxy", None)
    if isinstance(proxy, QSortFilterProxyModel):
        return proxy
    found = window.findChildren(QSortFilterProxyModel)
    return found[0] if found else None


def _search_box(window: Any) -> Any:
    from PySide6.QtWidgets import QLineEdit

    boxes = window.findChildren(QLineEdit)
    named = [b for b in boxes if "search" in (b.accessibleName() + b.objectName()).lower()]
    return (named or boxes or [None])[0]


def _filter_word(proxy: Any) -> str:
    """A word in the first row that many rows lack, so the filter really removes rows."""
    from PySide6.QtCore import Qt

    for column in range(proxy.columnCount()):
        text = str(proxy.index(0, column).data(Qt.ItemDataRole.DisplayRole) or "")
        words = [w.strip(".,;:\"'()").lower() for w in text.split()]
        long = [w for w in words if len(w) >= 7 and w.isalpha()]
        if long:
            return long[0]
    return "minister"


def _time_filter(app: Any, window: Any, proxy: Any) -> dict[str, Any]:
    total = proxy.rowCount()
    word = _filter_word(proxy)
    box = _search_box(window)
    start = time.perf_counter()
    if box is not None:
        box.setText(word)  # as typed: the panel's own slot applies the filter
        _wait(app, lambda: proxy.rowCount() != total, limit=2.0)
    else:
        proxy.setFilterFixedString(word)
        app.processEvents()
    typed = time.perf_counter() - start
    kept = proxy.rowCount()
    start = time.perf_counter()
    if box is not None:
        box.setText("")
        _wait(app, lambda: proxy.rowCount() == total, limit=2.0)
    else:
        proxy.setFilterFixedString("")
        app.processEvents()
    cleared = time.perf_counter() - start
    return {"filter_s": typed, "clear_s": cleared, "rows": total, "kept": kept, "word": word}


def _profiler() -> Any:
    """A running pyinstrument profiler when BENCH_PROFILE is set (for docs/performance.md)."""
    if not os.environ.get("BENCH_PROFILE"):
        return None
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.002)
    profiler.start()
    return profiler


def _flat(profiler: Any, top: int = 12) -> list[str]:
    text = profiler.output_text(flat=True, time="percent_of_total", unicode=False, color=False)
    return [line.rstrip() for line in text.splitlines() if "%" in line][:top]


def main() -> int:
    db, comparison_id = sys.argv[1], int(sys.argv[2])
    app, window = _window(db)
    window.resize(1400, 900)
    window.show()
    from PySide6.QtTest import QTest

    QTest.qWaitForWindowExposed(window, 5000)
    window.repaint()
    app.processEvents()
    visible = time.monotonic() - LAUNCHED
    result: dict[str, Any] = {"visible_s": visible}

    context = getattr(window, "context", None)
    if "--cold" not in sys.argv and context is not None:
        result["warm_up_s"] = _warm_up(app, context)
    changed = [False]
    if context is not None and hasattr(context, "comparison_changed"):
        # Opening clears the window first (comparison None), then the worker delivers.
        context.comparison_changed.connect(
            lambda comparison, *_: changed.__setitem__(0, comparison is not None)
        )
    proxy = _proxy(window)
    profiler = _profiler()
    start = time.perf_counter()
    window.open_stored(comparison_id)
    rows_ready = _wait(
        app,
        lambda: (changed[0] or context is None) and (proxy is None or proxy.rowCount() > 0),
    )
    window.repaint()
    app.processEvents()
    result["open_s"] = time.perf_counter() - start
    if profiler is not None:
        profiler.stop()
        result["profile"] = _flat(profiler)
    result["opened"] = rows_ready
    proxy = proxy or _proxy(window)
    if proxy is not None and proxy.rowCount() > 0:
        result.update(_time_filter(app, window, proxy))
    print(json.dumps(result))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
