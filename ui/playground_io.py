"""Reading an uploaded CSV of labelled 2D points for the training playground (pandas, no UI).

``parse_points_csv(raw_bytes)`` returns (X, y, classes) or raises ``nncore.playground.InputError``
(a code and values; the page words it for the person who made the file). The size limit is
checked on the bytes before parsing.
"""

import io

import numpy as np
import pandas as pd

from nncore.playground import MAX_ROWS, InputError, validate_points

MAX_BYTES = 1_000_000
COLUMNS = ("x1", "x2", "label")


def parse_points_csv(raw: bytes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSV bytes with columns x1, x2, label (any order, other columns ignored) -> validated arrays.

    Codes: csv_too_big (mb, max_mb), csv_empty, csv_unreadable (detail), csv_missing_columns
    (missing, found), csv_too_many_rows (max), csv_not_numeric (column, value, row), and those
    of ``validate_points``.
    """
    if len(raw) > MAX_BYTES:
        raise InputError("csv_too_big", mb=f"{len(raw) / 1e6:.1f}", max_mb=f"{MAX_BYTES / 1e6:.0f}")
    if not raw.strip():
        raise InputError("csv_empty")
    try:
        # Read one row past the limit: enough to say "too many rows" without parsing everything.
        df = pd.read_csv(io.BytesIO(raw), nrows=MAX_ROWS + 1, skipinitialspace=True)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InputError("csv_unreadable", detail=str(exc).splitlines()[0]) from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise InputError("csv_missing_columns", missing=", ".join(missing),
                         found=", ".join(map(str, df.columns)) or "-")
    if len(df) > MAX_ROWS:
        raise InputError("csv_too_many_rows", max=MAX_ROWS)
    cols = {}
    for c in COLUMNS:
        values = pd.to_numeric(df[c], errors="coerce")
        text = df[c].astype(str).str.strip()
        blank = df[c].isna() | text.eq("")
        bad = values.isna() & ~blank & ~text.str.lower().isin(["nan", "inf", "-inf", "infinity"])
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError("csv_not_numeric", column=c, value=repr(df[c].iloc[row]),
                             row=row + 1)
        cols[c] = values.to_numpy(dtype=np.float64)
    X = np.stack([cols["x1"], cols["x2"]], axis=1)
    return validate_points(X, cols["label"])


def points_frame(X: np.ndarray, y: np.ndarray, split: np.ndarray | None = None) -> pd.DataFrame:
    """The data as a table with columns x1, x2, label (and split when given), for download."""
    df = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "label": y.astype(int)})
    if split is not None:
        df["split"] = split
    return df
