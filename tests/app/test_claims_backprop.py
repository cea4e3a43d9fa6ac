"""Every sentence the backpropagation page shows about the numbers, recomputed for the settings
it is shown with, independently of nncore.backprop: forward and backward with nncore.mlp
(mlp_forward / mlp_backward / mlp_loss_and_grads, W shaped (fan_in, fan_out)) and centered
finite differences (nncore.gradcheck). The page's numbers are read back from its tables, its
graph and its messages, as shown (4 significant digits)."""

import numpy as np
import pytest
from app_util import exception_text, figure_specs, open_lab, static_tables

from nncore.activations import sigmoid
from nncore.backprop import PRESETS, param_names
from nncore.gradcheck import numerical_gradient
from nncore.losses import mse
from nncore.mlp import mlp_backward, mlp_forward, mlp_loss_and_grads
from ui.strings.backprop import T
from viz.backprop_figs import fmt, symbol

PAGE = "labs/backprop.py"
# a setting of every kind: (activation, loss, n_out, x, t, seed of the weights)
CUSTOM = [("tanh", "mse", 1, (0.7, -1.2), (0.3,), 1), ("relu", "mse", 2, (1.5, 0.5), (0.2, 0.6), 2),
          ("sigmoid", "ce", 2, (-0.4, 0.9), (0.9, 0.1), 3)]


def query_of(act, loss, n_out, x, t, flat, **extra) -> dict:
    q = {"bp_act": act, "bp_loss": loss, "bp_out": str(n_out), **extra}
    q.update({f"bp_x{i + 1}": str(v) for i, v in enumerate(x)})
    q.update({f"bp_t{k + 1}": str(v) for k, v in enumerate(t)})
    q.update({f"bp_{n}": str(v) for n, v in flat.items()})
    return q


def preset_query(name, **extra):
    p = PRESETS[name]
    return query_of(p.activation, p.loss, len(p.t), p.x, p.t, dict(p.flat), **extra)


def custom_query(act, loss, n_out, x, t, seed, **extra):
    rng = np.random.default_rng(seed)
    flat = {n: float(np.round(rng.uniform(-1.5, 1.5), 3)) for n in param_names(n_out)}
    return query_of(act, loss, n_out, x, t, flat, **extra)


def page(query: dict, lang="en"):
    at = open_lab(PAGE, query={"lang": lang, **query}, state={"lang": lang})
    assert not at.exception, exception_text(at)
    return at


def reference(q: dict):
    """Loss, ∂L/∂(every parameter), node values and the loss as a function of params, from
    nncore.mlp and the page's documented loss, for the query's settings."""
    n_out = int(q["bp_out"])
    flat = {n: float(q[f"bp_{n}"]) for n in param_names(n_out)}
    P = {"W1": np.array([[flat["w11"], flat["w12"]], [flat["w21"], flat["w22"]]]),
         "b1": np.array([flat["b1"], flat["b2"]]),
         "W2": np.array([[flat[f"v{j}{k}"] for k in range(1, n_out + 1)] for j in (1, 2)]),
         "b2": np.array([flat[f"c{k}"] for k in range(1, n_out + 1)])}
    x = np.array([[float(q["bp_x1"]), float(q["bp_x2"])]])
    t = np.array([float(q[f"bp_t{k}"]) for k in range(1, n_out + 1)])
    act, loss = q["bp_act"], q["bp_loss"]

    def loss_of(params):
        u = mlp_forward(params, x, act)[0][0]
        o = sigmoid(u)
        if loss == "mse":
            return 0.5 * np.sum((o - t) ** 2)
        return -np.sum(t * np.log(o) + (1 - t) * np.log(1 - o))

    u, rec = mlp_forward(P, x, act)
    o = sigmoid(u[0])
    dL_do = (o - t) if loss == "mse" else (o - t) / (o * (1 - o))
    grads, _ = mlp_backward(P, (dL_do * o * (1 - o))[None], rec)
    if loss == "ce" and n_out == 1:  # nncore's own loss: bce on the logit, the same function
        value, grads_bce = mlp_loss_and_grads(P, x, t, act, "bce")
        assert value == pytest.approx(loss_of(P), rel=1e-12)
        for k in P:
            np.testing.assert_allclose(grads_bce[k], grads[k], rtol=1e-9, atol=1e-15)
    for k in P:  # and centered differences
        num = numerical_gradient(lambda: loss_of(P), P[k])
        np.testing.assert_allclose(grads[k], num, rtol=1e-5, atol=1e-9)
    nodes = {"z1": rec["z"][0][0, 0], "z2": rec["z"][0][0, 1], "h1": rec["a"][0][0, 0],
             "h2": rec["a"][0][0, 1], "L": loss_of(P)}
    nodes.update({f"u{k + 1}": u[0, k] for k in range(n_out)})
    nodes.update({f"o{k + 1}": o[k] for k in range(n_out)})
    by_name = {}
    for n in param_names(n_out):
        key = {"w": "W1", "b": "b1", "v": "W2", "c": "b2"}[n[0]]
        idx = tuple(int(c) - 1 for c in n[1:])  # "w12" -> W1[0, 1], "c2" -> b2[1]
        by_name[n] = float(grads[key][idx])
    return P, by_name, nodes, loss_of


