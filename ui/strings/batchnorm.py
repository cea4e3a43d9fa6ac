"""Text of the batch normalization page (labs/batchnorm.py), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "batchnorm",
    en={
        "title": "Batch normalization",
        "intro": (
            "The same deep network starts from the same weights twice: once plain, once with "
            "batch normalization (BN) between every affine layer and its activation. Compare "
            "the training curves, watch a layer's inputs being re-centred and re-scaled at every "
            "epoch, and check the notes' claim that batch norm trains over a much wider range "
            "of learning rates and initial weight scales, in the grid at the bottom."
        ),
        # lecture steps (ui.lecture): where to look; tests/app/test_claims_batchnorm.py
        # checks the contrast each of the saturation/bad_init/high_lr steps points to
        "step.saturation": "tanh saturates from a large init",
        "step_text.saturation": (
            "Weights with s = 2 push tanh's inputs far out, where tanh′ ≈ 0. Look at the plain "
            "net's histogram of u, then at the two training curves."
        ),
        "step.formula": "“Just make them unit Gaussian”",
        "step_text.formula": (
            "Batch norm subtracts the minibatch mean and divides by its standard deviation, "
            "before the activation. Compare the “before” and “after” histograms, then follow "
            "one unit through μ, σ² and x̂ in the table."
        ),
        "step.gamma_beta": "γ and β: the layer may undo it",
        "step_text.gamma_beta": (
            "Mean 0 and variance 1 are not always what the next layer needs, so γ and β are "
            "learned like the weights. Move the epoch slider and watch them leave 1 and 0."
        ),
        "step.eval_mode": "Test time: the running averages",
        "step_text.eval_mode": (
            "At test time there is no minibatch: the layer uses the averages it kept while "
            "training. Compare them with the whole data set's statistics, and one sample's "
            "answer in two different batches."
        ),
        "step.small_batch": "Batches of 1 and 2",
        "step_text.small_batch": (
            "A minibatch of one sample has σ² = 0 and x̂ = 0. Read the small-batch tables: what "
            "is left for the gradient, and for the running variance?"
        ),
        "step.bad_init": "Less dependent on the init",
        "step_text.bad_init": (
            "Weights with s = 0.01: each layer shrinks its input. Compare the two training "
            "curves: which net ever leaves 50 % (guessing)?"
        ),
        "step.high_lr": "A higher learning rate",
        "step_text.high_lr": (
            "Learning rate 1, ten times the default. Which of the two nets ends up trained, and "
            "how does the other one's curve move?"
        ),
        "step.grid": "A much larger range of hyperparameters",
        "step_text.grid": (
            "The notes' claim, cell by cell: 49 pairs of nets over learning rate × weight scale. "
            "Compare the dark (low-loss) area of the two panels, and check whether batch norm "
            "loses anywhere."
        ),
        # sidebar
        "net": "Network",
        "train": "Training (plain SGD)",
        "dataset": "Data set (200 points)",
        "ds_moons": "Two moons",
        "ds_circles": "Circles",
        "ds_xor": "XOR",
        "ds_spirals": "Two spirals",
        "activation": "Activation g",
        "depth": "Depth (hidden layers)",
        "width": "Width (units per hidden layer)",
        "scale": "Initial weight scale s: W ~ N(0, s²)",
        "lr": "Learning rate",
        "epochs": "Epochs",
        "batch": "Batch size",
        "seed": "Seed",
        "training": "Training both networks…",
        "seed_help": "Seeds the data, the initial weights (shared by both nets) and the shuffles.",
        # where BN sits
        "where_h": "Where batch norm sits and what it computes",
        "where": (
            "Every hidden layer: **Affine** u = a·W + b → **Batch Norm** → **{act}** → … → "
            "**Affine** → **Softmax**. As in the lecture notes, batch norm goes before the "
            "activation. For each unit, over the B samples of a minibatch:"
        ),
        "where_after": (
            "γ and β are learned by backpropagation like the weights (start: γ = 1, β = 0), so "
            "the layer can undo the normalization where the data need another mean and spread. "
            "The plain network has the same W and b, without γ and β."
        ),
        # curves
        "curves_h": "Training curves: same start, with and without batch norm",
        "plain": "without BN",
        "with_bn": "with BN",
        "curves_loss": "training loss",
        "curves_acc": "training accuracy",
        "epoch_axis": "epoch",
        "curves_note": (
            "Loss and accuracy on the whole training set after each epoch, in eval mode (for "
            "batch norm: with the running statistics)."
        ),
        "curves_claim": (
            "After {epochs} epochs the training accuracy is **{acc_bn}** with batch norm and "
            "**{acc_plain}** without. 90 % accuracy is first reached in epoch {e_bn} with "
            "batch norm and {e_plain} without."
        ),
        "never": "never",
        "acc_diverged": "none (diverged in epoch {epoch})",
        "diverged": (
            "{net}: training diverged in epoch {epoch} (the loss or a weight became too large "
            "to compute): the charts stop at the last good step. Lower the learning rate."
        ),
        "dl_curves": "Download training curves (CSV)",
        "dist_stale": (
            "{net} diverged before the end of epoch {epoch}: its numbers below are those of "
            "step {step}, the last good one."
        ),
        # distributions
        "dist_h": "A layer's pre-activations before and after normalization",
        "layer": "Layer to inspect",
        "epoch_view": "After epoch",
        "epoch_help": "Only changes the view: the network is not retrained.",
        "dist_plain": "without BN: u = a·W + b",
        "dist_before": "with BN, before: u = a·W + b",
        "dist_after": "with BN, after: z = γ·x̂ + β",
        "dist_x": "value",
        "dist_y": "share of values",
        "dist_note": (
            "All {n} training points as one batch through layer {layer} after epoch {epoch} "
            "(all units together). Shared x-range per panel over all epochs; values beyond it "
            "are counted in the end bins."
        ),
        "dist_claim": (
            "After epoch {epoch}, layer {layer}'s u has mean {m_before} and standard deviation "
            "{s_before} before normalization and mean {m_after}, standard deviation {s_after} "
            "after it (the plain net's u: mean {m_plain}, std {s_plain})."
        ),
        "gb_title": "γ and β of layer {layer} (one of each per unit), at the chosen epoch",
        "gb_unit": "unit",
        "gb_value": "value",
        "gb_claim": (
            "γ ranges from {g_lo} to {g_hi} and β from {b_lo} to {b_hi}: from the start at "
            "mean 0, variance 1 (γ = 1, β = 0), γ has moved by at most {g_move} and β by at "
            "most {b_move}."
        ),
        "gb_claim_start": "Before training every γ is 1 and every β is 0.",
        "dl_dist": "Download histograms and γ, β (CSV)",
        # one unit
        "unit_h": "One unit in numbers",
        "unit": "Unit",
        "unit_note": (
            "Layer {layer}, unit {unit}, the minibatch of B = {b} samples that comes after epoch "
            "{epoch}: μ = **{mu}**, σ² = **{var}**, γ = **{gamma}**, β = **{beta}**. First "
            "{shown} samples:"
        ),
        "unit_check": (
            "The last column is what the network computes (largest difference {d}: float "
            "rounding)."
        ),
        "col_sample": "sample",
        "dl_unit": "Download the unit's minibatch (CSV)",
        # train vs eval
        "mode_h": "Train mode vs eval mode",
        "mode_intro": (
            "While training, batch norm uses the minibatch's μ and σ²; it also keeps running "
            "averages, μ ← 0.9·μ + 0.1·μ_B, σ² ← 0.9·σ² + 0.1·σ²_B, and uses those at test "
            "time (eval mode), when there is no batch to average over."
        ),
        "run_title": "Running statistics of layer {layer}, unit {unit} vs the whole data set's",
        "run_mean": "running mean",
        "run_var": "running variance",
        "data_mean": "mean of u over all data",
        "data_var": "variance of u over all data",
        "step_axis": "training step (minibatch)",
        "run_claim": (
            "After the last step the running mean differs from the whole data set's mean by "
            "{dm} ({dm_pct} of the unit's standard deviation) and the running variance from "
            "its variance by {dv_pct}; over the layer's {units} units the median gaps are "
            "{med_m} (mean) and {med_v} (variance). The averages remember batches seen with earlier weights, and "
            "each minibatch's own statistics are noisy, so one unit's gap varies from step to "
            "step."
        ),
        "dl_run": "Download running statistics (CSV)",
        "indep_h": "One sample in two different batches",
        "indep_note": (
            "Sample #{sample} is put into two batches of {b} with otherwise different samples. "
            "Probability of class 1 for that sample:"
        ),
        "col_batch": "batch",
        "col_train": "train mode (batch statistics)",
        "col_eval": "eval mode (running statistics)",
        "batch_a": "A",
        "batch_b": "B",
        "indep_claim": (
            "In eval mode the answer is the same in both batches (difference {d_eval}); in "
            "train mode it changes by {d_train}, because μ_B and σ²_B depend on the other "
            "samples."
        ),
        "small_h": "Why batch sizes 1 and 2 break batch norm",
        "small_note": (
            "Layer {layer}, unit {unit} before training, on batches of the first 1, 2 and 8 "
            "samples (train mode):"
        ),
        "col_bs": "batch size",
        "col_u": "u",
        "col_mu": "μ",
        "col_var": "σ²",
        "col_xhat": "x̂",
        "small_claim": (
            "With one sample, u − μ = 0 and σ² = 0, so x̂ = 0 for every input: the layer "
            "outputs β whatever it is given, and no gradient reaches W. With two, x̂ = ±{pm}: "
            "only which of the two is larger survives."
        ),
        "small_train": "Training the batch-norm net for {epochs} epochs with each batch size:",
        "col_acc": "accuracy (eval mode)",
        "col_minvar": "smallest running σ²",
        "col_w1": "largest change of W₁",
        "small_train_claim": (
            "With batch size 1 the first layer's weights never move (largest change {w1}) and "
            "the running variances decay towards 0 ({minvar}), so eval mode divides by "
            "√(σ² + ε) ≈ √ε: accuracy {acc1}, where guessing one class gives 50 %. With batch "
            "size {big}: {acc_big_bs} with the whole data set's statistics, {acc_big} in eval "
            "mode after these {epochs} epochs."
        ),
        "col_acc_bs": "accuracy (whole data as one batch)",
        "small_diverged": "diverged in epoch {epoch}",
        # grid
        "grid_h": "Robustness: learning rate × initial weight scale",
        "grid_size": "Grid",
        "grid_small": "5 × 5 (fast)",
        "grid_large": "7 × 7 (about twice as slow)",
        "grid_intro": (
            "The lecture notes: *“A much larger range of hyperparameters works similarly when "
            "using BN.”* Measured here: each cell trains both nets for {epochs} epochs from the "
            "same initial weights (this page's data, depth, width, activation, batch size and "
            "seed) and shows the final training loss, measured as the trained network is used: "
            "in eval mode, with the running statistics."
        ),
        "grid_progress": "Training {cells} networks: learning rate {i} of {n}…",
        "grid_plain": "without batch norm",
        "grid_bn": "with batch norm",
        "grid_x": "learning rate",
        "grid_y": "initial weight scale s",
        "grid_color": "final loss",
        "grid_div": "diverged",
        "grid_hover": "lr {lr} · s {s}<br>loss {loss} · accuracy {acc}<br>90 % at epoch {e90}",
        "grid_hover_div": "lr {lr} · s {s}<br>diverged in epoch {epoch}",
        "grid_pending": "still training…",
        "grid_claim": (
            "90 % training accuracy within {epochs} epochs: **{n_bn} of {cells}** settings with "
            "batch norm, **{n_plain} of {cells}** without. Diverged: {d_bn} with, {d_plain} "
            "without."
        ),
        "grid_supports": "On this grid the numbers agree with the notes.",
        "grid_refutes": (
            "On this grid the numbers do not support the notes' claim: batch norm does not "
            "train in more settings here. (The claim comes from deep image-classification "
            "networks trained for many epochs, e.g. Ioffe & Szegedy 2015; this grid is a small "
            "2-D task after a few epochs.)"
        ),
        "grid_exceptions": "Exceptions, trained without batch norm but not with it: {cells}.",
        "grid_exception": "lr {lr}, s {s} (accuracy {acc_plain} without, {acc_bn} with)",
        "grid_no_exceptions": "No setting trains without batch norm and fails with it.",
        "grid_color_note": (
            "Colour: final loss, capped at {cap} (the hover shows the exact value); grey cells "
            "with × diverged."
        ),
        "dl_grid": "Download the grid (CSV)",
    },
    ko={
        "title": "배치 정규화",
        "intro": (
            "같은 깊은 신경망을 같은 가중치에서 두 번 출발시킵니다. 한 번은 그대로, 한 번은 모든 "
            "아핀 층과 활성화 함수(activation function) 사이에 배치 정규화(batch normalization, "
            "BN)를 넣어 학습합니다. 두 학습 곡선을 비교하고, 한 층의 입력이 에포크마다 다시 중심을 잡고 크기가 맞춰지는 모습을 "
            "보세요. 맨 아래 격자에서는 배치 정규화를 쓰면 훨씬 넓은 범위의 학습률과 초기 가중치 "
            "크기에서 학습이 된다는 강의 노트의 주장을 직접 확인합니다."
        ),
        # 강의 단계: 어디를 볼지 (saturation/bad_init/high_lr가 가리키는 차이는 claims 테스트가 확인)
        "step.saturation": "큰 초기값에서 포화되는 tanh",
        "step_text.saturation": (
            "s = 2인 가중치는 tanh의 입력을 멀리 밀어내고, 그곳에서 tanh′ ≈ 0입니다. 배치 정규화 "
            "없는 신경망의 u 히스토그램을 본 뒤 두 학습 곡선을 비교하세요."
        ),
        "step.formula": "“단위 가우시안으로 만들어 버리자”",
        "step_text.formula": (
            "배치 정규화는 활성화 함수 앞에서 미니배치 평균을 빼고 표준편차로 나눕니다. “전”과 "
            "“후” 히스토그램을 비교하고, 표에서 유닛 하나를 μ, σ², x̂ 순서로 따라가 보세요."
        ),
        "step.gamma_beta": "γ와 β: 정규화를 되돌릴 수도 있다",
        "step_text.gamma_beta": (
            "평균 0, 분산 1이 다음 층에 늘 맞는 것은 아니므로 γ와 β를 가중치처럼 학습합니다. "
            "에포크 슬라이더를 움직이며 이 값들이 1과 0에서 벗어나는 모습을 보세요."
        ),
        "step.eval_mode": "테스트 때: 이동 평균",
        "step_text.eval_mode": (
            "테스트 때는 미니배치가 없으니 학습하면서 저장해 둔 평균을 씁니다. 이 값을 전체 "
            "데이터의 통계와 비교하고, 한 샘플이 서로 다른 두 배치에서 받는 답을 비교하세요."
        ),
        "step.small_batch": "배치 크기 1과 2",
        "step_text.small_batch": (
            "샘플 하나짜리 미니배치는 σ² = 0, x̂ = 0입니다. 작은 배치 표를 읽어 보세요: 기울기와 "
            "이동 분산에는 무엇이 남나요?"
        ),
        "step.bad_init": "초기화에 덜 민감해진다",
        "step_text.bad_init": (
            "s = 0.01인 가중치: 층마다 입력이 줄어듭니다. 두 학습 곡선을 비교하세요: 어느 "
            "신경망이 50 %(찍기)를 벗어나나요?"
        ),
        "step.high_lr": "더 큰 학습률",
        "step_text.high_lr": (
            "기본값의 열 배인 학습률 1. 두 신경망 중 어느 쪽이 끝내 학습되고, 다른 쪽의 곡선은 "
            "어떻게 움직이나요?"
        ),
        "step.grid": "훨씬 넓은 범위의 하이퍼파라미터",
        "step_text.grid": (
            "강의 노트의 주장을 칸마다 확인합니다: 학습률 × 가중치 크기의 49쌍. 두 패널의 "
            "어두운(손실이 낮은) 영역을 비교하고, 배치 정규화가 지는 칸이 있는지 확인하세요."
        ),
        "net": "신경망",
        "train": "학습 (기본 SGD)",
        "dataset": "데이터 (200개 점)",
        "ds_moons": "두 개의 반달",
        "ds_circles": "동심원",
        "ds_xor": "XOR",
        "ds_spirals": "두 개의 나선",
        "activation": "활성화 함수 g",
        "depth": "깊이: 은닉층(hidden layer) 수",
        "width": "너비 (은닉층당 유닛 수)",
        "scale": "초기 가중치 크기 s: W ~ N(0, s²)",
        "lr": "학습률(learning rate)",
        "epochs": "에포크 수",
        "batch": "배치 크기",
        "seed": "시드",
        "training": "두 신경망을 학습하는 중…",
        "seed_help": "데이터, 두 신경망이 공유하는 초기 가중치, 섞는 순서를 정합니다.",
        "where_h": "배치 정규화의 위치와 계산",
        "where": (
            "각 은닉층: **Affine** u = a·W + b → **Batch Norm** → **{act}** → … → "
            "**Affine** → **Softmax**. 강의 노트처럼 배치 정규화는 활성화 함수 앞에 둡니다. "
            "유닛마다 미니배치의 B개 샘플에 대해:"
        ),
        "where_after": (
            "γ와 β는 가중치처럼 역전파(backpropagation)로 학습됩니다 (처음 γ = 1, β = 0). 그래서 "
            "데이터에 다른 평균과 퍼짐이 필요하면 층이 정규화를 되돌릴 수 있습니다. 배치 정규화가 "
            "없는 신경망은 같은 W와 b를 갖고 γ, β만 없습니다."
        ),
        "curves_h": "학습 곡선: 같은 출발, 배치 정규화 있음과 없음",
        "plain": "BN 없음",
        "with_bn": "BN 있음",
        "curves_loss": "훈련 손실",
        "curves_acc": "훈련 정확도",
        "epoch_axis": "에포크",
        "curves_note": (
            "에포크마다 훈련 데이터 전체에 대한 손실(loss)과 정확도입니다. 평가 모드로 계산했습니다 "
            "(배치 정규화는 이동 평균 통계를 씁니다)."
        ),
        "curves_claim": (
            "{epochs} 에포크 뒤 훈련 정확도: 배치 정규화가 있으면 **{acc_bn}**, 없으면 "
            "**{acc_plain}**. 정확도 90 %에 처음 도달한 에포크: 배치 정규화가 있을 때 {e_bn}, 없을 때 "
            "{e_plain}."
        ),
        "never": "도달 못 함",
        "acc_diverged": "없음 ({epoch} 에포크에서 발산)",
        "diverged": (
            "{net}: {epoch} 에포크에서 학습이 발산했습니다 (손실이나 가중치가 계산할 수 없을 만큼 "
            "커졌습니다). 그래프는 마지막 정상 단계까지만 보여 줍니다. 학습률을 낮춰 보세요."
        ),
        "dl_curves": "학습 곡선 내려받기 (CSV)",
        "dist_stale": (
            "{net}: {epoch} 에포크가 끝나기 전에 발산했습니다. 아래 숫자는 마지막 정상 단계인 {step} "
            "단계의 값입니다."
        ),
        "dist_h": "정규화 전과 후, 한 층의 활성화 함수 입력 분포",
        "layer": "살펴볼 층",
        "epoch_view": "에포크 시점",
        "epoch_help": "보기만 바뀝니다. 신경망을 다시 학습하지 않습니다.",
        "dist_plain": "BN 없음: u = a·W + b",
        "dist_before": "BN 있음, 정규화 전: u = a·W + b",
        "dist_after": "BN 있음, 정규화 후: z = γ·x̂ + β",
        "dist_x": "값",
        "dist_y": "값의 비율",
        "dist_note": (
            "훈련 데이터 {n}개 전체를 한 배치로 {epoch} 에포크 뒤의 {layer}층에 통과시킨 값입니다 "
            "(모든 유닛을 함께). 패널마다 x 범위는 모든 에포크에서 같고, 범위를 벗어난 값은 양 끝 "
            "구간에 셉니다."
        ),
        "dist_claim": (
            "{epoch} 에포크 뒤 {layer}층의 u는 정규화 전 평균 {m_before}, 표준편차 {s_before}이고 "
            "정규화 후 평균 {m_after}, 표준편차 {s_after}입니다 (BN 없는 신경망의 u: 평균 "
            "{m_plain}, 표준편차 {s_plain})."
        ),
        "gb_title": "선택한 에포크에서 {layer}층의 γ와 β (유닛마다 하나씩)",
        "gb_unit": "유닛",
        "gb_value": "값",
        "gb_claim": (
            "γ는 {g_lo}에서 {g_hi}까지, β는 {b_lo}에서 {b_hi}까지 퍼져 있습니다. 평균 0, "
            "분산 1(γ = 1, β = 0)에서 γ는 최대 {g_move}, β는 최대 {b_move}만큼 움직였습니다."
        ),
        "gb_claim_start": "학습 전에는 모든 γ가 1, 모든 β가 0입니다.",
        "dl_dist": "히스토그램과 γ, β 내려받기 (CSV)",
        "unit_h": "유닛 하나를 숫자로",
        "unit": "유닛",
        "unit_note": (
            "{layer}층 {unit}번 유닛, {epoch} 에포크 다음에 오는 B = {b}개 샘플의 미니배치: "
            "μ = **{mu}**, σ² = **{var}**, γ = **{gamma}**, β = **{beta}**. 처음 {shown}개 샘플:"
        ),
        "unit_check": (
            "마지막 열은 신경망이 실제로 계산한 값입니다 (최대 차이 {d}: 부동소수점 반올림 "
            "오차)."
        ),
        "col_sample": "샘플",
        "dl_unit": "유닛의 미니배치 내려받기 (CSV)",
        "mode_h": "학습 모드와 평가 모드",
        "mode_intro": (
            "학습할 때 배치 정규화는 미니배치의 μ와 σ²를 씁니다. 동시에 이동 평균 "
            "μ ← 0.9·μ + 0.1·μ_B, σ² ← 0.9·σ² + 0.1·σ²_B를 기록해 두었다가, 평균 낼 배치가 없는 "
            "시험 때(평가 모드) 그 값을 씁니다."
        ),
        "run_title": "{layer}층 {unit}번 유닛의 이동 평균 통계와 전체 데이터의 통계",
        "run_mean": "이동 평균 μ",
        "run_var": "이동 평균 σ²",
        "data_mean": "전체 데이터에서 u의 평균",
        "data_var": "전체 데이터에서 u의 분산",
        "step_axis": "학습 단계 (미니배치)",
        "run_claim": (
            "마지막 단계에서 이동 평균 μ는 전체 데이터의 평균과 {dm} 다르고 (유닛 표준편차의 "
            "{dm_pct}), 이동 평균 σ²는 전체 데이터의 분산과 {dv_pct} 다릅니다. 이 층의 유닛 "
            "{units}개에 대한 차이의 중앙값은 평균 {med_m}, 분산 {med_v}입니다. 이동 평균은 예전 가중치로 "
            "본 배치를 기억하고 미니배치마다 통계에 잡음이 있으므로, 유닛 하나의 차이는 단계마다 "
            "달라집니다."
        ),
        "dl_run": "이동 평균 통계 내려받기 (CSV)",
        "indep_h": "같은 샘플, 다른 두 배치",
        "indep_note": (
            "{sample}번 샘플을 나머지가 서로 다른 {b}개짜리 배치 두 개에 넣었습니다. 그 샘플의 "
            "클래스 1 확률:"
        ),
        "col_batch": "배치",
        "col_train": "학습 모드 (배치 통계)",
        "col_eval": "평가 모드 (이동 평균 통계)",
        "batch_a": "A",
        "batch_b": "B",
        "indep_claim": (
            "평가 모드에서는 두 배치에서 답이 같습니다 (차이 {d_eval}). 학습 모드에서는 μ_B와 "
            "σ²_B가 다른 샘플에 따라 달라지므로 {d_train}만큼 바뀝니다."
        ),
        "small_h": "배치 크기 1과 2에서 배치 정규화가 망가지는 이유",
        "small_note": (
            "학습 전 {layer}층 {unit}번 유닛에 처음 1개, 2개, 8개 샘플로 만든 배치를 넣었습니다 "
            "(학습 모드):"
        ),
        "col_bs": "배치 크기",
        "col_u": "u",
        "col_mu": "μ",
        "col_var": "σ²",
        "col_xhat": "x̂",
        "small_claim": (
            "샘플이 하나면 u − μ = 0, σ² = 0이므로 어떤 입력이든 x̂ = 0입니다. 층은 무엇을 받든 "
            "β를 내보내고, W에는 기울기가 전혀 가지 않습니다. 둘이면 x̂ = ±{pm}: 둘 중 어느 쪽이 "
            "큰지만 남습니다."
        ),
        "small_train": "배치 정규화 신경망을 배치 크기별로 {epochs} 에포크 학습한 결과:",
        "col_acc": "정확도 (평가 모드)",
        "col_minvar": "가장 작은 이동 평균 σ²",
        "col_w1": "W₁의 최대 변화",
        "small_train_claim": (
            "배치 크기 1에서는 첫 층의 가중치가 전혀 움직이지 않고 (최대 변화 {w1}), 이동 평균 "
            "분산이 0으로 줄어듭니다 ({minvar}). 그래서 평가 모드는 √(σ² + ε) ≈ √ε로 나누게 되고 "
            "정확도는 {acc1}입니다. 한 클래스만 찍어도 50 %입니다. 배치 크기 {big}에서는 같은 "
            "{epochs} 에포크 뒤 전체 데이터 통계로 {acc_big_bs}, 평가 모드로 {acc_big}입니다."
        ),
        "col_acc_bs": "정확도 (전체 데이터를 한 배치로)",
        "small_diverged": "{epoch} 에포크에서 발산",
        "grid_h": "강건성: 학습률 × 초기 가중치 크기",
        "grid_size": "격자",
        "grid_small": "5 × 5 (빠름)",
        "grid_large": "7 × 7 (약 두 배 느림)",
        "grid_intro": (
            "강의 노트: *“A much larger range of hyperparameters works similarly when using "
            "BN.”* (배치 정규화를 쓰면 훨씬 넓은 범위의 하이퍼파라미터에서 비슷하게 학습된다.) "
            "여기서 직접 재 봅니다. 칸마다 두 신경망을 같은 초기 가중치에서 {epochs} 에포크 "
            "학습하고 (이 페이지의 데이터, 깊이, 너비, 활성화 함수, 배치 크기, 시드) 마지막 학습 "
            "손실을 보여 줍니다. 학습된 신경망을 실제로 쓰는 방식대로 평가 모드(이동 평균 통계)로 "
            "쟀습니다."
        ),
        "grid_progress": "신경망 {cells}개 학습 중: 학습률 {n}개 중 {i}번째…",
        "grid_plain": "배치 정규화 없음",
        "grid_bn": "배치 정규화 있음",
        "grid_x": "학습률",
        "grid_y": "초기 가중치 크기 s",
        "grid_color": "마지막 손실",
        "grid_div": "발산",
        "grid_hover": "학습률 {lr} · s {s}<br>손실 {loss} · 정확도 {acc}<br>90 % 도달 에포크 {e90}",
        "grid_hover_div": "학습률 {lr} · s {s}<br>{epoch} 에포크에서 발산",
        "grid_pending": "아직 학습 중…",
        "grid_claim": (
            "{epochs} 에포크 안에 훈련 정확도 90 % 도달: 배치 정규화가 있으면 **{cells}개 중 "
            "{n_bn}개**, 없으면 **{cells}개 중 {n_plain}개** 설정. 발산: 있을 때 {d_bn}개, 없을 때 "
            "{d_plain}개."
        ),
        "grid_supports": "이 격자에서는 숫자가 강의 노트와 일치합니다.",
        "grid_refutes": (
            "이 격자에서는 숫자가 강의 노트의 주장을 뒷받침하지 않습니다. 여기서는 배치 정규화가 "
            "더 많은 설정에서 학습되지 않습니다. (이 주장은 여러 에포크 동안 학습한 깊은 이미지 분류 "
            "신경망에서 나왔습니다. 예: Ioffe와 Szegedy 2015. 이 격자는 작은 2차원 문제를 몇 에포크만 "
            "학습한 결과입니다.)"
        ),
        "grid_exceptions": "예외, 배치 정규화 없이는 학습되지만 있으면 안 되는 설정: {cells}.",
        "grid_exception": "학습률 {lr}, s {s} (정확도: 없을 때 {acc_plain}, 있을 때 {acc_bn})",
        "grid_no_exceptions": "배치 정규화 없이는 학습되는데 있으면 실패하는 설정은 없습니다.",
        "grid_color_note": (
            "색: 마지막 손실, {cap}에서 잘랐습니다 (마우스를 올리면 정확한 값이 보입니다). × 표시된 "
            "회색 칸은 발산했습니다."
        ),
        "dl_grid": "격자 내려받기 (CSV)",
    },
)
