"""ui.share.lecture_layout: any figure's layout made readable on a projector, the same way for
every page (no per-page tuning)."""

from ui.share import (
    LECTURE_FONT_SCALE,
    LECTURE_HEIGHT_SCALE,
    LECTURE_TITLE_CHARS,
    LECTURE_TITLE_SCALE,
    lecture_layout,
)


def test_every_explicit_font_grows_and_axes_make_room():
    layout = {"font": {"size": 10}, "xaxis": {"tickfont": {"size": 11}, "title": {
        "text": "x", "font": {"size": 13}}}, "yaxis2": {}, "annotations": [
        {"text": "a", "font": {"size": 20}}], "margin": {"l": 50, "t": 40}, "height": 300}
    out = lecture_layout(layout)
    assert out["font"]["size"] == round(10 * LECTURE_FONT_SCALE)
    assert out["xaxis"]["tickfont"]["size"] == round(11 * LECTURE_FONT_SCALE)
    assert out["xaxis"]["title"]["font"]["size"] == round(13 * LECTURE_FONT_SCALE)
    assert out["annotations"][0]["font"]["size"] == round(20 * LECTURE_FONT_SCALE)
    assert out["xaxis"]["automargin"] and out["yaxis2"]["automargin"]
    assert out["margin"] == {"l": round(50 * LECTURE_FONT_SCALE), "t": round(40 * LECTURE_FONT_SCALE)}
    assert out["height"] == round(300 * LECTURE_HEIGHT_SCALE)
    assert layout["xaxis"]["tickfont"]["size"] == 11  # the figure's own layout is untouched


def test_titles_and_legends_grow_less_and_long_titles_wrap():
    short = lecture_layout({"title": {"text": "Loss"}})
    assert short["title"]["text"] == "Loss"
    assert short["title"]["font"]["size"] == round(12 * 1.4 * LECTURE_TITLE_SCALE)
    assert short["legend"]["font"]["size"] == round(12 * LECTURE_TITLE_SCALE)
    assert short["height"] == round(450 * LECTURE_HEIGHT_SCALE)  # Plotly's default height
    text = "k = 4: sawtooth T^k, deep narrow net vs shallow wide net"
    assert len(text) > LECTURE_TITLE_CHARS
    out = lecture_layout({"title": {"text": text}, "margin": {"t": 50}, "height": 400})
    first, second = out["title"]["text"].split("<br>")
    assert f"{first} {second}" == text and abs(len(first) - len(second)) < 12
    assert out["margin"]["t"] > round(50 * LECTURE_FONT_SCALE)  # room for the second line
    assert out["height"] > round(400 * LECTURE_HEIGHT_SCALE)


def test_a_korean_title_is_measured_by_its_width():
    text = "선택한 에포크에서 2층의 γ와 β (유닛마다 하나씩)"  # 29 characters, most of them wide
    assert len(text) < LECTURE_TITLE_CHARS
    assert "<br>" in lecture_layout({"title": {"text": text}})["title"]["text"]