def last_step(q) -> int:
    return 2 * (5 + 2 * int(q["bp_out"]))


ALL = [("preset", name) for name in PRESETS] + [("custom", c) for c in CUSTOM]


def make_query(kind, what, **extra):
    return preset_query(what, **extra) if kind == "preset" else custom_query(*what, **extra)


@pytest.mark.parametrize("kind,what", ALL, ids=[str(a[1])[:20] for a in ALL])
def test_every_number_on_the_page_is_nncore_and_finite_differences(kind, what):
    """The gradient table, the graph's node values and gradients, and one update."""
    q = make_query(kind, what)
    q["bp_step"] = str(last_step(q))
    P, grads, nodes, loss_of = reference(q)
    at = page(q)
    table = static_tables(at)[-1]
    names = param_names(int(q["bp_out"]))
    assert list(table[T("col.param", "en")]) == [symbol(n) for n in names]
    assert list(table[T("col.grad", "en")]) == [fmt(grads[n]) for n in names]
    lr = 0.5  # the page's default learning rate: θ − lr·∂L/∂θ
    assert list(table[T("col.new", "en")]) == [
        fmt(float(q[f"bp_{n}"]) - lr * grads[n]) for n in names
    ]
    spec = figure_specs(at)[0]
    text = dict(zip(spec["data"][0]["hovertext"], spec["data"][0]["text"], strict=True))
    for name, value in nodes.items():
        assert f"<br>{fmt(value)}<br>" in text[symbol(name)], name
    # the nodes' gradients: ∂L/∂z = ∂L/∂b (nncore.mlp), ∂L/∂h = Σ_k v_jk ∂L/∂u_k, ∂L/∂u = ∂L/∂c
    n_out = int(q["bp_out"])
    du = np.array([grads[f"c{k}"] for k in range(1, n_out + 1)])
    node_grads = {"z1": grads["b1"], "z2": grads["b2"], "L": 1.0}
    node_grads.update({f"h{j}": float(P["W2"][j - 1] @ du) for j in (1, 2)})
    node_grads.update({f"u{k}": grads[f"c{k}"] for k in range(1, n_out + 1)})
    for name, g in node_grads.items():
        assert text[symbol(name)].endswith(f"<b>{fmt(g)}</b></span>"), name


def _update_messages(at):
    return [m.value for m in (*at.success, *at.warning, *at.info)]


