"""Training playground: every word of the page, its figures and its messages, in English and
Korean. Codes from nncore/ui.playground_io (``err_<code>``) and ids of the menus (``ds_<id>``,
``act_<id>``, ``init_<id>``, ``loss_<id>``, ``hp_<name>``) are keys here."""

from ui.i18n import Strings

EN = {
    "title": "Training playground",
    "intro": (
        "Train a small neural network on 2D points and watch it learn. The big picture is the "
        "**decision boundary** (the colour is the predicted class, paler = less sure); the small "
        "squares show what **each hidden neuron** responds to, layer by layer: early layers draw "
        "lines, later layers combine them into curves. Every setting is in the URL, so a copied "
        "link reopens the same experiment with the same initial weights."
    ),
    # Data
    "data": "Data",
    "dataset": "Data set",
    "dataset_option": "{name} ({c} classes)",
    "ds_xor": "XOR",
    "ds_circles": "Circles",
    "ds_moons": "Two moons",
    "ds_spirals": "Two spirals",
    "ds_gaussians": "Two Gaussians",
    "ds_linear": "Linearly separable",
    "ds_spirals3": "Three spirals",
    "ds_blobs4": "Four blobs",
    "upload_option": "Uploaded CSV: {name}",
    "n_points": "Number of points",
    "noise": "Noise (σ of the jitter)",
    "test_frac": "Test fraction",
    "seed": "Seed (data and initial weights)",
    "upload": "Your own data (CSV with columns x1, x2, label)",
    "upload_help": (
        "{min_c}–{max_c} classes, at most {rows} rows and {mb} MB. Coordinates are standardized "
        "(mean 0, standard deviation 1) before training."
    ),
    "upload_ok": "Loaded {n} points in {c} classes from {name}.",
    "upload_bad": "Could not use {name}: {error}. Nothing was changed.",
    "upload_missing": (
        "This link refers to an uploaded data set, which is not part of the URL. Upload the CSV "
        "again; until then the XOR data set is shown."
    ),
    # Network
    "features": "Input features",
    "features_help": (
        "What the network sees. With x₁² and x₂² even a network without hidden layers can "
        "draw a circle."
    ),
    "network": "Network",
    "layers": "Hidden layers",
    "width": "Layer {l}: neurons",
    "act": "Activation function",
    "act_layer": "Layer {l}: activation",
    "same": "as network",
    "per_layer": "Layer by layer: width and activation",
    "act_linear": "Linear (identity)",
    "act_sigmoid": "Sigmoid",
    "act_tanh": "Tanh",
    "act_relu": "ReLU",
    "act_leaky_relu": "Leaky ReLU (slope 0.01)",
    "act_elu": "ELU (α = 1)",
    "act_softplus": "Softplus",
    "act_abs": "Absolute value |x|",
    "act_hard_tanh": "Hard tanh",
    "act_swish": "Swish / SiLU",
    "act_gelu": "GELU (tanh approximation)",
    "act_maxout": "Maxout (k = 2)",
    "init": "Weight initialization",
    "init_scale": "Scale s of the initializer",
    "init_zeros": "Zeros",
    "init_normal": "Normal N(0, s²)",
    "init_uniform": "Uniform U(−s, s)",
    "init_lecun_normal": "LeCun normal",
    "init_lecun_uniform": "LeCun uniform",
    "init_xavier_normal": "Xavier (Glorot) normal",
    "init_xavier_uniform": "Xavier (Glorot) uniform",
    "init_he_normal": "He (Kaiming) normal",
    "init_he_uniform": "He (Kaiming) uniform",
    "init_orthogonal": "Orthogonal",
    "bn": "Batch normalization",
    # Training
    "training": "Training",
    "opt": "Optimizer",
    "lr": "Learning rate",
    "bs": "Batch size",
    "epochs": "Epochs",
    "loss": "Loss",
    "loss_softmax_ce": "Cross-entropy (softmax)",
    "loss_bce": "Binary cross-entropy (sigmoid)",
    "loss_mse": "Mean squared error",
    "hp_momentum": "Momentum ρ",
    "hp_decay": "Decay γ of the g² average",
    "hp_rho": "Decay ρ of the averages",
    "hp_beta1": "First-moment decay β₁",
    "hp_beta2": "Second-moment decay β₂",
    "hp_eps": "Epsilon ε (numerical safety)",
    "hp_weight_decay": "Decoupled weight decay λ",
    "hp_momentum_decay": "Momentum decay ψ",
    "bce_multiclass": (
        "Binary cross-entropy needs exactly two classes: softmax cross-entropy is used for this "
        "{c}-class data set."
    ),
    "l1": "L1 penalty λ₁",
    "l2": "L2 penalty λ₂",
    "dropout": "Dropout rate p",
    "formulas": "The formulas behind these settings",
    "f_loss": "**What training minimizes** (weight matrices only, not biases):",
    "f_data_ce": "the mean cross-entropy of the minibatch of B points,",
    "f_data_mse": "the mean squared error of the minibatch of B points,",
    "f_bn": (
        "**Batch normalization** (before the activation, per neuron, μ_B and σ²_B over the "
        "minibatch; at test time the running averages replace them):"
    ),
    "f_dropout": (
        "**Dropout** (inverted, training only; each neuron is kept with probability 1 − p and "
        "rescaled, so nothing changes at test time):"
    ),
    "f_opt": "**{opt} update** (x: the weights, g: the gradient of the minibatch loss L):",
    "warn_bn_batch": (
        "**Batch normalization with batch size {bs}.** Batch normalization subtracts the "
        "minibatch mean μ_B: with one point x − μ_B = 0 for every neuron (nothing of the input "
        "is left), with two points every normalized value is about ±1 (only which of the two is "
        "larger is left). "
        "On the default XOR setup this leaves the test accuracy at chance (about 50 %). This "
        "run: {acc} (chance: {chance}). Use a batch of 5 or more, or turn batch normalization off."
    ),
    "warn_l1": (
        "**L1 penalty λ₁ = {l1}.** L1 adds λ₁·sign(W) to every weight's gradient: a pull "
        "towards 0 of the same size whatever the weight. On the default XOR setup, from 0.01 on "
        "this pull outweighs the data term: the weights shrink to about 0 and the test accuracy "
        "stays at chance (about 50 %). This run: {acc} (chance: {chance}). Try 0.001 or less."
    ),
    "capped": (
        "{asked} epochs of this network would take long on the server: this round trains "
        "{epochs} epochs (about {s:.0f} s). Press **Train more** to continue from there."
    ),
    "training_spinner": "Training…",
    "training_progress": "Training: epoch {epoch} of {total}",
    "live_title": "Decision boundary so far (epoch {epoch})",
    "train_more": "Train more",
    "train_more_help": "Continue from the current weights for another round of epochs.",
    "reset": "Reset",
    "reset_help": "Back to the initial weights (the same seed gives the same weights).",
    "status": "Trained {epochs} epochs in {rounds} round(s); showing epoch {shown}.",
    "status_start": (
        "Showing the initial weights (epoch 0). The timeline holds {epochs} trained epochs: move "
        "it to see them."
    ),
    "status_diverged": "Stopped after {epochs} good epoch(s): training diverged.",
    "metric_epoch": "Epoch shown",
    "metric_train_loss": "Train loss",
    "metric_test_loss": "Test loss",
    "metric_test_acc": "Test accuracy",
    "timeline": "Timeline: epoch to show",
    "timeline_help": "Rewind and replay: every picture below shows the network at this epoch.",
    "replay": "Replay",
    "replay_help": (
        "Animate the boundary over the training snapshots, starting at the timeline's epoch "
        "(play it in the chart)."
    ),
    "discretize": "Discretize",
    "discretize_help": "Show only the winning class, without the shades of confidence.",
    "show_test": "Test points",
    "show_test_help": "Draw the test points (white with a coloured ring) over the boundary.",
    "boundary": "Decision boundary at epoch {epoch}",
    "thumbs": "What each neuron computes (epoch {epoch})",
    "thumbs_caption": (
        "Each square is one neuron's output over the same plane as the boundary: blue = "
        "positive, orange = negative, white = 0 (each square scaled to its own largest value). "
        "A square that stays white is a dead neuron."
    ),
    "thumb_layer": "Layers to show",
    "thumb_all": "All layers",
    "inputs": "Inputs",
    "layer_title": "Layer {l}<br>{act}",
    "no_hidden": "No hidden layers: the network is a linear (logistic) model of the inputs.",
    "curves": "Loss and accuracy per epoch",
    "view_tab": "Table to show",
    "confusion": "Confusion matrix on the test set (epoch {epoch})",
    "confusion_tab": "Confusion matrix",
    "weights_tab": "Weights per layer",
    "weights": "Weights per layer (epoch {epoch})",
    "diverged": (
        "**Training diverged in epoch {epoch}.** The loss or the weights grew without bound "
        "(overflow to infinity), so the updates stopped meaning anything. The pictures show the "
        "last good epoch ({last}). Usually the steps are too big: **lower the learning rate** "
        "(try {lr_hint}){bn_hint}{init_hint}."
    ),
    "bn_hint": ", **add batch normalization**",
    "init_hint": ", or **change the initialization** (He or Xavier instead of {init})",
    "grid_bad": "{n} grid values were not finite and are drawn as 0.",
    "axis_std": "{x} (standardized)",
    # History and comparison
    "history": "Run history (this session)",
    "history_caption": "Every run you trained in this session. Pick two to compare.",
    "col_dataset": "data set",
    "col_network": "network",
    "col_optimizer": "optimizer",
    "col_lr": "learning rate",
    "col_batch": "batch",
    "col_epochs": "epochs",
    "col_seed": "seed",
    "col_start": "start",
    "col_train_loss": "train loss",
    "col_test_loss": "test loss",
    "col_test_acc": "test accuracy",
    "col_diverged": "diverged at",
    "linear_net": "linear",
    "compare_a": "Run A",
    "compare_b": "Run B",
    "compare": "Compare two runs",
    "compare_need": "Train at least two different runs (change a setting) to compare them.",
    "cmp_title": "Run #{rid}, epoch {epoch}",
    "start_seed": "seed",
    "start_imported": "file {name}",
    # Files
    "files": "Export and import",
    "dl_data": "Data (CSV)",
    "dl_history": "History (CSV)",
    "dl_weights": "Weights at the shown epoch (JSON)",
    "dl_grid": "Boundary grid (CSV)",
    "dl_confusion": "Confusion matrix (CSV)",
    "dl_hist": "Weight histograms (CSV)",
    "dl_runs": "Run history (CSV)",
    "import": "Import weights (JSON exported here)",
    "import_help": (
        "The file must match the current network (input features, layers, batch norm). "
        "Imported weights become the starting point of training."
    ),
    "import_ok": "Using imported weights from {name} as the starting point (epoch 0).",
    "import_bad": "Could not use {name}: {error}. Nothing was changed.",
    "import_stale": (
        "The imported weights from {name} no longer fit the network (the settings changed), so "
        "the seed's initial weights are used. Set the network back to {want} to use them again."
    ),
    "forget_import": "Forget imported weights",
    # Figures
    "fig_class": "class {k}",
    "fig_train": "train",
    "fig_test": "test",
    "fig_loss": "loss",
    "fig_accuracy": "accuracy",
    "fig_Loss": "Loss",
    "fig_Accuracy": "Accuracy",
    "fig_epoch": "epoch",
    "fig_at_epoch": "at epoch",
    "fig_diverged": "diverged",
    "fig_predicted": "predicted",
    "fig_true": "true",
    "fig_play": "▶ Play",
    "fig_pause": "❚❚ Pause",
    "fig_weights": "weights",
    # Errors of uploaded files (codes from ui.playground_io and nncore.playground)
    "err_csv_too_big": "the file is {mb} MB; at most {max_mb} MB is allowed",
    "err_csv_empty": "the file is empty",
    "err_csv_unreadable": "the file could not be read as CSV ({detail})",
    "err_csv_missing_columns": (
        "missing column(s) {missing}; the first line must name the columns x1, x2, label "
        "(found: {found})"
    ),
    "err_csv_too_many_rows": "the file has more than {max} rows; at most {max} are allowed",
    "err_csv_not_numeric": "column {column} is not numeric: {value} in data row {row}",
    "err_points_shape": "expected two coordinate columns and one label per row",
    "err_points_no_rows": "the file has no data rows",
    "err_points_too_many_rows": "the file has {n} rows; at most {max} are allowed",
    "err_points_not_finite": (
        "column {column} has {count} empty, NaN or infinite value(s) (first at data row {row})"
    ),
    "err_labels_not_whole": "labels must be whole numbers (class ids such as 0, 1, 2)",
    "err_one_class": (
        "all rows have the same label ({label}): a classifier needs at least two classes"
    ),
    "err_too_many_classes": "found {n} classes; at most {max} are supported",
    "err_json_invalid": "the file is not valid JSON ({detail})",
    "err_json_not_weights": 'not a weights file: expected a JSON object with a "params" object',
    "err_json_unknown_format": "unknown format {found}; expected {expected}",
    "err_json_mismatch": (
        "the weights do not fit this network ({detail}){arch}. Set the same layers, input "
        "features and batch-norm setting as the saved run"
    ),
    "mismatch_missing": "missing {keys}",
    "mismatch_extra": "unexpected {keys}",
    "mismatch_arch": ": the file holds a {have} network, this one is {want}",
    "err_json_not_numbers": "{name} must be a (nested) list of numbers",
    "err_json_wrong_shape": "{name} has shape {have} but this network needs {want}",
    "err_json_not_finite": "{name} contains NaN or infinite values",
    "err_json_bn_not_object": '"bn_state" must be an object',
    "err_json_negative_var": "{name} must not be negative",
    # Lecture steps (lecture mode)
    "step_linear": "No hidden layer: one straight line",
    "step_linear_text": (
        "Without a hidden layer the network is a linear classifier, like a perceptron: its "
        "decision boundary is one straight line. Count the XOR points left on the wrong side "
        "and read the test accuracy."
    ),
    "step_features": "Feature transformation: add x₁·x₂",
    "step_features_text": (
        "Still no hidden layer, but the product x₁·x₂ is an extra input: the same linear "
        "classifier now separates XOR. A good transformation of the features makes the data "
        "linearly separable."
    ),
    "step_stacked_linear": "Layers without a non-linear activation",
    "step_stacked_linear_text": (
        "Two hidden layers of 8 units, with the linear activation: stacked linear layers are "
        "still one linear map, so the boundary stays a straight line and XOR is not learned."
    ),
    "step_hidden": "Hidden layers with tanh",
    "step_hidden_text": (
        "The same two layers with tanh, a non-linear activation: the boundary bends and XOR is "
        "learned. The small squares show what each hidden unit responds to: first-layer units "
        "split the plane along a line, the second layer combines them."
    ),
    "step_relu": "ReLU on circles",
    "step_relu_text": (
        "ReLU is piecewise linear, so the boundary around the inner circle is made of straight "
        "pieces. Move the timeline to watch it form."
    ),
    "step_spiral": "Two spirals: a harder boundary",
    "step_spiral_text": (
        "Two spirals need a boundary that winds around: two ReLU layers of 16 units, 200 "
        "epochs. Move the timeline and watch the boundary follow the arms until the test "
        "points are separated."
    ),
    "step_vanishing": "Six sigmoid layers: vanishing gradient",
    "step_vanishing_text": (
        "Six sigmoid layers trained with SGD: the gradient shrinks on its way back through "
        "every layer (vanishing gradient). The training loss only sinks to ln 2 ≈ 0.69, the loss "
        "of a coin flip, and the test accuracy stays near chance."
    ),
    "step_batchnorm": "Batch normalization",
    "step_batchnorm_text": (
        "The same six sigmoid layers with batch normalization: every layer's inputs are "
        "re-centred and re-scaled, the gradient reaches the first layers, and the loss falls "
        "well below ln 2."
    ),
    "step_lr_high": "A learning rate that is too large",
    "step_lr_high_text": (
        "SGD with learning rate 10: every step overshoots, and the training loss ends higher "
        "than it started. Try smaller learning rates with the slider."
    ),
    "step_overfit": "Overfitting",
    "step_overfit_text": (
        "100 noisy spiral points, three ReLU layers of 32 units, 500 epochs: the training loss "
        "falls towards zero while the test loss reaches its lowest early and then climbs. The "
        "network memorises the noise."
    ),
    "step_l2": "L2 regularization",
    "step_l2_text": (
        "The same run with an L2 penalty of 0.01 on the weights: the training loss stays "
        "higher, and the test loss ends far lower than without the penalty."
    ),
    "step_dropout": "Dropout",
    "step_dropout_text": (
        "Instead of L2, dropout 0.3: every update trains a random part of the network. The "
        "test loss ends lower than without regularization."
    ),
}

