"""Side-by-side panels on a narrow screen: a figure whose layout.meta carries ``wrap(...)``
has its row of panels wrapped by the browser (ui/assets/live_chart.js ``wrapPanels``) into as
many columns as fit at ``min_px`` each, the rows ``gap_px`` apart (room for the x-axis title
under one row and the panel titles over the next)."""


def wrap(min_px: int = 190, gap_px: int = 120) -> dict:
    """The ``layout.meta`` entry (merge it with any other meta)."""
    return {"wrap": {"min": min_px, "gap": gap_px}}
