"""The safe formula evaluator: values match NumPy, gradients match finite differences, and an
attack corpus is rejected quickly with a message that names the problem."""

import ast
import time

import numpy as np
import pytest

import nncore.expr as expr_module
from nncore.expr import (
    MAX_LENGTH,
    ExpressionError,
    expression_surface,
    parse_expression,
)
from nncore.optim import descend, make_optimizer

RNG = np.random.default_rng(0)
X = RNG.uniform(0.2, 2.0, 300)  # positive so log/sqrt are defined
Y = RNG.uniform(-2.0, 2.0, 300)

VALID = [
    ("x**2 + 10*sin(y)", lambda x, y: x**2 + 10 * np.sin(y)),
    ("-x + +y", lambda x, y: -x + y),
    ("x*y - x/y", lambda x, y: x * y - x / y),
    ("exp(-(x**2 + y**2)) * cos(pi*x)", lambda x, y: np.exp(-(x**2 + y**2)) * np.cos(np.pi * x)),
    ("log(x) + sqrt(x) + abs(y) + tanh(x*y)",
     lambda x, y: np.log(x) + np.sqrt(x) + np.abs(y) + np.tanh(x * y)),
    ("tan(0.3*y) + e**2 - x**-1.5", lambda x, y: np.tan(0.3 * y) + np.e**2 - x**-1.5),
    ("(1 - x)**2 + 100*(y - x**2)**2", lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2),
    ("x**0 + x**1 + y**3 + x**0.5", lambda x, y: 1 + x + y**3 + x**0.5),
    ("3", lambda x, y: 3.0 + 0 * x),
    ("2.5e-1*x", lambda x, y: 0.25 * x),
]


@pytest.mark.parametrize("text,ref", VALID, ids=[t for t, _ in VALID])
def test_values_match_numpy(text, ref):
    e = parse_expression(text)
    np.testing.assert_allclose(e.f(X, Y), ref(X, Y), rtol=1e-13, atol=1e-13)
    assert e.f(X, Y).shape == X.shape and e.f(X, Y).dtype == np.float64
    assert float(e.f(0.7, 0.3)) == pytest.approx(float(ref(np.float64(0.7), np.float64(0.3))))


