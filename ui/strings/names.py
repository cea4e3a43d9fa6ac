"""Display names of activations shared by the pages that list them all (the lecture's Latin
names stay Latin; descriptions are translated). nncore keeps only ids."""

from ui.i18n import Strings

T = Strings(
    "names",
    en={
        "act.linear": "Linear (identity)",
        "act.sigmoid": "Sigmoid",
        "act.tanh": "Tanh",
        "act.relu": "ReLU",
        "act.leaky_relu": "Leaky ReLU (slope 0.01)",
        "act.elu": "ELU (α = 1)",
        "act.softplus": "Softplus",
        "act.abs": "Absolute value |x|",
        "act.hard_tanh": "Hard tanh",
        "act.swish": "Swish / SiLU",
        "act.gelu": "GELU (tanh approximation)",
    },
    ko={
        "act.linear": "선형 (항등 함수)",
        "act.sigmoid": "Sigmoid",
        "act.tanh": "Tanh",
        "act.relu": "ReLU",
        "act.leaky_relu": "Leaky ReLU (음수 쪽 기울기 0.01)",
        "act.elu": "ELU (α = 1)",
        "act.softplus": "Softplus",
        "act.abs": "절댓값 |x|",
        "act.hard_tanh": "Hard tanh",
        "act.swish": "Swish / SiLU",
        "act.gelu": "GELU (tanh 근사)",
    },
)


def activation_name(name: str) -> str:
    """The display name of activation ``name`` (an id of nncore.ACTIVATIONS)."""
    return T(f"act.{name}")
