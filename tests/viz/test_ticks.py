"""viz.ticks: log axes labelled in full."""

import numpy as np

from viz.ticks import log_ticks


def test_log_ticks_are_written_out_within_two_decades():
    """Within two decades the log axes get ticks at 1, 2, 5 × 10^k labelled in full (0.5,
    not Plotly's bare "5" under the 1); wider spans one tick per decade; narrow spans and
    overflows (> 12 decades) are left to Plotly."""
    ticks = log_ticks(np.array([0.28, 0.63, np.nan]), np.array([0.47, 1.0, -1.0]))
    assert ticks == {"tickvals": [0.2, 0.5, 1.0, 2.0], "ticktext": ["0.2", "0.5", "1", "2"]}
    # the autoencoder's error curve: 0.35 at epoch 0, 0.019 at the end
    assert log_ticks(np.array([0.35, 0.019]))["ticktext"] == ["0.01", "0.02", "0.05", "0.1",
                                                               "0.2", "0.5"]
    assert log_ticks(np.array([1e-3, 1.0])) == {"dtick": 1}
    assert log_ticks(np.array([0.8, 1.0])) == {}
    assert log_ticks(np.array([1e-20, 1.0])) == {}
    assert log_ticks(np.array([np.nan, 0.0])) == {}