@pytest.mark.parametrize("name,lr", [("classic", 0.5), ("dead_relu", 5.0), ("tanh_ce", 0.05)])
def test_the_loss_after_one_update_and_after_n(name, lr):
    """'fell from a to b (p % lower)' / 'rose ... try a smaller learning rate' and
    'After n updates: L = l (p % of the starting loss)', by gradient descent with nncore.mlp."""
    n = 6
    q = preset_query(name, bp_lr=str(lr), bp_n=str(n))
    q["bp_step"] = str(last_step(q))
    P, _, _, loss_of = reference(q)
    x = np.array([[float(q["bp_x1"]), float(q["bp_x2"])]])
    losses, params = [loss_of(P)], {k: v.copy() for k, v in P.items()}
    t = np.array([float(q[f"bp_t{k}"]) for k in range(1, int(q["bp_out"]) + 1)])
    for _ in range(n):
        u, rec = mlp_forward(params, x, q["bp_act"])
        o = sigmoid(u[0])
        du = (o - t) * o * (1 - o) if q["bp_loss"] == "mse" else o - t
        g, _ = mlp_backward(params, du[None], rec)
        params = {k: params[k] - lr * g[k] for k in params}
        losses.append(loss_of(params))
    at = page(q)
    msgs = _update_messages(at)
    a, b = losses[0], losses[1]
    if b < a:
        want = T("fell", "en", a=fmt(a), b=fmt(b), pct=f"{100 * (a - b) / a:.3g}")
    else:  # the claim "a smaller learning rate" helps: the smallest one offered lowers it
        want = T("rose", "en", a=fmt(a), b=fmt(b), lr=f"{lr:g}")
        assert name == "dead_relu"
        g = reference(preset_query(name))[1]
        small = {k: v.copy() for k, v in P.items()}
        small["W1"] -= 0.01 * np.array([[g["w11"], g["w12"]], [g["w21"], g["w22"]]])
        small["b1"] -= 0.01 * np.array([g["b1"], g["b2"]])
        small["W2"] -= 0.01 * np.array([[g["v11"]], [g["v21"]]])
        small["b2"] -= 0.01 * np.array([g["c1"]])
        assert loss_of(small) < a
    assert want in msgs
    after = T("after_n", "en", n=n, l=fmt(losses[-1]), pct=f"{100 * losses[-1] / a:.3g}")
    assert after in [m.value for m in at.markdown]


@pytest.mark.parametrize("kind,what", ALL, ids=[str(a[1])[:20] for a in ALL])
def test_a_small_learning_rate_lowers_the_loss_as_the_intro_says(kind, what):
    q = make_query(kind, what)
    P, g, _, loss_of = reference(q)
    step = {k: v.copy() for k, v in P.items()}
    n_out = int(q["bp_out"])
    step["W1"] -= 0.01 * np.array([[g["w11"], g["w12"]], [g["w21"], g["w22"]]])
    step["b1"] -= 0.01 * np.array([g["b1"], g["b2"]])
    step["W2"] -= 0.01 * np.array([[g[f"v{j}{k}"] for k in range(1, n_out + 1)] for j in (1, 2)])
    step["b2"] -= 0.01 * np.array([g[f"c{k}"] for k in range(1, n_out + 1)])
    assert loss_of(step) < loss_of(P)


