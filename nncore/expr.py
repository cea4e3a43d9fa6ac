"""A safe evaluator for formulas f(x, y) typed by a user, with an exact gradient.

The text is parsed with ``ast.parse`` and every node is checked against an allow-list by our
own walker, which turns the tree into plain Python closures; nothing is ever passed to
``eval``/``exec``/``compile``. Allowed: numbers, the names ``x``, ``y``, ``pi``, ``e``; the
operators ``+ - * / **`` (the exponent must be a plain number, |n| ≤ 10), unary ``-``/``+``;
the functions ``sin cos tan exp log sqrt abs tanh`` (NumPy's). Limits: 200 characters,
100 nodes, nesting depth 50 (a sum of n terms is n deep). Anything else raises ``ExpressionError`` whose message names
the problem in plain words.

The gradient is exact: the same walk builds a forward-mode (dual-number) evaluator that carries
(value, ∂/∂x, ∂/∂y) through every node. Evaluation may produce inf/NaN (log of a negative
number, division by zero); callers catch those (``descend`` stops, pages warn).

    >>> e = parse_expression("x**2 + 10*sin(y)")
    >>> e.f(1.0, 0.0), e.grad(1.0, 0.0)
    (1.0, (2.0, 10.0))
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

MAX_LENGTH = 200
MAX_NODES = 100
MAX_DEPTH = 50
MAX_EXPONENT = 10.0
MAX_NUMBER = 1e9

CONSTANTS = {"pi": float(np.pi), "e": float(np.e)}
VARIABLES = ("x", "y")

# name -> (value function, derivative of the function at v). Derivatives may be inf/NaN where
# the function is not differentiable (sqrt at 0, log at 0): such points stop a descent.
FUNCTIONS: dict[str, tuple[Callable, Callable]] = {
    "sin": (np.sin, np.cos),
    "cos": (np.cos, lambda v: -np.sin(v)),
    "tan": (np.tan, lambda v: 1.0 / np.cos(v) ** 2),
    "exp": (np.exp, np.exp),
    "log": (np.log, lambda v: 1.0 / v),
    "sqrt": (np.sqrt, lambda v: 0.5 / np.sqrt(v)),
    "abs": (np.abs, np.sign),
    "tanh": (np.tanh, lambda v: 1.0 - np.tanh(v) ** 2),
}

_ALLOWED_HELP = (
    "Use numbers, x, y, pi, e, the operators + - * / ** and the functions "
    + ", ".join(FUNCTIONS)
    + "."
)

_BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}

# Friendly names for the node types people are most likely to type by accident or on purpose.
_NODE_NAMES = {
    ast.Lambda: "lambda functions",
    ast.Attribute: "attribute access (a dot after a name)",
    ast.Subscript: "indexing with [ ]",
    ast.Compare: "comparisons",
    ast.BoolOp: "and/or",
    ast.IfExp: "if/else",
    ast.Tuple: "tuples (a comma)",
    ast.List: "lists",
    ast.Dict: "dictionaries",
    ast.Set: "sets",
    ast.ListComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.NamedExpr: "assignments (:=)",
    ast.Starred: "star arguments",
    ast.JoinedStr: "strings",
    ast.Await: "await",
}


class ExpressionError(ValueError):
    """The formula is not allowed or not valid. The message says why in English; ``code`` and
    ``fields`` say the same as data, for a page that words it in the student's language
    (``fields`` values are numbers or pieces of the formula, to be shown as code)."""

    def __init__(self, message: str, code: str = "invalid", **fields):
        super().__init__(message)
        self.code = code
        self.fields = fields


@dataclass(frozen=True)
class Expression:
    """A parsed formula: ``f(x, y)`` and exact ``grad(x, y) -> (gx, gy)``, elementwise.

    Inputs may be floats or arrays (broadcast together); outputs are float64.
    """

    text: str
    n_nodes: int
    _value: Callable = field(repr=False)
    _dual: Callable = field(repr=False)

    def f(self, x, y):
        x, y = _as_float(x), _as_float(y)
        v = self._value(x, y)
        if np.ndim(x) or np.ndim(y):
            return np.broadcast_to(v, np.broadcast_shapes(np.shape(x), np.shape(y))).astype(
                np.float64
            )
        return np.float64(v)

    def grad(self, x, y):
        x, y = _as_float(x), _as_float(y)
        _, gx, gy = self._dual(x, y)
        if np.ndim(x) or np.ndim(y):
            shape = np.broadcast_shapes(np.shape(x), np.shape(y))
            return (np.broadcast_to(gx, shape).astype(np.float64),
                    np.broadcast_to(gy, shape).astype(np.float64))
        return np.float64(gx), np.float64(gy)


def _as_float(a):
    # np.float64 scalars never raise (1/0 -> inf, (-8)**0.5 -> nan) unlike Python floats.
    if isinstance(a, np.ndarray):
        return a.astype(np.float64, copy=False)
    if np.ndim(a):
        return np.asarray(a, dtype=np.float64)
    return np.float64(a)


def parse_expression(text: str) -> Expression:
    """Check ``text`` against the allow-list and build its evaluators, or raise ExpressionError."""
    if not isinstance(text, str):
        raise ExpressionError("The formula must be text.", "not_text")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"The formula is too long: {len(text)} characters (at most {MAX_LENGTH}).",
            "too_long", n=len(text), max=MAX_LENGTH)
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text):
        raise ExpressionError("The formula contains an invisible control character.", "control")
    stripped = text.strip()
    if not stripped:
        raise ExpressionError("The formula is empty. Try for example x**2 + 10*sin(y).", "empty")
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as exc:
        where = f" at character {exc.offset}" if exc.offset else ""
        hint = ""
        if "^" in stripped:
            hint = " Powers are written x**2, not x^2."
        raise ExpressionError(
            f"The formula is not valid{where}: {exc.msg}. Write products with *, e.g. 2*x.{hint}",
            "syntax", offset=exc.offset or 0, caret="^" in stripped) from None
    except (ValueError, MemoryError, RecursionError) as exc:  # absurd input
        raise ExpressionError(f"The formula could not be read: {exc}.", "unreadable") from None

    # iterative count of the expression nodes, before any recursion
    n_nodes = sum(isinstance(n, ast.expr) for n in ast.walk(tree.body))
    if n_nodes > MAX_NODES:
        raise ExpressionError(f"The formula has too many parts (at most {MAX_NODES}).",
                              "too_many_parts", max=MAX_NODES)
    counter = [0]
    value, dual = _build(tree.body, depth=1, counter=counter)
    return Expression(stripped, counter[0], value, dual)


# long: one branch per allowed kind of AST node; the allow-list reads best as one function
def _build(node: ast.AST, depth: int, counter: list[int]):
    """Check one node and return (value closure, dual closure) for it."""
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise ExpressionError(f"The formula has too many parts (at most {MAX_NODES}).",
                              "too_many_parts", max=MAX_NODES)
    if depth > MAX_DEPTH:
        raise ExpressionError(f"The formula is nested too deeply (at most {MAX_DEPTH} levels).",
                              "too_deep", max=MAX_DEPTH)

    if isinstance(node, ast.Constant):
        return _constant(node.value)

    if isinstance(node, ast.Name):
        if node.id == "x":
            return (lambda x, y: x), (lambda x, y: (x, 1.0, 0.0))
        if node.id == "y":
            return (lambda x, y: y), (lambda x, y: (y, 0.0, 1.0))
        if node.id in CONSTANTS:
            return _constant(CONSTANTS[node.id])
        if node.id in FUNCTIONS:
            raise ExpressionError(f"'{node.id}' is a function: write {node.id}(...).",
                                  "function_name", name=node.id)
        hint = " Names are case-sensitive." if node.id.lower() in (*VARIABLES, *CONSTANTS) else ""
        raise ExpressionError(f"Unknown name '{node.id}'.{hint} {_ALLOWED_HELP}", "unknown_name",
                              name=node.id, case=bool(hint))

    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub):
            val, dual = _build(node.operand, depth + 1, counter)

            def neg_dual(x, y):
                v, dx, dy = dual(x, y)
                return -v, -dx, -dy

            return (lambda x, y: -val(x, y)), neg_dual
        if isinstance(node.op, ast.UAdd):
            return _build(node.operand, depth + 1, counter)
        raise ExpressionError(f"The operator '{_op_text(node.op)}' is not allowed. {_ALLOWED_HELP}",
                              "operator", op=_op_text(node.op), caret=False)

    if isinstance(node, ast.BinOp):
        op = type(node.op)
        if op not in _BINOPS:
            hint = " Powers are written x**2." if op is ast.BitXor else ""
            raise ExpressionError(
                f"The operator '{_op_text(node.op)}' is not allowed.{hint} {_ALLOWED_HELP}",
                "operator", op=_op_text(node.op), caret=bool(hint))
        if op is ast.Pow:
            n = _exponent(node.right)
            counter[0] += 1
            base_val, base_dual = _build(node.left, depth + 1, counter)
            return _power(base_val, base_dual, n)
        lv, ld = _build(node.left, depth + 1, counter)
        rv, rd = _build(node.right, depth + 1, counter)
        return _binop(op, lv, ld, rv, rd)

    if isinstance(node, ast.Call):
        func = node.func
        if not isinstance(func, ast.Name):
            if isinstance(func, ast.Attribute):
                raise ExpressionError(
                    f"Attribute access ('.{func.attr}') is not allowed. {_ALLOWED_HELP}",
                    "attribute", attr=func.attr)
            raise ExpressionError(f"Only the listed functions can be called. {_ALLOWED_HELP}",
                                  "call")
        if func.id not in FUNCTIONS:
            raise ExpressionError(
                f"The function '{func.id}' is not available. Allowed functions: "
                + ", ".join(FUNCTIONS) + ".", "unknown_function", name=func.id)
        if node.keywords or len(node.args) != 1:
            raise ExpressionError(f"{func.id}() takes exactly one argument, e.g. {func.id}(x).",
                                  "arguments", name=func.id)
        fv, fd = FUNCTIONS[func.id]
        av, ad = _build(node.args[0], depth + 1, counter)

        def call_dual(x, y):
            v, dx, dy = ad(x, y)
            d = fd(v)
            return fv(v), d * dx, d * dy

        return (lambda x, y: fv(av(x, y))), call_dual

    if isinstance(node, ast.Attribute):
        raise ExpressionError(f"Attribute access ('.{node.attr}') is not allowed. {_ALLOWED_HELP}",
                              "attribute", attr=node.attr)
    what = _NODE_NAMES.get(type(node), f"'{type(node).__name__}' expressions")
    raise ExpressionError(f"The formula uses {what}, which is not allowed. {_ALLOWED_HELP}",
                          "syntax_kind", part=_source(node))


def _constant(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        kind = "strings" if isinstance(value, str | bytes) else f"'{type(value).__name__}' values"
        raise ExpressionError(f"Only real numbers are allowed, not {kind}. {_ALLOWED_HELP}",
                              "not_real", part=repr(value)[:30])
    if isinstance(value, int) and abs(value) > MAX_NUMBER:  # before float(): huge ints overflow
        raise ExpressionError(f"A number in the formula is too large (at most {MAX_NUMBER:g}).",
                              "number_large", max=MAX_NUMBER)
    c = np.float64(value)
    if not np.isfinite(c) or abs(c) > MAX_NUMBER:
        raise ExpressionError(f"A number in the formula is too large (at most {MAX_NUMBER:g}).",
                              "number_large", max=MAX_NUMBER)
    return (lambda x, y: c), (lambda x, y: (c, 0.0, 0.0))


def _exponent(node: ast.AST) -> float:
    """The exponent of ``**``: a plain (optionally negated) number with |n| ≤ MAX_EXPONENT."""
    sign = 1.0
    inner = node
    if isinstance(inner, ast.UnaryOp) and isinstance(inner.op, ast.USub | ast.UAdd):
        sign = -1.0 if isinstance(inner.op, ast.USub) else 1.0
        inner = inner.operand
    if not (isinstance(inner, ast.Constant) and isinstance(inner.value, int | float)
            and not isinstance(inner.value, bool)):
        raise ExpressionError(
            "The exponent after ** must be a plain number such as 2, -1 or 0.5 "
            f"(found '{_source(node)}').", "exponent_kind", part=_source(node))
    value = inner.value
    if isinstance(value, int) and abs(value) > 10**6:
        raise ExpressionError(f"The exponent is too large (at most {MAX_EXPONENT:g}).",
                              "exponent_large", max=MAX_EXPONENT)
    n = sign * float(value)
    if not abs(n) <= MAX_EXPONENT:
        raise ExpressionError(
            f"The exponent {n:g} is too large (at most {MAX_EXPONENT:g} in absolute value).",
            "exponent_large", max=MAX_EXPONENT)
    return n


def _power(bv, bd, n: float):
    n = np.float64(n)
    if n == 0:
        one = np.float64(1.0)
        return (lambda x, y: one + 0.0 * bv(x, y)), (lambda x, y: (one, 0.0, 0.0))
    if n == 1:
        return bv, bd
    if n == 2:  # the common case, cheaper than power
        def sq_dual(x, y):
            v, dx, dy = bd(x, y)
            d = 2.0 * v
            return v * v, d * dx, d * dy

        def sq(x, y):
            v = bv(x, y)
            return v * v

        return sq, sq_dual

    def pow_dual(x, y):
        v, dx, dy = bd(x, y)
        d = n * np.power(v, n - 1.0)
        return np.power(v, n), d * dx, d * dy

    return (lambda x, y: np.power(bv(x, y), n)), pow_dual


def _binop(op, lv, ld, rv, rd):
    if op is ast.Add:
        def dual(x, y):
            a, ax, ay = ld(x, y)
            b, bx, by = rd(x, y)
            return a + b, ax + bx, ay + by

        return (lambda x, y: lv(x, y) + rv(x, y)), dual
    if op is ast.Sub:
        def dual(x, y):
            a, ax, ay = ld(x, y)
            b, bx, by = rd(x, y)
            return a - b, ax - bx, ay - by

        return (lambda x, y: lv(x, y) - rv(x, y)), dual
    if op is ast.Mult:
        def dual(x, y):
            a, ax, ay = ld(x, y)
            b, bx, by = rd(x, y)
            return a * b, ax * b + a * bx, ay * b + a * by

        return (lambda x, y: lv(x, y) * rv(x, y)), dual

    def dual(x, y):  # division: (a/b)' = (a' b − a b') / b²
        a, ax, ay = ld(x, y)
        b, bx, by = rd(x, y)
        q = a / b
        return q, (ax - q * bx) / b, (ay - q * by) / b

    return (lambda x, y: lv(x, y) / rv(x, y)), dual


def _op_text(op: ast.AST) -> str:
    return {
        ast.BitXor: "^", ast.BitAnd: "&", ast.BitOr: "|", ast.Mod: "%", ast.FloorDiv: "//",
        ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@", ast.Invert: "~", ast.Not: "not",
    }.get(type(op), type(op).__name__)


def _source(node: ast.AST) -> str:
    try:
        text = ast.unparse(node)
    except Exception:  # pragma: no cover - unparse handles every node we can get here
        text = type(node).__name__
    return text if len(text) <= 30 else text[:27] + "..."


def expression_surface(text: str, half_width: float = 5.0, start=None):
    """A ``Surface`` for a typed formula on the box [−w, w]²; its minima are unknown (empty).

    Raises ExpressionError for a formula that is not allowed.
    """
    from .surfaces import Surface

    expr = parse_expression(text)
    w = float(half_width)
    if not w > 0:
        raise ValueError("half_width must be positive")
    return Surface(
        name="custom",
        label=f"f(x, y) = {expr.text}",
        f=expr.f,
        grad=expr.grad,
        bounds=((-w, w), (-w, w)),
        minima=(),
        min_value=None,
        start=tuple(start) if start is not None else (0.6 * w, 0.6 * w),
        formula="f(x, y) = " + expr.text,
        note="Your own formula; its minima are not known in advance.",
    )


@dataclass(frozen=True)
class Expression1D:
    """A parsed formula of x alone: ``f(x)`` elementwise and its exact derivative ``df(x)``."""

    text: str
    expr: Expression = field(repr=False)

    def f(self, x):
        return self.expr.f(x, 0.0)

    def df(self, x):
        return self.expr.grad(x, 0.0)[0]


def parse_function_of_x(text: str) -> Expression1D:
    """As ``parse_expression`` for a formula of x only (a 1-D target): 'y' is rejected, so a
    typed ``sin(y)`` never silently becomes the constant sin(0). Raises ExpressionError."""
    expr = parse_expression(text)
    names = {n.id for n in ast.walk(ast.parse(expr.text, mode="eval")) if isinstance(n, ast.Name)}
    if "y" in names:
        raise ExpressionError(
            "This formula is a function of x only: 'y' is not available here. "
            "Use numbers, x, pi, e, the operators + - * / ** and the functions "
            + ", ".join(FUNCTIONS) + "."
        )
    return Expression1D(expr.text, expr)
