"""Uploaded CSVs (ui.playground_io) and the page's wording of every refusal, in English and
Korean: a code and values from the reader, a sentence from the page's string table."""

import json

import numpy as np
import pytest

from labs.playground import error_text
from nncore import init_mlp
from nncore.playground import (
    MAX_ROWS,
    InputError,
    expected_shapes,
    params_from_json,
    params_to_json,
)
from ui.playground_io import MAX_BYTES, parse_points_csv


def _csv(rows, header="x1,x2,label") -> bytes:
    return (header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n").encode()


def _err(raw: bytes, lang: str = "en") -> str:
    """The page's message for a refused CSV (its code and values, worded in ``lang``)."""
    with pytest.raises(InputError) as e:
        parse_points_csv(raw)
    return error_text(e.value, lang)


def test_good_csv_is_read_and_labels_renumbered():
    X, y, classes = parse_points_csv(_csv([[0.1, 0.2, 5], [0.3, -1, 7], [2, 2, 5]]))
    assert X.shape == (3, 2) and y.tolist() == [0, 1, 0] and classes.tolist() == [5, 7]
    # Column order and spaces do not matter; extra columns are ignored.
    X2, y2, _ = parse_points_csv(b"label, x2 ,x1,note\n1,2,3,a\n0,5,6,b\n")
    assert X2.tolist() == [[3.0, 2.0], [6.0, 5.0]] and y2.tolist() == [1, 0]


def test_csv_too_many_rows():
    rows = [[0.0, 0.0, i % 2] for i in range(MAX_ROWS + 1)]
    assert f"at most {MAX_ROWS}" in _err(_csv(rows))
    assert parse_points_csv(_csv(rows[:MAX_ROWS]))[0].shape == (MAX_ROWS, 2)


def test_csv_too_many_bytes_checked_before_parsing():
    raw = b"x1,x2,label\n" + b"#" * MAX_BYTES  # not even CSV: the size is checked first
    assert "MB" in _err(raw) and "at most 1 MB" in _err(raw)


def test_csv_missing_column():
    msg = _err(b"x1,y,label\n0,1,0\n1,0,1\n")
    assert "missing column(s) x2" in msg and "found: x1, y, label" in msg
    assert "missing column(s) x1, x2, label" in _err(b"0.1,0.2,1\n0.3,0.4,0\n")


def test_csv_non_numeric_column():
    msg = _err(b"x1,x2,label\n0,1,0\n1,abc,1\n")
    assert "column x2 is not numeric" in msg and "'abc'" in msg and "data row 2" in msg
    assert "column label is not numeric" in _err(b"x1,x2,label\n0,1,cat\n1,0,dog\n")


@pytest.mark.parametrize("bad", ["nan", "inf", "-inf", ""])
def test_csv_nan_inf_or_empty(bad):
    msg = _err(f"x1,x2,label\n0,1,0\n{bad},0,1\n1,1,1\n".encode())
    assert "column x1" in msg and "NaN or infinite" in msg and "data row 2" in msg


def test_csv_single_class_and_too_many_classes():
    assert "same label (3)" in _err(_csv([[0, 0, 3], [1, 1, 3]]))
    assert "11 classes" in _err(_csv([[i, i, i] for i in range(11)]))
    assert "whole numbers" in _err(_csv([[0, 0, 0.5], [1, 1, 1]]))


def test_csv_empty_or_garbage():
    assert "empty" in _err(b"")
    assert "no data rows" in _err(b"x1,x2,label\n")
    assert "not valid" not in _err(b"\xff\xfe\x00garbage")  # a readable message, no crash



def test_csv_messages_in_korean():
    assert "x2 열이 숫자가 아닙니다" in _err(b"x1,x2,label\n0,1,0\n1,abc,1\n", "ko")
    assert "데이터 2행" in _err(b"x1,x2,label\n0,1,0\n1,abc,1\n", "ko")
    assert "클래스가 두 개 이상" in _err(_csv([[0, 0, 3], [1, 1, 3]]), "ko")


def _weights_err(text: str, lang: str) -> str:
    shapes = expected_shapes([2, 8, 8, 2], ["tanh", "tanh"], False)
    with pytest.raises(InputError) as e:
        params_from_json(text, shapes)
    return error_text(e.value, lang)


def test_weights_messages_in_both_languages():
    other = params_to_json(init_mlp([2, 8, 2], "he_normal", np.random.default_rng(0)))
    en = _weights_err(other, "en")
    assert "missing W3, b3" in en and "holds a 2-8-2 network, this one is 2-8-8-2" in en
    ko = _weights_err(other, "ko")
    assert "W3, b3 없음" in ko and "파일은 2-8-2 신경망, 지금 신경망은 2-8-8-2" in ko
    assert "not valid JSON" in _weights_err("{oops", "en")
    assert "올바른 JSON" in _weights_err("{oops", "ko")
    doc = json.loads(other)
    assert '"params"' in _weights_err(json.dumps({"weights": doc["params"]}), "en")