KO = {
    "title": "학습 놀이터",
    "intro": (
        "2차원 점들로 작은 신경망을 학습시키며 배우는 과정을 지켜봅니다. 큰 그림은 "
        "**결정 경계**(decision boundary)입니다(색은 예측한 클래스, 옅을수록 확신이 적음). 작은 "
        "사각형들은 **은닉층**(hidden layer)의 **뉴런 하나하나**가 무엇에 반응하는지 층별로 보여 줍니다. "
        "앞쪽 층은 직선을 긋고, 뒤쪽 층은 그 직선들을 엮어 곡선을 만듭니다. 모든 설정이 URL에 "
        "들어 있어서, 링크를 복사해 열면 같은 초기 가중치로 같은 실험이 다시 열립니다."
    ),
    "data": "데이터",
    "dataset": "데이터셋",
    "dataset_option": "{name} ({c}클래스)",
    "ds_xor": "XOR",
    "ds_circles": "동심원",
    "ds_moons": "두 개의 반달",
    "ds_spirals": "두 개의 나선",
    "ds_gaussians": "두 개의 가우시안",
    "ds_linear": "선형 분리 가능",
    "ds_spirals3": "세 개의 나선",
    "ds_blobs4": "네 개의 덩어리",
    "upload_option": "업로드한 CSV: {name}",
    "n_points": "점의 개수",
    "noise": "잡음 (흔들림의 σ)",
    "test_frac": "시험 데이터 비율",
    "seed": "시드 (데이터와 초기 가중치)",
    "upload": "직접 만든 데이터 (x1, x2, label 열이 있는 CSV)",
    "upload_help": (
        "클래스 {min_c}–{max_c}개, 최대 {rows}행, {mb} MB까지. 학습 전에 좌표를 표준화합니다"
        "(평균 0, 표준편차 1)."
    ),
    "upload_ok": "{name}에서 점 {n}개, 클래스 {c}개를 불러왔습니다.",
    "upload_bad": "{name} 파일을 쓸 수 없습니다: {error}. 아무것도 바뀌지 않았습니다.",
    "upload_missing": (
        "이 링크는 업로드한 데이터셋을 가리키는데, 업로드한 데이터는 URL에 담기지 않습니다. "
        "CSV 파일을 다시 업로드하세요. 그때까지는 XOR 데이터셋을 보여 줍니다."
    ),
    "features": "입력 특성 (input features)",
    "features_help": (
        "신경망이 보는 입력입니다. x₁²과 x₂²을 넣으면 은닉층이 없는 신경망도 원을 그릴 수 있습니다."
    ),
    "network": "신경망",
    "layers": "은닉층(hidden layer) 수",
    "width": "{l}층: 뉴런 수",
    "act": "활성화 함수 (activation function)",
    "act_layer": "{l}층: 활성화 함수",
    "same": "신경망 전체와 같게",
    "per_layer": "층별 설정: 뉴런 수와 활성화 함수",
    "act_linear": "선형 (항등 함수)",
    "act_sigmoid": "Sigmoid",
    "act_tanh": "Tanh",
    "act_relu": "ReLU",
    "act_leaky_relu": "Leaky ReLU (기울기 0.01)",
    "act_elu": "ELU (α = 1)",
    "act_softplus": "Softplus",
    "act_abs": "절댓값 |x|",
    "act_hard_tanh": "Hard tanh",
    "act_swish": "Swish / SiLU",
    "act_gelu": "GELU (tanh 근사)",
    "act_maxout": "Maxout (k = 2)",
    "init": "가중치 초기화 (weight initialization)",
    "init_scale": "초기화 크기 s",
    "init_zeros": "0으로 채우기 (Zeros)",
    "init_normal": "정규분포 N(0, s²)",
    "init_uniform": "균등분포 U(−s, s)",
    "init_lecun_normal": "LeCun 정규분포",
    "init_lecun_uniform": "LeCun 균등분포",
    "init_xavier_normal": "Xavier (Glorot) 정규분포",
    "init_xavier_uniform": "Xavier (Glorot) 균등분포",
    "init_he_normal": "He (Kaiming) 정규분포",
    "init_he_uniform": "He (Kaiming) 균등분포",
    "init_orthogonal": "직교 (Orthogonal)",
    "bn": "배치 정규화 (batch normalization)",
    "training": "학습",
    "opt": "옵티마이저",
    "lr": "학습률 (learning rate)",
    "bs": "배치 크기 (batch size)",
    "epochs": "에포크 (epoch) 수",
    "loss": "손실 함수 (loss)",
    "loss_softmax_ce": "교차 엔트로피 (softmax)",
    "loss_bce": "이진 교차 엔트로피 (sigmoid)",
    "loss_mse": "평균 제곱 오차 (MSE)",
    "hp_momentum": "모멘텀 ρ",
    "hp_decay": "g² 평균의 감쇠율 γ",
    "hp_rho": "평균의 감쇠율 ρ",
    "hp_beta1": "1차 모멘트 감쇠율 β₁",
    "hp_beta2": "2차 모멘트 감쇠율 β₂",
    "hp_eps": "엡실론 ε (수치 안정용)",
    "hp_weight_decay": "분리된 가중치 감쇠 λ",
    "hp_momentum_decay": "모멘텀 감쇠 ψ",
    "bce_multiclass": (
        "이진 교차 엔트로피는 클래스가 정확히 두 개일 때만 쓸 수 있습니다. 이 {c}클래스 데이터에는 "
        "softmax 교차 엔트로피를 씁니다."
    ),
    "l1": "L1 규제 (regularization) λ₁",
    "l2": "L2 규제 λ₂",
    "dropout": "드롭아웃 (dropout) 비율 p",
    "formulas": "이 설정들 뒤에 있는 수식",
    "f_loss": "**학습이 최소화하는 값** (가중치 행렬만 규제하고 편향은 규제하지 않음):",
    "f_data_ce": "미니배치 B개 점의 평균 교차 엔트로피,",
    "f_data_mse": "미니배치 B개 점의 평균 제곱 오차,",
    "f_bn": (
        "**배치 정규화** (활성화 함수 앞에서 뉴런마다, μ_B와 σ²_B는 "
        "미니배치에서 계산; 시험 때는 학습 중 쌓은 이동 평균을 씀):"
    ),
    "f_dropout": (
        "**드롭아웃** (역 드롭아웃, 학습 때만; 각 뉴런을 확률 1 − p로 남기고 크기를 "
        "보정하므로 시험 때는 아무것도 바뀌지 않음):"
    ),
    "f_opt": "**{opt} 갱신 규칙** (x: 가중치, g: 미니배치 손실 L의 기울기):",
    "warn_bn_batch": (
        "**배치 크기 {bs}에서의 배치 정규화.** 배치 정규화는 미니배치 평균 μ_B를 뺍니다. 점이 "
        "하나면 모든 뉴런에서 x − μ_B = 0이 되어 입력이 하나도 남지 않고, 둘이면 정규화된 값이 "
        "모두 약 ±1이 되어 둘 중 어느 쪽이 큰지만 남습니다. 기본 XOR 설정에서는 시험 정확도가 찍기 "
        "수준(약 50 %)에 머뭅니다. 이번 실행: {acc} (찍기 수준: {chance}). 배치 크기를 5 이상으로 "
        "하거나 배치 정규화를 끄세요."
    ),
    "warn_l1": (
        "**L1 규제 λ₁ = {l1}.** L1은 모든 가중치의 기울기에 λ₁·sign(W)를 더합니다. 가중치 크기와 "
        "상관없이 같은 세기로 0을 향해 끌어당기는 힘입니다. 기본 XOR 설정에서는 0.01부터 이 힘이 "
        "데이터 항을 이겨서, 가중치가 거의 0으로 줄고 시험 정확도가 찍기 수준(약 50 %)에 "
        "머뭅니다. 이번 실행: {acc} (찍기 수준: {chance}). 0.001 이하로 해 보세요."
    ),
    "capped": (
        "이 신경망으로 {asked} 에포크를 학습하면 서버에서 오래 걸립니다. 이번 회차에는 {epochs} "
        "에포크(약 {s:.0f}초)만 학습합니다. **더 학습**을 누르면 거기서 이어서 학습합니다."
    ),
    "training_spinner": "학습 중…",
    "training_progress": "학습 중: {total} 에폭 중 {epoch} 에폭",
    "live_title": "지금까지의 결정 경계 (에폭 {epoch})",
    "train_more": "더 학습",
    "train_more_help": "지금 가중치에서 이어서 한 회차 더 학습합니다.",
    "reset": "처음으로",
    "reset_help": "초기 가중치로 돌아갑니다 (같은 시드는 같은 가중치를 줍니다).",
    "status": "{rounds}회차에 걸쳐 {epochs} 에포크 학습했습니다. 지금 {shown} 에포크를 보여 줍니다.",
    "status_start": (
        "초기 가중치(0 에포크)를 보여 주고 있습니다. 타임라인에 학습한 {epochs} 에포크가 있으니 "
        "옮겨 가며 보세요."
    ),
    "status_diverged": "정상적인 {epochs} 에포크 뒤에 멈췄습니다: 학습이 발산했습니다.",
    "metric_epoch": "보여 주는 에포크",
    "metric_train_loss": "훈련 손실 (loss)",
    "metric_test_loss": "시험 손실",
    "metric_test_acc": "시험 정확도",
    "timeline": "타임라인: 보여 줄 에포크",
    "timeline_help": "되감고 다시 보기: 아래 모든 그림이 이 에포크의 신경망을 보여 줍니다.",
    "replay": "다시 보기",
    "replay_help": (
        "학습 중 저장한 스냅숏으로 결정 경계를 애니메이션으로 보여 줍니다. 타임라인의 에포크에서 "
        "시작합니다 (차트 안에서 재생)."
    ),
    "discretize": "경계만 보기",
    "discretize_help": "확신의 정도 없이 이긴 클래스만 보여 줍니다.",
    "show_test": "시험 점",
    "show_test_help": "시험 점(색 테두리가 있는 흰 점)을 결정 경계 위에 그립니다.",
    "boundary": "{epoch} 에포크의 결정 경계",
    "thumbs": "뉴런 하나하나가 계산하는 것 ({epoch} 에포크)",
    "thumbs_caption": (
        "사각형 하나가 뉴런 하나의 출력을 결정 경계와 같은 평면 위에 그린 것입니다. 파랑 = 양수, "
        "주황 = 음수, 흰색 = 0 (사각형마다 자기 최댓값으로 크기를 맞춤). 계속 흰색인 사각형은 "
        "죽은 뉴런입니다."
    ),
    "thumb_layer": "보여 줄 층",
    "thumb_all": "모든 층",
    "inputs": "입력",
    "layer_title": "{l}층<br>{act}",
    "no_hidden": "은닉층이 없습니다: 이 신경망은 입력의 선형(로지스틱) 모델입니다.",
    "curves": "에포크별 손실과 정확도",
    "view_tab": "보여 줄 표",
    "confusion": "시험 세트의 혼동 행렬 ({epoch} 에포크)",
    "confusion_tab": "혼동 행렬",
    "weights_tab": "층별 가중치",
    "weights": "층별 가중치 ({epoch} 에포크)",
    "diverged": (
        "**{epoch} 에포크에서 학습이 발산했습니다.** 손실이나 가중치가 한없이 커져(무한대로 "
        "넘침) 갱신이 더는 의미가 없습니다. 그림은 마지막으로 정상이던 에포크({last})를 보여 줍니다. "
        "대개 보폭이 너무 큰 것이 원인입니다: **학습률을 낮추세요** ({lr_hint} 정도){bn_hint}"
        "{init_hint}."
    ),
    "bn_hint": ", **배치 정규화를 켜세요**",
    "init_hint": ", 또는 **초기화를 바꾸세요** ({init} 대신 He나 Xavier)",
    "grid_bad": "격자 값 {n}개가 유한하지 않아 0으로 그렸습니다.",
    "axis_std": "{x} (표준화)",
    "history": "실행 기록 (이 세션)",
    "history_caption": "이 세션에서 학습한 모든 실행입니다. 두 개를 골라 비교하세요.",
    "col_dataset": "데이터셋",
    "col_network": "신경망",
    "col_optimizer": "옵티마이저",
    "col_lr": "학습률",
    "col_batch": "배치",
    "col_epochs": "에포크",
    "col_seed": "시드",
    "col_start": "시작점",
    "col_train_loss": "훈련 손실",
    "col_test_loss": "시험 손실",
    "col_test_acc": "시험 정확도",
    "col_diverged": "발산 에포크",
    "linear_net": "선형",
    "compare_a": "실행 A",
    "compare_b": "실행 B",
    "compare": "두 실행 비교",
    "compare_need": "비교하려면 서로 다른 실행을 두 개 이상 학습하세요 (설정을 하나 바꾸면 됩니다).",
    "cmp_title": "실행 #{rid}, {epoch} 에포크",
    "start_seed": "시드",
    "start_imported": "파일 {name}",
    "files": "내보내기와 가져오기",
    "dl_data": "데이터 (CSV)",
    "dl_history": "학습 기록 (CSV)",
    "dl_weights": "보여 주는 에포크의 가중치 (JSON)",
    "dl_grid": "결정 경계 격자 (CSV)",
    "dl_confusion": "혼동 행렬 (CSV)",
    "dl_hist": "가중치 히스토그램 (CSV)",
    "dl_runs": "실행 기록 (CSV)",
    "import": "가중치 가져오기 (여기서 내보낸 JSON)",
    "import_help": (
        "파일이 지금 신경망(입력 특성, 층, 배치 정규화)과 맞아야 합니다. 가져온 가중치가 학습의 "
        "시작점이 됩니다."
    ),
    "import_ok": "{name}에서 가져온 가중치를 시작점(0 에포크)으로 씁니다.",
    "import_bad": "{name} 파일을 쓸 수 없습니다: {error}. 아무것도 바뀌지 않았습니다.",
    "import_stale": (
        "{name}에서 가져온 가중치가 설정이 바뀐 지금 신경망과 맞지 않아, 시드의 초기 가중치를 "
        "씁니다. 신경망을 다시 {want}(으)로 맞추면 가져온 가중치를 다시 씁니다."
    ),
    "forget_import": "가져온 가중치 지우기",
    "fig_class": "클래스 {k}",
    "fig_train": "훈련",
    "fig_test": "시험",
    "fig_loss": "손실",
    "fig_accuracy": "정확도",
    "fig_Loss": "손실",
    "fig_Accuracy": "정확도",
    "fig_epoch": "에포크",
    "fig_at_epoch": "에포크",
    "fig_diverged": "발산",
    "fig_predicted": "예측",
    "fig_true": "실제",
    "fig_play": "▶ 재생",
    "fig_pause": "❚❚ 멈춤",
    "fig_weights": "개",
    "err_csv_too_big": "파일 크기가 {mb} MB입니다. 최대 {max_mb} MB까지 됩니다",
    "err_csv_empty": "파일이 비어 있습니다",
    "err_csv_unreadable": "파일을 CSV로 읽을 수 없습니다 ({detail})",
    "err_csv_missing_columns": (
        "{missing} 열이 없습니다. 첫 줄에 열 이름 x1, x2, label이 있어야 합니다 (찾은 열: {found})"
    ),
    "err_csv_too_many_rows": "파일이 {max}행보다 깁니다. 최대 {max}행까지 됩니다",
    "err_csv_not_numeric": "{column} 열이 숫자가 아닙니다: 데이터 {row}행의 {value}",
    "err_points_shape": "행마다 좌표 두 개와 레이블 하나가 있어야 합니다",
    "err_points_no_rows": "파일에 데이터 행이 없습니다",
    "err_points_too_many_rows": "파일이 {n}행입니다. 최대 {max}행까지 됩니다",
    "err_points_not_finite": (
        "{column} 열에 비어 있거나 NaN, 무한대인 값이 {count}개 있습니다 (처음은 데이터 {row}행)"
    ),
    "err_labels_not_whole": "레이블은 정수여야 합니다 (0, 1, 2 같은 클래스 번호)",
    "err_one_class": "모든 행의 레이블이 같습니다({label}). 분류기에는 클래스가 두 개 이상 필요합니다",
    "err_too_many_classes": "클래스가 {n}개입니다. 최대 {max}개까지 됩니다",
    "err_json_invalid": "올바른 JSON 파일이 아닙니다 ({detail})",
    "err_json_not_weights": '가중치 파일이 아닙니다: "params" 객체가 든 JSON 객체여야 합니다',
    "err_json_unknown_format": "알 수 없는 형식 {found}입니다. {expected} 형식이어야 합니다",
    "err_json_mismatch": (
        "가중치가 이 신경망과 맞지 않습니다 ({detail}){arch}. 저장한 실행과 같은 층, 입력 특성, "
        "배치 정규화 설정으로 맞추세요"
    ),
    "mismatch_missing": "{keys} 없음",
    "mismatch_extra": "{keys}는 필요 없음",
    "mismatch_arch": ": 파일은 {have} 신경망, 지금 신경망은 {want}입니다",
    "err_json_not_numbers": "{name}는 숫자로 된 (중첩) 리스트여야 합니다",
    "err_json_wrong_shape": "{name}의 모양이 {have}인데 이 신경망에는 {want}이 필요합니다",
    "err_json_not_finite": "{name}에 NaN이나 무한대 값이 있습니다",
    "err_json_bn_not_object": '"bn_state"는 객체여야 합니다',
    "err_json_negative_var": "{name}는 음수일 수 없습니다",
    # 강의 단계 (강의 모드)
    "step_linear": "은닉층 없음: 직선 하나",
    "step_linear_text": (
        "은닉층이 없으면 신경망은 퍼셉트론과 같은 선형 분류기이고, 결정 경계는 직선 하나입니다. "
        "XOR 점 가운데 반대편에 남는 점들과 테스트 정확도를 확인해 보세요."
    ),
    "step_features": "특징 변환: x₁·x₂ 추가",
    "step_features_text": (
        "은닉층은 여전히 없지만 곱 x₁·x₂를 입력으로 더했습니다. 같은 선형 분류기가 이제 XOR을 "
        "가릅니다. 특징을 잘 변환하면 데이터가 선형으로 분리됩니다."
    ),
    "step_stacked_linear": "비선형 활성화 함수가 없는 층",
    "step_stacked_linear_text": (
        "8개 유닛의 은닉층 두 개에 선형(linear) 활성화 함수를 썼습니다. 선형 층은 여러 개 쌓아도 "
        "하나의 선형 변환이라 결정 경계는 직선 그대로이고 XOR을 배우지 못합니다."
    ),
    "step_hidden": "tanh 은닉층",
    "step_hidden_text": (
        "같은 두 층에 비선형 활성화 함수 tanh를 쓰면 결정 경계가 휘어지고 XOR을 배웁니다. 작은 "
        "그림은 은닉 유닛마다 무엇에 반응하는지 보여 줍니다. 첫 층의 유닛은 평면을 직선으로 "
        "나누고, 둘째 층이 이를 조합합니다."
    ),
    "step_relu": "원 데이터와 ReLU",
    "step_relu_text": (
        "ReLU는 조각별 선형 함수라서 안쪽 원을 둘러싼 결정 경계도 직선 조각으로 이루어집니다. "
        "타임라인을 움직여 경계가 만들어지는 과정을 보세요."
    ),
    "step_spiral": "두 나선: 더 어려운 경계",
    "step_spiral_text": (
        "두 나선을 가르려면 감겨 도는 경계가 필요합니다. 16개 유닛의 ReLU 층 두 개로 200 에폭 "
        "학습합니다. 타임라인을 움직이며 경계가 나선의 팔을 따라가 테스트 점까지 가르는 과정을 "
        "보세요."
    ),
    "step_vanishing": "시그모이드 여섯 층: 기울기 소실",
    "step_vanishing_text": (
        "시그모이드 층 여섯 개를 SGD로 학습합니다. 역전파되는 기울기가 층을 거칠 때마다 줄어듭니다"
        "(기울기 소실, vanishing gradient). 학습 손실은 동전 던지기의 손실인 ln 2 ≈ 0.69까지만 "
        "내려가고 테스트 정확도는 우연 수준에 머뭅니다."
    ),
    "step_batchnorm": "배치 정규화",
    "step_batchnorm_text": (
        "같은 시그모이드 여섯 층에 배치 정규화(batch normalization)를 더했습니다. 층마다 입력의 "
        "평균과 크기를 맞추니 기울기가 앞쪽 층까지 전달되고, 손실이 ln 2보다 한참 아래로 "
        "내려갑니다."
    ),
    "step_lr_high": "너무 큰 학습률",
    "step_lr_high_text": (
        "학습률 10의 SGD: 한 걸음마다 최솟값을 지나쳐 학습 손실이 처음보다 커진 채로 끝납니다. "
        "슬라이더로 학습률을 줄여 보세요."
    ),
    "step_overfit": "과적합",
    "step_overfit_text": (
        "잡음이 많은 나선 점 100개에 32개 유닛의 ReLU 층 세 개를 500 에폭 학습합니다. 학습 손실은 "
        "0 가까이 떨어지지만 테스트 손실은 일찍 가장 낮아진 뒤 다시 올라갑니다. 신경망이 잡음까지 "
        "외워 버린 과적합(overfitting)입니다."
    ),
    "step_l2": "L2 규제",
    "step_l2_text": (
        "같은 학습에 가중치 L2 규제(regularization) 0.01을 더했습니다. 학습 손실은 더 높게 "
        "머물고, 테스트 손실은 규제가 없을 때보다 훨씬 낮게 끝납니다."
    ),
    "step_dropout": "드롭아웃",
    "step_dropout_text": (
        "L2 대신 드롭아웃(dropout) 0.3: 갱신할 때마다 신경망의 일부를 무작위로 끄고 학습합니다. "
        "테스트 손실이 규제가 없을 때보다 낮게 끝납니다."
    ),
}

T = Strings("playground", en=EN, ko=KO)

FIG_KEYS = ("class", "train", "test", "loss", "accuracy", "Loss", "Accuracy", "epoch",
            "at_epoch", "diverged", "predicted", "true", "play", "pause", "weights")


def fig_labels(lang: str | None = None) -> dict[str, str]:
    """The words viz.playground_figs builders take (``labels=``), in the current language."""
    return {k: T(f"fig_{k}", lang) for k in FIG_KEYS}
