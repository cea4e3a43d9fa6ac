"""User-facing text of the Optimizer lab page (labs/optimizers.py), kept together for the
planned Korean translation: labels, captions, messages, and the lecture-story presets."""

from dataclasses import dataclass

TEXT = {
    "title": "Optimizer lab",
    "intro": (
        "Race optimizers across a 2D loss surface: every coloured line is one optimizer's path "
        "from the white start point, and ▶ replays the race step by step. Look for plain SGD's "
        "zig-zag across a narrow valley, momentum overshooting and curling back, AdaGrad's steps "
        "shrinking to nothing, and Adam moving at a steady pace whatever the slope."
    ),
    "presets": "Lecture stories",
    "presets_help": "Each story loads a surface, optimizers and settings; change anything after.",
    "sidebar_surface": "Surface",
    "surface": "Loss surface",
    "kappa": "Condition number κ of the bowl",
    "kappa_help": "Ratio of the steepest to the shallowest curvature. SGD is stable only for α < 2/κ.",
    "custom_option": "Custom formula",
    "expr": "f(x, y) =",
    "expr_help": (
        "Numbers, x, y, pi, e, + - * / ** (exponent a plain number, |n| ≤ 10) and sin cos tan "
        "exp log sqrt abs tanh. At most 200 characters."
    ),
    "expr_placeholder": "x**2 + 10*sin(y)",
    "width": "Plot half-width (box is [−w, w]²)",
    "expr_error": "This formula can't be used: {msg}",
    "expr_nonfinite": (
        "f is not defined (infinite or not a number) on part of the box; that area is drawn in "
        "the top colour, and an optimizer that steps into it is stopped."
    ),
    "sidebar_optimizers": "Optimizers",
    "optimizers": "Optimizers in the race",
    "no_optimizers": "Pick at least one optimizer in the sidebar to start the race.",
    "hp_header": "Hyperparameters (defaults suit the chosen surface)",
    "reset": "Reset to this surface's defaults",
    "steps": "Steps",
    "x0": "Start x",
    "y0": "Start y",
    "schedule": "Learning-rate schedule",
    "schedule_help": "Applied to every optimizer's α. Step: ×0.1 every third of the run; "
                     "exponential: down to α/100 at the end; cosine: down to 0.",
    "noise": "Gradient noise σ",
    "noise_help": "Adds N(0, σ²) to each gradient coordinate, like a minibatch estimate. "
                  "Every optimizer gets the same noise sequence.",
    "seed": "Noise seed",
    "view3d": "3D view",
    "view3d_help": "Show the surface in 3D (height log-scaled like the contours) instead of the map.",
    "race_header": "The race",
    "race_caption": (
        "Click anywhere on the map to start the race there. "
        "▶ replays the race from step 0 in your browser; drag the slider to scrub. The big dot "
        "is each optimizer's current point and the small dots are the steps since the previous "
        "frame: widely spaced dots mean big steps. Click a legend entry to show only that "
        "optimizer, in the race and in the loss curves."
    ),
    "log_caption": "Contour lines are log-spaced (f − f* spans {decades:.0f} decades on this box).",
    "loss_header": "Loss vs step",
    "loss_caption": "f − f* on a log axis; f* = {fref} (the minimum value, or for a typed "
                    "formula the lowest value seen).",
    "summary_caption": (
        "Tolerance: within {tol:.3g} of a minimum (1% of the plot width). “Nearest minimum” "
        "is the one closest to where the optimizer ended."
    ),
    "summary_caption_custom": (
        "The minima of a typed formula are unknown: distances are to the lowest points of the "
        "{n}×{n} grid, {points}, an approximation."
    ),
    "col_optimizer": "Optimizer",
    "col_final_f": "Final f",
    "col_dist": "Distance to nearest minimum",
    "col_min": "Nearest minimum",
    "col_first": "First step within tolerance",
    "col_diverged": "Diverged at step",
    "col_steps": "Steps run",
    "never": "not reached",
    "no": "no",
    "download_paths": "Trajectories (CSV)",
    "download_summary": "Summary (CSV)",
    "download_settings": "Settings (JSON)",
    "below_views": "Below the race",
    "below": {"summary": "Summary", "internals": "Inside one optimizer"},
    "inspect": "Optimizer to inspect",
    "internals_caption": (
        "Left: the path (zoomed) with arrows at evenly spaced steps. Grey is −∇f, where plain "
        "gradient descent would go; coloured is {memory}. Each kind of arrow is scaled to its "
        "largest one. Right: the step size each coordinate actually gets, per unit of {unit}."
    ),
    "memory_velocity": "the velocity b (momentum buffer), which keeps pointing where the path "
                       "has been going",
    "memory_m": "the first moment m (a running mean of gradients)",
    "memory_step": "the step actually taken (this optimizer keeps no velocity)",
    "unit_grad": "gradient",
    "unit_velocity": "velocity",
    "unit_m": "first moment",
    "unit_nadam": "its mixed gradient/moment direction",
    "rules_header": "Update rules of the optimizers in the race",
    "rule_line": "**{label}** — {reference}",
    "diverged_warning": (
        "{label} diverged at step {step} — learning rate too large for this surface "
        "({reason}). Its path stops at the last finite point, marked ✕."
    ),
    "fig": {
        "start": "start",
        "minima": "global minimum",
        "minima_custom": "lowest grid points",
        "play": "▶ Play",
        "pause": "❚❚ Pause",
        "step": "step",
        "diverged": "{label} ✕ step {step}",
        "gap": "f − f*",
        "lr": "scheduled α",
        "coord_x": "x coordinate",
        "coord_y": "y coordinate",
        "step_size": "effective step size",
        "neg_grad": "−gradient",
        "memory": "velocity / first moment / step",
    },
}


