"""The lab's pages: one entry per page that exists, in the order a course meets them.

app.py builds the navigation from this list and the Home page links every entry. Titles and
summaries live in ``ui.strings.catalog`` under '<id>.title' and '<id>.summary'.
"""

from dataclasses import dataclass

from ui.strings.catalog import T


@dataclass(frozen=True)
class PageInfo:
    id: str  # stable id: string keys, URL path, test names
    path: str  # file under labs/ (not pages/: Streamlit treats a pages/ folder next to the
    # entry point as its legacy file-based navigation, which breaks deep links on a fresh server)
    icon: str  # a Material icon name, ":material/...:"

    @property
    def title(self) -> str:
        return T(f"{self.id}.title")

    @property
    def summary(self) -> str:
        return T(f"{self.id}.summary")


HOME = PageInfo("home", "labs/home.py", ":material/home:")

# Each page adds one line here, in the order a course meets it (the Home page says why).
LABS: list[PageInfo] = [
    PageInfo("perceptron", "labs/perceptron.py", ":material/linear_scale:"),
    PageInfo("backprop", "labs/backprop.py", ":material/account_tree:"),
    PageInfo("activations", "labs/activations.py", ":material/show_chart:"),
    PageInfo("playground", "labs/playground.py", ":material/scatter_plot:"),
    PageInfo("init_lab", "labs/init_lab.py", ":material/stacked_bar_chart:"),
    PageInfo("batchnorm", "labs/batchnorm.py", ":material/equalizer:"),
    PageInfo("optimizers", "labs/optimizers.py", ":material/route:"),
    PageInfo("regularization", "labs/regularization.py", ":material/tune:"),
    PageInfo("space_warp", "labs/space_warp.py", ":material/texture:"),
    PageInfo("approximation", "labs/approximation.py", ":material/ssid_chart:"),
    PageInfo("autoencoder", "labs/autoencoder.py", ":material/compress:"),
    PageInfo("glossary", "labs/glossary.py", ":material/menu_book:"),
]
