"""The label of every URL parameter, for the settings table of the HTML download and the
lecture step bar (ui.share.setting_label): URL key -> the key of its widget's label in the page's
own Strings table (ui/strings/<page>.py), so the text is the widget's, in the page's language.

- ``"=x₁"``: a literal label (a math symbol, the same in both languages);
- ``"level.{ae_noise}"``: a label that depends on another setting (its current value);
- ``("b_name", "activation")``: parts joined by " · " (the init lab's second network);
- ``PATTERNS``: keys made per layer or per optimizer; the groups are format fields.

tests/app/test_share_labels.py checks every entry against the label the page draws, in both
languages, and that every key a page writes (default, views, lecture steps) has one.
"""

from __future__ import annotations

from collections.abc import Callable


def optimizer_hp(groups: dict, lang: str) -> str:
    """The optimizer page's hyperparameter sliders: the expander's name, then the slider's."""
    from nncore.optim import OPTIMIZERS
    from ui.strings.optimizers import GLYPHS, T

    hp = groups["hp"]
    return f"{OPTIMIZERS[groups['opt']].label} · {GLYPHS[hp]} {T(f'hp.{hp}', lang)}"


def depth_training(groups: dict, lang: str) -> str:
    """The approximation page's training toggle: its label names the runs' seeds and steps."""
    from nncore.approx import DepthTrainSpec
    from ui.strings.approximation import T

    spec = DepthTrainSpec(0)
    return T("dtrain", lang, seeds=spec.n_seeds, steps=spec.steps)