@dataclass(frozen=True)
class Preset:
    label: str
    story: str  # two sentences
    settings: dict  # widget key -> value


PRESETS = {
    "zigzag": Preset(
        "SGD zig-zag vs Momentum",
        "On a bowl 20 times steeper across than along, SGD's step overshoots the steep direction "
        "every time and bounces from wall to wall while it crawls along the floor. Momentum "
        "averages the bouncing away and builds up speed along the valley, reaching the minimum "
        "in about half the steps.",
        {"opt_surface": "quadratic", "opt_kappa": 20, "opt_set": ["sgd", "momentum"],
         "opt_steps": 100, "opt_sgd_lr": 0.09, "opt_momentum_lr": 0.02,
         "opt_momentum_momentum": 0.8, "opt_inspect": "momentum"},
    ),
    "saddle": Preset(
        "The saddle point",
        "Started almost exactly on the ridge, every optimizer first slides down to the saddle, "
        "where the gradient is nearly zero, so SGD lingers there for a long time. Momentum "
        "carries speed through it and Adam rescales the tiny gradient, so both escape sooner.",
        {"opt_surface": "saddle", "opt_set": ["sgd", "momentum", "adam"], "opt_steps": 300,
         "opt_x0": -2.2, "opt_y0": 0.001, "opt_inspect": "adam"},
    ),
    "adagrad": Preset(
        "AdaGrad stalling vs RMSProp",
        "With the same α, AdaGrad divides by the square root of the sum of all past squared "
        "gradients, so its steps only shrink and it stalls far from the minimum. RMSProp uses a "
        "moving average instead, forgets the steep start and keeps a steady pace.",
        {"opt_surface": "quadratic", "opt_kappa": 20, "opt_set": ["adagrad", "rmsprop"],
         "opt_steps": 500, "opt_adagrad_lr": 0.1, "opt_rmsprop_lr": 0.1,
         "opt_inspect": "adagrad"},
    ),
    "rosenbrock": Preset(
        "Adam vs SGD on Rosenbrock",
        "Rosenbrock's valley is easy to find and hard to follow: its floor is almost flat while "
        "its walls are very steep, so SGD needs a tiny α and then creeps along the floor. Adam "
        "normalises each coordinate's step and travels the curved valley to (1, 1).",
        {"opt_surface": "rosenbrock", "opt_set": ["sgd", "adam"], "opt_steps": 2000,
         "opt_sgd_lr": 0.001, "opt_adam_lr": 0.1, "opt_inspect": "adam"},
    ),
    "diverge": Preset(
        "Too large a learning rate",
        "On this bowl plain gradient descent is stable only for α < 2/κ = 0.1; at α = 0.11 "
        "every step across the valley overshoots by more than it corrects, and SGD blows up. "
        "The race stops it at its last finite point while the other optimizers carry on.",
        {"opt_surface": "quadratic", "opt_kappa": 20, "opt_set": ["sgd", "momentum", "adam"],
         "opt_steps": 200, "opt_sgd_lr": 0.11, "opt_momentum_lr": 0.02,
         "opt_momentum_momentum": 0.8, "opt_adam_lr": 0.3, "opt_inspect": "momentum"},
    ),
    "noise": Preset(
        "Noisy gradients",
        "Real training sees each gradient through a small minibatch; here every gradient gets "
        "N(0, 3²) noise added, so SGD jitters around the minimum instead of settling there. "
        "Switch the learning-rate schedule to cosine and the jitter dies down as α shrinks.",
        {"opt_surface": "quadratic", "opt_kappa": 20, "opt_set": ["sgd", "momentum", "adam"],
         "opt_steps": 300, "opt_noise": 3.0, "opt_sgd_lr": 0.05, "opt_sched": "constant",
         "opt_inspect": "sgd"},
    ),
}