def test_classic_note_numbers_are_the_published_ones_and_ours():
    q = preset_query("classic")
    _, grads, nodes, _ = reference(q)
    at = page(q)
    note = T("classic_note", "en", L=f"{nodes['L']:.9f}", dv11=f"{grads['v11']:.9f}")
    assert note in [i.value for i in at.info]
    assert "0.298371109" in note and "0.082167041" in note  # Mazur (2015)
    q2 = dict(q, bp_w11="0.16")  # other numbers: the note is not shown
    assert not any("Mazur" in i.value for i in page(q2).info)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_dead_unit_note(lang):
    """z2 ≤ 0; w12, w22, b2 and v21 get exactly 0 and never change; v-gradients 0 since h2 = 0."""
    q = preset_query("dead_relu")
    P, grads, nodes, _ = reference(q)
    at = page(q, lang)
    want = T("dead_note", lang, j="₂", z=fmt(nodes["z2"]), ins="w₁₂, w₂₂, b₂", outs="v₂₁")
    assert [w.value for w in at.warning] == [want]
    assert nodes["z2"] <= 0 and nodes["h2"] == 0
    assert all(grads[n] == 0 for n in ("w12", "w22", "b2", "v21"))
    x = np.array([[float(q["bp_x1"]), float(q["bp_x2"])]])
    t = np.array([float(q["bp_t1"])])
    params = {k: v.copy() for k, v in P.items()}
    for _ in range(50):  # "never changes them": gradient descent with nncore's bce
        _, g = mlp_loss_and_grads(params, x, t, "relu", "bce")
        params = {k: params[k] - 0.5 * g[k] for k in params}
    np.testing.assert_array_equal(params["W1"][:, 1], P["W1"][:, 1])
    assert params["b1"][1] == P["b1"][1] and params["W2"][1, 0] == P["W2"][1, 0]
    alive = dict(q, bp_b2="1.0")  # z2 = 0.3 > 0: no note
    assert not page(alive, lang).warning


@pytest.mark.parametrize("n_out", [1, 2])
def test_loss_convention_note(n_out):
    """'nncore's mse is the same number for two outputs, twice it for one'; CE: ∂L/∂u = o − t."""
    q = custom_query("tanh", "mse", n_out, (0.5, -0.5), (0.0, 1.0)[:n_out] if n_out == 2
                     else (0.4,), 4, bp_step="0")
    _, _, nodes, _ = reference(q)
    at = page(q)
    note = T("convention", "en", mse_note=T(f"mse_note.{n_out}", "en"))
    assert note in [c.value for c in at.caption]
    o = np.array([[nodes[f"o{k}"] for k in range(1, n_out + 1)]])
    theirs = mse(o, np.array([1])) if n_out == 2 else mse(o, np.array([0.4]))
    assert theirs[0] == pytest.approx((1 if n_out == 2 else 2) * nodes["L"], rel=1e-12)
    qc = dict(q, bp_loss="ce", bp_step=str(last_step(q)))
    _, _, nodes_c, _ = reference(qc)
    text = " ".join(figure_specs(page(qc))[0]["data"][0]["text"])
    for k in range(1, n_out + 1):
        want = nodes_c[f"o{k}"] - float(qc[f"bp_t{k}"])
        assert f"∂L/∂u{'₁₂'[k - 1]}</span><br><span style='color:#c2410c'><b>{fmt(want)}" in text


def test_step_captions():
    q = preset_query("classic")
    at = page(dict(q, bp_step="0"))
    assert T("step0", "en", n=18) in [m.value for m in at.markdown]  # "Next computes z₁"
    at = page(dict(q, bp_step="1"))
    assert at.get("latex")[0].value.strip("$\n ").startswith("z_{1}")
    at = page(dict(q, bp_step="5"))
    assert T("end_hint", "en", n=18) in [c.value for c in at.caption]


@pytest.mark.parametrize("step,source", [(14, {"v11": "h1", "v21": "h2"}), (16, {"w12": "x1",
                                          "w22": "x2"})])
def test_edge_legend(step, source):
    """'On a weight's edge, (value at the edge's start) × upstream = the weight's gradient';
    at a u step the shares passed to h1 and h2 (weight × upstream) are rows of the table."""
    q = preset_query("classic", bp_step=str(step))
    P, grads, nodes, _ = reference(q)
    values = {**nodes, "x1": float(q["bp_x1"]), "x2": float(q["bp_x2"])}
    at = page(q)
    labels = [a["text"] for a in figure_specs(at)[0]["layout"]["annotations"] if "×" in a["text"]]
    assert len(labels) == 2
    for (w, src), label in zip(source.items(), labels, strict=True):
        assert label.startswith(fmt(values[src]) + "<br>× ") and label.endswith(
            f"= <b>{fmt(grads[w])}</b>"
        )
    rows = static_tables(at)[0]
    edges = list(rows[T("col.edge", "en")])
    if step == 14:  # u1: h1 gets v11·∂L/∂u1, h2 gets v21·∂L/∂u1
        assert edges[-2:] == ["h₁ → u₁", "h₂ → u₁"]
        prods = list(rows[T("col.prod", "en")])[-2:]
        assert prods == [fmt(P["W2"][0, 0] * grads["c1"]), fmt(P["W2"][1, 0] * grads["c1"])]
        assert T("edge_legend_u", "en", node="u₁") in at.caption[0].value
    else:
        assert not any("h₁" in e for e in edges)
        assert at.caption[0].value == T("edge_legend", "en")