LABELS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "perceptron": {
        "pc_view": "view", "pc_gate": "gate", "pc_n": "n", "pc_noise": "noise",
        "pc_dseed": "data_seed", "pc_lr": "lr", "pc_w1": "w1_0", "pc_w2": "w2_0",
        "pc_b": "b_0", "pc_order": "order", "pc_seed": "seed", "pc_step": "step",
        "pc_hw1": "hw1", "pc_hw2": "hw2", "pc_hb": "hb", "pc_act": "act", "pc_mlr": "mlr",
        "pc_epochs": "epochs", "pc_seeds": "seeds", "pc_pick": "pick",
    },
    "backprop": {
        "bp_act": "activation", "bp_loss": "loss", "bp_out": "outputs", "bp_step": "step",
        "bp_guess": "guess", "bp_lr": "lr", "bp_n": "updates",
        "bp_x1": "=x₁", "bp_x2": "=x₂", "bp_t1": "=t₁", "bp_t2": "=t₂",
        "bp_w11": "=w₁₁", "bp_w12": "=w₁₂", "bp_w21": "=w₂₁", "bp_w22": "=w₂₂",
        "bp_b1": "=b₁", "bp_b2": "=b₂", "bp_v11": "=v₁₁", "bp_v12": "=v₁₂",
        "bp_v21": "=v₂₁", "bp_v22": "=v₂₂", "bp_c1": "=c₁", "bp_c2": "=c₂",
    },
    "activations": {
        "act_acts": "acts", "act_range": "range", "act_identity": "identity",
        "act_lin_depth": "lin_depth", "act_lin_width": "lin_width", "act_lin_seed": "lin_seed",
        "act_lin_act": "lin_act", "act_depth": "depth", "act_s": "s", "act_gain": "gain",
        "act_measure": "measure", "act_width": "width", "act_seed": "seed",
    },
    "playground": {
        "pg_data": "dataset", "pg_n": "n_points", "pg_noise": "noise", "pg_test": "test_frac",
        "pg_seed": "seed", "pg_feat": "features", "pg_layers": "layers", "pg_act": "act",
        "pg_init": "init", "pg_iscale": "init_scale", "pg_bn": "bn", "pg_opt": "opt",
        "pg_lr": "lr", "pg_bs": "bs", "pg_ep": "epochs", "pg_loss": "loss", "pg_l1": "l1",
        "pg_l2": "l2", "pg_drop": "dropout", "pg_more": "train_more", "pg_epoch": "timeline",
        "pg_disc": "discretize", "pg_showtest": "show_test", "pg_replay": "replay",
        "pg_thumb": "thumb_layer", "pg_tab": "view_tab", "pg_hp_beta1": "hp_beta1",
        "pg_hp_beta2": "hp_beta2", "pg_hp_eps": "hp_eps",
    },
    "init_lab": {
        "ini_act": "activation", "ini_init": "init", "ini_scale": "scale", "ini_bn": "bn",
        "ini_depth": "depth", "ini_width": "width", "ini_n": "samples", "ini_seed": "seed",
        "ini_ab": "ab", "ini_b_act": ("b_name", "activation"), "ini_b_init": ("b_name", "init"),
        "ini_b_scale": ("b_name", "scale"), "ini_b_bn": ("b_name", "bn"),
    },
    "batchnorm": {
        "bn_data": "dataset", "bn_act": "activation", "bn_depth": "depth", "bn_width": "width",
        "bn_scale": "scale", "bn_lr": "lr", "bn_epochs": "epochs", "bn_batch": "batch",
        "bn_seed": "seed", "bn_layer": "layer", "bn_epoch": "epoch_view", "bn_unit": "unit",
        "bn_grid": "grid_size",
    },
    "optimizers": {
        "opt_surface": "surface", "opt_kappa": "kappa", "opt_expr": "expr", "opt_width": "width",
        "opt_set": "optimizers", "opt_steps": "steps", "opt_x0": "x0", "opt_y0": "y0",
        "opt_sched": "schedule", "opt_noise": "noise", "opt_seed": "seed", "opt_3d": "view3d",
        "opt_preset": "presets", "opt_below": "below_views", "opt_inspect": "inspect",
    },
    "regularization": {
        "rg_data": "dataset", "rg_n": "n_train", "rg_noise": "noise", "rg_width": "width",
        "rg_epochs": "epochs", "rg_lr": "lr", "rg_seed": "seed", "rg_p": "p", "rg_l2": "l2",
        "rg_l1": "l1", "rg_l1mode": "l1_mode", "rg_epoch": "epoch", "rg_lam": "sweep_lam",
        "rg_geo_lam": "geo_lam",
    },
    "space_warp": {
        "sw_mode": "mode", "sw_data": "dataset", "sw_n": "n", "sw_noise": "noise",
        "sw_seed": "seed", "sw_depth": "depth", "sw_width": "width", "sw_neck": "neck",
        "sw_tact": "tact", "sw_epochs": "epochs", "sw_lr": "lr", "sw_act": "act",
        "sw_two": "two_layers", "sw_tab": "below_views", "sw_view": "view", "sw_ua": "unit_a",
        "sw_ub": "unit_b", "sw_snap": "epoch", "sw_units": "total",
        "sw_w11": "=W[1,1]", "sw_w12": "=W[1,2]", "sw_w21": "=W[2,1]", "sw_w22": "=W[2,2]",
        "sw_b1": "=b[1]", "sw_b2": "=b[2]", "sw_v11": "=W′[1,1]", "sw_v12": "=W′[1,2]",
        "sw_v21": "=W′[2,1]", "sw_v22": "=W′[2,2]", "sw_c1": "=b′[1]", "sw_c2": "=b′[2]",
    },
    "approximation": {
        "ua_target": "target", "ua_formula": "formula", "ua_a": "a", "ua_b": "b",
        "ua_noise": "noise", "ua_seed": "seed", "ua_n": "n_units", "ua_act": "activation",
        "ua_steps": "steps", "ua_lr": "lr", "ua_k": "k", "ua_dwidth": "dwidth",
    },
    "autoencoder": {
        "ae_view": "view", "ae_k": "k", "ae_epochs": "epochs", "ae_seed": "seed",
        "ae_noise": "noise", "ae_level": "level.{ae_noise}", "ae_labels": "labels",
        "ae_shape": "shape", "ae_jitter": "jitter", "ae_label_sweep": "label_sweep",
    },
    "glossary": {"gl_q": "filter"},
}

PATTERNS: dict[str, list[tuple[str, str | Callable[[dict, str], str]]]] = {
    "playground": [(r"pg_w(?P<l>\d+)", "width"), (r"pg_a(?P<l>\d+)", "act_layer")],
    "optimizers": [(r"opt_(?P<opt>[a-z]+)_(?P<hp>[a-z0-9_]+)", optimizer_hp)],
    "approximation": [(r"ua_dtrain", depth_training)],
}

# The value a label depends on while its setting is at its default (not in the URL)
DEFAULTS: dict[str, str] = {"ae_noise": "gaussian"}
