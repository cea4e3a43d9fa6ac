"""The lab's pages: one entry per page that exists. app.py and the Home page both read this list."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    path: str  # file under labs/ (not pages/: Streamlit treats a pages/ folder next to the
    # entry point as its legacy file-based navigation, which breaks deep links on a fresh server)
    title: str
    icon: str  # a Material icon name, ":material/...:"
    summary: str  # one or two sentences for the Home page


HOME = PageInfo(
    "labs/home.py",
    "Home",
    ":material/home:",
    "What the lab is and where to start.",
)

# Each lab page adds its entry here, in the order a course would meet it.
LABS: list[PageInfo] = [
    PageInfo(
        "labs/playground.py",
        "Training playground",
        ":material/scatter_plot:",
        "Train a small network on 2D data and watch the decision boundary and every neuron learn; "
        "upload your own data, compare runs, export the weights.",
    ),
    PageInfo(
        "labs/space_warp.py",
        "Space warping",
        ":material/texture:",
        "Watch Wx + b and ReLU fold the plane until the data is linearly separable; count the "
        "linear regions of a network, deeper vs wider.",
    ),
    PageInfo(
        "labs/init_lab.py",
        "Initialization lab",
        ":material/stacked_bar_chart:",
        "Push Gaussian inputs through a deep tanh/ReLU stack and watch each layer's activations "
        "and gradients collapse, saturate or stay just right: 0.01, 0.05, Xavier, He, batch norm.",
    ),
    PageInfo(
        "labs/optimizers.py",
        "Optimizer lab",
        ":material/route:",
        "Race SGD, Momentum, AdaGrad, RMSProp, Adam and more across 2D loss surfaces; replay "
        "every path and look inside each update rule.",
    ),
]
