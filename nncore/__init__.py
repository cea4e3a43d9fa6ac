"""nncore: the lab's NumPy core — the lecture's math, readable and testable.

Import it in a notebook without Streamlit, Plotly or pandas installed::

    import numpy as np
    import nncore as nn

    rng = np.random.default_rng(0)
    X, y = nn.make_dataset("xor", 200, 0.05, rng)
    run = nn.train_mlp(X, y, [2, 8, 2], activation="tanh", optimizer="adam",
                       opt_hp={"lr": 0.03}, epochs=200)
    run.history["train_acc"][-1]   # 1.0
"""

from .activations import ACTIVATIONS, Activation, saturated_fraction, sigmoid, softplus
from .datasets import DATASETS, make_dataset, train_test_split
from .gradcheck import numerical_gradient, numerical_gradient_array, rel_error
from .init import INITIALIZERS, initialize, weight_std
from .layers import (
    batchnorm_backward,
    batchnorm_forward,
    dense_backward,
    dense_forward,
    dropout_backward,
    dropout_forward,
    dropout_mask,
    maxout_backward,
    maxout_forward,
)
from .losses import LOSSES, bce, mse, softmax, softmax_ce
from .mlp import (
    HIDDEN_ACTIVATIONS,
    init_bn_state,
    init_mlp,
    layer_activations,
    mlp_backward,
    mlp_forward,
    mlp_loss_and_grads,
    n_layers,
    penalty,
    predict_proba,
)
from .optim import OPTIMIZERS, SCHEDULES, Descent, descend, make_optimizer, make_schedule
from .surfaces import SURFACES
from .train import TrainResult, evaluate, train_mlp

__all__ = [
    "ACTIVATIONS", "Activation", "saturated_fraction", "sigmoid", "softplus",
    "DATASETS", "make_dataset", "train_test_split",
    "numerical_gradient", "numerical_gradient_array", "rel_error",
    "INITIALIZERS", "initialize", "weight_std",
    "batchnorm_backward", "batchnorm_forward", "dense_backward", "dense_forward",
    "dropout_backward", "dropout_forward", "dropout_mask", "maxout_backward", "maxout_forward",
    "LOSSES", "bce", "mse", "softmax", "softmax_ce",
    "HIDDEN_ACTIVATIONS", "init_bn_state", "init_mlp", "layer_activations", "mlp_backward",
    "mlp_forward", "mlp_loss_and_grads", "n_layers", "penalty", "predict_proba",
    "OPTIMIZERS", "SCHEDULES", "make_optimizer", "make_schedule",
    "SURFACES", "Descent", "descend",
    "TrainResult", "evaluate", "train_mlp",
]