@pytest.mark.parametrize("text,ref", VALID, ids=[t for t, _ in VALID])
def test_gradient_matches_central_differences(text, ref):
    e = parse_expression(text)
    h = 1e-6
    gx, gy = e.grad(X, Y)
    fx = (ref(X + h, Y) - ref(X - h, Y)) / (2 * h)
    fy = (ref(X, Y + h) - ref(X, Y - h)) / (2 * h)
    np.testing.assert_allclose(gx, fx, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(gy, fy, rtol=1e-5, atol=1e-5)
    assert gx.shape == X.shape and gy.shape == X.shape
    sx, sy = e.grad(0.7, 0.3)  # plain floats in, numpy floats out
    assert np.isscalar(sx) and np.isscalar(sy)


def test_numeric_edge_cases_give_inf_or_nan_not_exceptions():
    with np.errstate(all="ignore"):
        assert np.isinf(parse_expression("1/x").f(0.0, 0.0))
        assert np.isnan(parse_expression("sqrt(x)").f(-1.0, 0.0))
        assert np.isnan(parse_expression("x**0.5").f(-8.0, 0.0))  # not a complex number
        assert np.isinf(parse_expression("exp(x)").f(1e4, 0.0))
        assert np.isinf(parse_expression("x**-1").f(0.0, 0.0))


# ---- the attack corpus --------------------------------------------------------------------

ATTACKS = [
    ("__import__('os')", "not available"),
    ("__import__('os').system('ls')", "attribute access"),
    ("().__class__.__bases__", "attribute access"),
    ("().__class__.__bases__[0].__subclasses__()", "attribute access"),
    ("x.__class__", "attribute access"),
    ("9**9**9", "exponent"),
    ("(x+1)**1000000", "exponent"),
    ("x**11", "exponent"),
    ("x**y", "exponent"),
    ("2**(10**10)", "exponent"),
    ("lambda: 0", "lambda"),
    ("(" * 1000 + "x" + ")" * 1000, "too long"),
    ("x+" * 5000 + "x", "too long"),
    ("x" * 10_000, "too long"),
    ("open('/etc/passwd')", "not available"),
    ("eval('1')", "not available"),
    ("exec('import os')", "not available"),
    ("open", "unknown name"),
    ("eval", "unknown name"),
    ("exec", "unknown name"),
    ("globals()", "not available"),
    ("np.sin(x)", "attribute access"),
    ("sin.__globals__", "attribute access"),
    ("[c for c in ().__class__.__base__.__subclasses__()]", "comprehension"),
    ("x if x else y", "if/else"),
    ("(y := 2)", "assignment"),
    ("'a' * 10", "string"),
    ("x[0]", "indexing"),
    ("x < y", "comparison"),
    ("x ^ 2", "**"),
    ("x % 2", "not allowed"),
    ("sin(x, y)", "one argument"),
    ("sin(x=1)", "one argument"),
    ("1e999", "too large"),
    ("9" * 150, "too large"),
    ("-" * 150 + "x", "too many parts"),
    ("sin(" * 40 + "x" + ")" * 40, "too long"),
    ("-(" * 60 + "x" + ")" * 60, "nested too deeply"),
    ("+".join(["x"] * 99), "too many parts"),
    ("import os", "not valid"),
    ("x = 1", "not valid"),
    ("2x", "not valid"),
    ("", "empty"),
    ("   ", "empty"),
    ("1j * x", "real numbers"),
    ("True + x", "real numbers"),
    ("None", "real numbers"),
    ("X + 1", "case-sensitive"),
    ("sin", "is a function"),
    ("x\x00", "control character"),
]


@pytest.mark.parametrize("text,needle", ATTACKS, ids=[repr(t[:40]) for t, _ in ATTACKS])
def test_attack_corpus_is_rejected_with_a_clear_message(text, needle):
    start = time.perf_counter()
    with pytest.raises(ExpressionError) as info:
        parse_expression(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0  # a hang guard, not a performance test
    message = str(info.value)
    assert needle.lower() in message.lower(), message
    assert len(message) < 300


def test_length_limit_is_exact():
    ok = "x" + "+x" * ((MAX_LENGTH - 1) // 2)
    assert len(ok) <= MAX_LENGTH
    with pytest.raises(ExpressionError, match="too many parts"):
        parse_expression(ok)  # 100 x's exceed the node cap, but not the length cap
    parse_expression("x + " * 20 + "x")
    with pytest.raises(ExpressionError, match="too long"):
        parse_expression(" " * (MAX_LENGTH + 1))


def test_rejects_non_text():
    with pytest.raises(ExpressionError):
        parse_expression(123)  # type: ignore[arg-type]


def test_evaluator_never_uses_eval_exec_or_compile():
    tree = ast.parse(open(expr_module.__file__, encoding="utf-8").read())
    called = {n.func.id for n in ast.walk(tree)
              if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
                for a in n.names}
    assert not imported & {"sympy", "numexpr"}


def test_expression_surface_runs_through_descend():
    s = expression_surface("(x - 1)**2 + 3*(y + 2)**2", half_width=4.0)
    assert s.bounds == ((-4.0, 4.0), (-4.0, 4.0)) and s.minima == () and s.min_value is None
    d = descend(s.grad, s.start, make_optimizer("adam", lr=0.1), 500, loss_fn=s.f)
    np.testing.assert_allclose(d.path[-1], [1.0, -2.0], atol=1e-3)


def test_custom_surface_divergence_is_caught():
    for text, start, lr in [("x**4 + y**2", (3.0, 0.0), 5.0), ("exp(x**2) + y**2", (2.0, 0.0), 1.0)]:
        s = expression_surface(text)
        d = descend(s.grad, start, make_optimizer("sgd", lr=lr), 100, loss_fn=s.f)
        assert d.diverged and d.diverged_at < 10, text
        assert np.all(np.isfinite(d.path)) and np.all(np.isfinite(d.losses))