# ---- lecture steps (labs.backprop.LECTURE): each text's numbers, from an independent pass ---


def test_every_lecture_step_text_is_formatted_from_its_numbers():
    from labs.backprop import LECTURE, step_fields

    for sid in LECTURE:
        for lang in ("en", "ko"):
            text = T(f"step.{sid}.text", lang, **step_fields(sid))
            assert "{" not in text and "None" not in text, text


def test_lecture_step_numbers_match_nncore_mlp_and_finite_differences():
    from labs.backprop import LECTURE, step_fields, step_values

    _, grads, nodes, loss_of = reference(preset_query("classic"))
    assert step_fields("forward")["n"] == 9 == step_values("loss")["bp_step"]  # z,h ×2, u,o ×2, L
    assert step_fields("loss")["L"] == fmt(nodes["L"])
    f = step_fields("v11")
    assert f == {"dv11": fmt(grads["v11"]), "h1": fmt(nodes["h1"]),
                 "du1": fmt(grads["v11"] / nodes["h1"])}  # ∂L/∂u₁ = ∂L/∂v₁₁ / h₁
    # one update with the preset's lr lowers the loss: recomputed by hand from the gradients
    P, _, _, _ = reference(preset_query("classic"))
    lr = PRESETS["classic"].lr
    new = {k: P[k] - lr * _grad_array(grads, k, 2) for k in P}
    f = step_fields("update")
    assert f["a"] == fmt(loss_of(P)) and f["b"] == fmt(loss_of(new)) and f["lr"] == f"{lr:g}"
    assert loss_of(new) < loss_of(P)
    # dead ReLU: z₂ < 0 and its incoming weights and bias get exactly 0
    _, grads, nodes, _ = reference(preset_query("dead_relu"))
    assert nodes["z2"] < 0 and step_fields("dead_relu")["z2"] == fmt(nodes["z2"])
    assert grads["w12"] == grads["w22"] == grads["b2"] == 0.0
    # cross-entropy: ∂L/∂u₁ = o₁ − t₁ (checked against finite differences in reference())
    P, grads, nodes, loss_of = reference(preset_query("tanh_ce"))
    f = step_fields("tanh_ce")
    t1 = PRESETS["tanh_ce"].t[0]
    du1 = grads["c1"]  # ∂L/∂c₁ = ∂L/∂u₁
    assert du1 == pytest.approx(nodes["o1"] - t1, abs=1e-12)
    assert f == {"o1": fmt(nodes["o1"]), "t1": fmt(t1), "du1": fmt(du1)}
    # the guess step hides a number; the others do not
    assert [s for s in LECTURE if step_values(s)["bp_guess"]] == ["guess"]


def _grad_array(by_name: dict, key: str, n_out: int) -> np.ndarray:
    """by-name gradients back into the array ``key`` (W1, b1, W2, b2)."""
    if key == "W1":
        return np.array([[by_name["w11"], by_name["w12"]], [by_name["w21"], by_name["w22"]]])
    if key == "b1":
        return np.array([by_name["b1"], by_name["b2"]])
    if key == "W2":
        return np.array([[by_name[f"v{j}{k}"] for k in range(1, n_out + 1)] for j in (1, 2)])
    return np.array([by_name[f"c{k}"] for k in range(1, n_out + 1)])
