"""Text of the overfitting page (dropout, L1, L2, early stopping), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "regularization",
    en={
        "title": "Overfitting: dropout, L1 and L2",
        "intro": (
            "A wide network trained long on a few noisy points learns the noise: its training "
            "loss goes to 0 while the loss on new points from the same distribution climbs. "
            "Watch the shaded **gap** between the two curves, then see which remedy closes it "
            "and what it costs in training loss, and why L1 (with the proximal update) makes "
            "weights exactly 0 while L2 only makes them small."
        ),
        # sidebar
        "sb_setup": "The experiment (retrains)",
        "dataset": "Data set",
        "ds.moons": "Two moons", "ds.circles": "Circles", "ds.xor": "XOR",
        "n_train": "Training points",
        "n_train_help": "Few points make overfitting easy; 200 held-out points measure it.",
        "noise": "Noise (std of the jitter)",
        "width": "Width of both hidden layers",
        "epochs": "Epochs",
        "lr": "Learning rate (SGD)",
        "seed": "Seed",
        "sb_remedies": "Remedies (retrain their run)",
        "p": "Dropout probability p",
        "l2": "L2 strength λ",
        "l1": "L1 strength λ",
        "l1_mode": "L1 update",
        "mode.proximal": "proximal", "mode.subgradient": "subgradient",
        "l1_mode_help": (
            "Subgradient: add λ·sign(W) to the gradient. Proximal: a plain step, then "
            "W ← sign(W)·max(|W| − lr·λ, 0) (soft-thresholding), which sets weights exactly to 0."
        ),
        "setup_caption": (
            "Network 2 → {w} → {w} → 2 (ReLU, He init), plain SGD with learning rate {lr}, "
            "{batching}, {epochs} epochs, seed {seed}. Every run starts from the same weights "
            "and sees the points in the same order."
        ),
        "batch.full": "one full batch of all {n} points per step",
        "batch.mini": "minibatches of {size} ({count} per epoch)",
        "batch.mini_last": "minibatches of {size} ({count} per epoch, the last one {last} points)",
        "training": "Training {name}… ({i} of {n})",
        "diverged": (
            "{name} diverged at epoch {epoch} (the numbers no longer fit in a float); its curve "
            "stops there. Lower the learning rate."
        ),
        # lecture steps (ui.lecture): where to look; the numbers are in the page's sentences
        "step.overfit": "Overfitting on purpose",
        "step_text.overfit": (
            "A wide net, a few noisy points, many epochs. Move the epoch slider from 0 to the "
            "end and watch the two loss curves and the boundary bending around single points."
        ),
        "step.dropout": "Dropout",
        "step_text.dropout": (
            "Each step trains a different thinned network. Look at which units the masks drop, "
            "then at why the kept ones are scaled by 1/(1 − p) (section 3)."
        ),
        "step.l2": "L2: small weights",
        "step_text.l2": (
            "The L2 penalty pulls every weight towards 0. In section 4, compare the L2 histogram "
            "with the L1 ones: how many weights are exactly 0?"
        ),
        "step.l1": "L1: weights exactly 0",
        "step_text.l1": (
            "A stronger λ. The notes say L1 makes most weights 0 (sparse) and L2 only small: "
            "check it in the histograms and in the sweep below them."
        ),
        "step.geometry": "Why L1 lands on an axis",
        "step_text.geometry": (
            "The notes' two-weight picture (section 5): the loss contours touch the L1 diamond "
            "at a corner and the L2 circle anywhere. Where is each optimum?"
        ),
        "step.compare": "The remedies side by side",
        "step_text.compare": (
            "Section 2: the same run with dropout, L2, L1 and early stopping. Read the table: "
            "which remedy narrows the gap between training and held-out loss most?"
        ),
        # section 1
        "s1": "1 · Overfitting on purpose",
        "epoch": "Epoch shown",
        "epoch_help": "View only: moves through saved weights, nothing is retrained.",
        "loss_title": "Loss (cross-entropy)",
        "acc_title": "Accuracy",
        "epoch_axis": "epoch",
        "loss_axis": "loss",
        "acc_axis": "accuracy",
        "train": "training",
        "test": "held-out",
        "gap": "held-out (gap shaded)",
        "class": "class {k}",
        "boundary_title": "Decision boundary at epoch {e} (filled: training, rings: held-out)",
        "at_epoch": (
            "Epoch **{e}**: training loss {trl}, held-out loss {tel}, gap **{gap}**; accuracy "
            "{tra} on the training points, {tea} on the held-out ones."
        ),
        "overfit_final": (
            "After {epochs} epochs the network gets {tra} of the {n} training points right "
            "(loss {trl}) but only {tea} of the held-out points (loss {tel}). The held-out loss "
            "was lowest at epoch {best} ({lbest}); since then the training loss fell from {trb} "
            "to {trl} while the held-out loss rose to {tel}: the network is fitting the noise "
            "of its {n} points."
        ),
        "no_overfit": (
            "With these settings the held-out loss at the end ({tel}) is no higher than its "
            "best ({lbest}, epoch {best}), or the training loss did not fall after that epoch: "
            "this run shows no overfitting. Fewer points, more noise or more epochs often make "
            "it appear."
        ),
        # section 2
        "s2": "2 · Four remedies on the same run",
        "m.none": "no remedy",
        "m.dropout": "dropout p = {p}",
        "m.l2": "L2 λ = {lam}",
        "m.l1": "L1 λ = {lam} ({mode})",
        "ms.proximal": "proximal", "ms.subgradient": "subgradient",
        "m.early": "early stopping (epoch {e})",
        "compare_title": "Held-out loss (solid) and training loss (dotted)",
        "thumbs_title": "Final decision boundaries",
        "col.method": "remedy",
        "col.epoch": "epoch",
        "col.train_loss": "training loss",
        "col.test_loss": "held-out loss",
        "col.gap": "gap",
        "col.train_acc": "training acc.",
        "col.test_acc": "held-out acc.",
        "narrows": (
            "**{name}** narrows the gap from {g0} to {g1} and brings the held-out loss from "
            "{t0} to {t1}; the cost: training loss {r1} instead of {r0}."
        ),
        "narrows_worse": (
            "**{name}** narrows the gap from {g0} to {g1}, but the held-out loss is not lower "
            "({t0} → {t1}): it fits the training points worse without fitting new ones better."
        ),
        "widens": (
            "**{name}** does not narrow the gap with these settings: {g0} → {g1} (held-out "
            "loss {t0} → {t1})."
        ),
        "best_method": "Lowest held-out loss: **{name}** ({loss}).",
        "no_verdict": "**{name}** diverged at epoch {epoch}: its numbers say nothing about the gap.",
        "early_note": (
            "Early stopping picks the epoch with the lowest loss on the held-out points and "
            "returns those weights. Here the held-out set doubles as the validation set; in "
            "practice keep a separate validation set, or the reported test loss is optimistic."
        ),
        "collapsed": (
            "**{name}** has collapsed to a constant: P(class 1) ≈ {p1} everywhere (it varies "
            "by only {spread} over the whole plane), so the input no longer matters; {zeros} of "
            "its {n} weights are exactly 0 and its held-out accuracy is {acc}. The penalty is "
            "too strong for this data."
        ),
        # section 3
        "s3": "3 · Dropout: a different thinned network at every step",
        "masks_title": "Step {t}",
        "eval_title": "Evaluation: every unit",
        "kept": "kept unit",
        "dropped": "dropped unit (output 0)",
        "masks_caption": (
            "The real masks of the dropout run's first three steps (for its first training "
            "point), units 1–{k} of each hidden layer shown. Kept in layer 1 / layer 2: {counts} "
            "of {w} (expected {exp} with p = {p})."
        ),
        "scaling_intro": (
            "**Inverted dropout.** A unit is dropped with probability p = {p} and otherwise "
            "multiplied by 1/(1 − p) = {f}, so its expected output equals its plain output. "
            "The numbers for unit {u} of hidden layer 1 of the trained dropout network, whose "
            "mean activation over the training points is a = {a}:"
        ),
        "row.kept": "train mode, kept (probability {q})",
        "row.dropped": "train mode, dropped (probability {p})",
        "row.expected": "train mode, expected value (1 − p)·a/(1 − p)",
        "row.measured": "train mode, mean of {n} random masks",
        "row.unscaled": "without the 1/(1 − p) scaling, expected value (1 − p)·a",
        "row.eval": "eval mode: every unit, no scaling",
        "col.case": "case",
        "col.value": "output of the unit",
        "scaling_outro": (
            "So at evaluation the network uses every unit as it is: the training-time scaling "
            "already made the average signal match. Without it, every layer would see "
            "1/(1 − p) = {f}× its average training signal at evaluation."
        ),
        # section 4
        "s4": "4 · L1 vs L2: what the penalty does to the weights",
        "sweep_lam": "λ shown in the histograms",
        "sweep_lam_help": "View only: the five strengths are trained once and cached.",
        "k.l2": "L2",
        "k.l1_sub": "L1, subgradient",
        "k.l1_prox": "L1, proximal",
        "hist_panel": "{name}: {zeros} exact zeros",
        "weight_axis": "weight w",
        "count_axis": "count (log)",
        "zeros_title": "Share of weights exactly 0 (solid) and |w| < 10⁻³ (dotted)",
        "norm_title": "Size of the weights ‖W‖₂",
        "share_axis": "share of the weights",
        "norm_axis": "‖W‖₂",
        "near": "|w| < 10⁻³",
        "sweep_text": (
            "At λ = {lam}: L1 by subgradient leaves **{zs}** of {n} weights exactly 0 ({ns} "
            "below 10⁻³), the proximal update **{zp}** ({np_} below 10⁻³), L2 **{z2}** ({n2} "
            "below 10⁻³). ‖W‖₂: L2 {w2}, L1 subgradient {ws}, L1 proximal {wp} (no penalty: "
            "{w0})."
        ),
        "sweep_why": (
            "Why: the subgradient step adds ±lr·λ = ±{step} to a weight at every step, so a "
            "weight near 0 jumps across 0 instead of landing on it (small and jittery). The "
            "proximal step sets every weight with |w| ≤ lr·λ to exactly 0 (soft-thresholding)."
        ),
        "sweep_collapse": (
            "At λ = {lam}, {name} has collapsed the network to a constant: P(class 1) ≈ {p1} "
            "everywhere (it varies by only {spread} over the plane), {zeros} of {n} weights are "
            "exactly 0, held-out accuracy {acc}."
        ),
        "hist_caption": (
            "Weights of all three layers, after {epochs} epochs; bins of width {bw}, values "
            "beyond ±{lim} counted in the end bins."
        ),
        # section 5
        "s5": "5 · The geometry: why L1 lands on an axis",
        "geo_lam": "λ (two-weight problem)",
        "geo_intro": (
            "Two weights and the quadratic loss L(w) = ½ (w − w*)ᵀ A (w − w*) with w* = "
            "({a}, {b}) and A = [[{a11}, {a12}], [{a12}, {a22}]] (tilted ellipses). Minimizing "
            "L + λ‖w‖₁ or L + (λ/2)‖w‖² is the same as minimizing L inside a diamond or a "
            "circle: the optimum is where the smallest loss ellipse touches the set. Both are "
            "solved exactly (L2 in closed form, L1 by checking every sign pattern)."
        ),
        "geo_l1_title": "L1: diamond ‖w‖₁ = const",
        "geo_l2_title": "L2: circle ‖w‖₂ = const",
        "touch": "loss contour at the optimum",
        "l1_set": "L1 set through the optimum",
        "l2_set": "L2 set through the optimum",
        "path": "optimum as λ grows",
        "wstar": "w* (no penalty)",
        "l1_opt": "L1 optimum",
        "l2_opt": "L2 optimum",
        "geo_both": (
            "At λ = {lam} L1's optimum is ({a}, {b}): both weights still non-zero. From "
            "λ = {lam0} on, w₂ is exactly 0. L2's optimum ({c}, {d}) keeps both non-zero for "
            "every λ."
        ),
        "geo_axis": (
            "At λ = {lam} L1's optimum is ({a}, 0): **w₂ is exactly 0**, because the ellipse "
            "first touches the diamond at its corner on the w₁ axis (for every λ ≥ {lam0}). "
            "L2's optimum ({c}, {d}) has no zero coordinate: the circle has no corners."
        ),
        "geo_l2_grows": (
            " L2 shrinks the whole vector (‖w‖ from {n0} to {n1}), not each weight: {wi} even "
            "grows, from {s} to {v}."
        ),
        "geo_l2_shrinks": " Here L2 shrinks both weights (‖w‖ from {n0} to {n1}).",
        "geo_zero": (
            "At λ = {lam} (≥ {lamall}) L1's optimum is (0, 0): the penalty outweighs the whole "
            "loss. L2's optimum ({c}, {d}) is still non-zero."
        ),
        "notes": (
            "The lecture notes' example: w1 = [1, 0, 0, 0] and w2 = [¼, ¼, ¼, ¼] both give "
            "w·x = {wx} for x = [1, 1, 1, 1]. L2 charges ‖w‖² = {a2} vs {b2}, so it prefers the "
            "evenly spread w2. L1 charges ‖w‖₁ = {a1} vs {b1}: the same, so in this example L1 "
            "does not prefer w1 as the notes say. L1's zeros come from the diamond's corners "
            "when the loss is tilted, as above."
        ),
        # downloads
        "dl_history": "Download these curves (CSV)",
        "dl_curves": "Download the curves of every run (CSV)",
        "dl_table": "Download the comparison table (CSV)",
        "dl_boundary": "Download the decision grid at this epoch (CSV)",
        "dl_thumbs": "Download the final decision grids (CSV)",
        "dl_masks": "Download the masks (CSV)",
        "dl_dropout": "Download the dropout numbers (CSV)",
        "dl_hist": "Download the histograms (CSV)",
        "dl_sweep": "Download the λ sweep (CSV)",
        "dl_geo": "Download the optima for every λ (CSV)",
    },
    ko={
        "title": "과적합: 드롭아웃, L1·L2 규제",
        "intro": (
            "잡음 섞인 적은 점으로 넓은 신경망을 오래 학습시키면 잡음까지 외웁니다(과적합, "
            "overfitting). 훈련 손실(loss)은 "
            "0으로 가는데 같은 분포에서 뽑은 새 점의 손실은 올라갑니다. 두 곡선 사이의 색칠된 "
            "**차이**를 보고, 드롭아웃, L2, L1 규제(regularization)와 조기 종료(early stopping) 중 "
            "어느 것이 그 차이를 줄이는지, 그 대가로 훈련 손실은 얼마나 오르는지, 그리고 L1은 (근접 갱신을 쓰면) 가중치를 정확히 0으로 "
            "만들고 L2는 작게만 만드는 이유를 확인하세요."
        ),
        "sb_setup": "실험 설정 (다시 학습)",
        "dataset": "데이터",
        "ds.moons": "두 개의 반달", "ds.circles": "동심원", "ds.xor": "XOR",
        "n_train": "훈련 데이터 점 개수",
        "n_train_help": "점이 적을수록 과적합이 쉽습니다. 과적합은 시험용 점 200개로 잽니다.",
        "noise": "잡음 (흔들림의 표준편차)",
        "width": "두 은닉층(hidden layer)의 너비",
        "epochs": "에포크 수",
        "lr": "학습률 (SGD)",
        "seed": "시드",
        "sb_remedies": "규제 설정 (해당 실행만 다시 학습)",
        "p": "드롭아웃 확률 p",
        "l2": "L2 세기 λ",
        "l1": "L1 세기 λ",
        "l1_mode": "L1 갱신 방식",
        "mode.proximal": "근접(proximal)", "mode.subgradient": "부분기울기(subgradient)",
        "l1_mode_help": (
            "부분기울기: 기울기에 λ·sign(W)를 더합니다. 근접: 보통의 한 걸음 뒤에 "
            "W ← sign(W)·max(|W| − lr·λ, 0) (소프트 임계값)을 적용해 가중치를 정확히 0으로 "
            "만듭니다."
        ),
        "setup_caption": (
            "신경망 2 → {w} → {w} → 2 (ReLU, He 초기화), 학습률 {lr}의 기본 SGD, {batching}, "
            "{epochs} 에포크, 시드 {seed}. 모든 실행은 같은 가중치에서 시작하고 같은 순서로 점을 "
            "봅니다."
        ),
        "batch.full": "한 단계마다 점 {n}개 전체를 한 배치로",
        "batch.mini": "미니배치 {size} (에포크당 {count}번 갱신)",
        "batch.mini_last": "미니배치 {size} (에포크당 {count}번 갱신, 마지막 배치는 점 {last}개)",
        "training": "{name} 학습 중… ({n}개 중 {i}번째)",
        "diverged": (
            "{name}이(가) {epoch} 에포크에서 발산했습니다 (숫자가 float 범위를 벗어났습니다). "
            "곡선은 거기서 멈춥니다. 학습률을 낮추세요."
        ),
        # 강의 단계: 어디를 볼지 (숫자는 페이지의 문장에 있습니다)
        "step.overfit": "일부러 만든 과적합",
        "step_text.overfit": (
            "넓은 신경망, 잡음 섞인 점 몇 개, 많은 에포크. 에포크 슬라이더를 0부터 끝까지 "
            "움직이며 두 손실 곡선과, 점 하나하나를 따라 휘는 결정 경계를 보세요."
        ),
        "step.dropout": "드롭아웃",
        "step_text.dropout": (
            "매 단계 다른, 솎아 낸 신경망을 학습합니다. 마스크가 어떤 유닛을 끄는지 보고, 남은 "
            "유닛을 왜 1/(1 − p)배 하는지 3절에서 확인하세요."
        ),
        "step.l2": "L2: 작은 가중치",
        "step_text.l2": (
            "L2 규제는 모든 가중치를 0 쪽으로 당깁니다. 4절에서 L2 히스토그램을 "
            "L1과 비교하세요: 정확히 0인 가중치는 몇 개인가요?"
        ),
        "step.l1": "L1: 정확히 0인 가중치",
        "step_text.l1": (
            "λ를 키웠습니다. 강의 노트는 L1이 대부분의 가중치를 0으로(희소하게), L2는 작게만 "
            "만든다고 합니다: 히스토그램과 그 아래 λ 스윕에서 확인하세요."
        ),
        "step.geometry": "L1이 축 위에 떨어지는 이유",
        "step_text.geometry": (
            "강의 노트의 가중치 두 개 그림(5절): 손실 등고선은 L1 마름모와는 꼭짓점에서, L2 "
            "원과는 아무 곳에서나 만납니다. 각 최적점은 어디에 있나요?"
        ),
        "step.compare": "규제 방법 나란히",
        "step_text.compare": (
            "2절: 같은 실행에 드롭아웃, L2, L1, 조기 종료를 적용했습니다. 표를 읽어 보세요: "
            "학습 손실과 검증 손실의 차이를 가장 많이 줄이는 방법은 무엇인가요?"
        ),
        "s1": "1 · 일부러 만든 과적합",
        "epoch": "보여 줄 에포크",
        "epoch_help": "보기 전용: 저장된 가중치 사이를 움직일 뿐 다시 학습하지 않습니다.",
        "loss_title": "손실 (교차 엔트로피)",
        "acc_title": "정확도",
        "epoch_axis": "에포크",
        "loss_axis": "손실",
        "acc_axis": "정확도",
        "train": "훈련",
        "test": "시험(테스트)",
        "gap": "시험 (차이 색칠)",
        "class": "클래스 {k}",
        "boundary_title": "{e} 에포크의 결정 경계 (채운 점: 훈련, 빈 원: 시험)",
        "at_epoch": (
            "**{e}** 에포크: 훈련 손실 {trl}, 시험 손실 {tel}, 차이 **{gap}**. 정확도는 훈련 "
            "점에서 {tra}, 시험 점에서 {tea}."
        ),
        "overfit_final": (
            "{epochs} 에포크 뒤 신경망은 훈련 점 {n}개 중 {tra}를 맞히지만 (손실 {trl}) 시험 "
            "점은 {tea}만 맞힙니다 (손실 {tel}). 시험 손실은 {best} 에포크에서 가장 낮았습니다 "
            "({lbest}). 그 뒤로 훈련 손실은 {trb}에서 {trl}까지 내려갔지만 시험 손실은 {tel}까지 "
            "올라갔습니다: 신경망이 점 {n}개의 잡음을 외우고 있습니다."
        ),
        "no_overfit": (
            "이 설정에서는 마지막 시험 손실({tel})이 가장 낮았던 값({best} 에포크, {lbest})보다 "
            "높지 않거나, 그 에포크 뒤로 훈련 손실이 내려가지 않았습니다: 이 실행에서는 과적합이 "
            "보이지 않습니다. 점을 줄이거나 잡음이나 에포크를 "
            "늘리면 과적합이 나타나기 쉽습니다."
        ),
        "s2": "2 · 같은 실행에 네 가지 규제",
        "m.none": "규제 없음",
        "m.dropout": "드롭아웃 p = {p}",
        "m.l2": "L2 λ = {lam}",
        "m.l1": "L1 λ = {lam} ({mode})",
        "ms.proximal": "근접", "ms.subgradient": "부분기울기",
        "m.early": "조기 종료 ({e} 에포크)",
        "compare_title": "시험 손실 (실선)과 훈련 손실 (점선)",
        "thumbs_title": "최종 결정 경계",
        "col.method": "규제",
        "col.epoch": "에포크",
        "col.train_loss": "훈련 손실",
        "col.test_loss": "시험 손실",
        "col.gap": "차이",
        "col.train_acc": "훈련 정확도",
        "col.test_acc": "시험 정확도",
        "narrows": (
            "**{name}**: 차이가 줄어듭니다 ({g0} → {g1}), 시험 손실도 낮아집니다 "
            "({t0} → {t1}). 대가로 훈련 손실이 오릅니다 ({r0} → {r1})."
        ),
        "narrows_worse": (
            "**{name}**: 차이는 줄지만 ({g0} → {g1}) 시험 손실은 낮아지지 않습니다 "
            "({t0} → {t1}). 훈련 점을 덜 맞힐 뿐 새 점을 더 잘 맞히지는 않습니다."
        ),
        "widens": (
            "**{name}**: 이 설정에서는 차이가 줄지 않습니다 ({g0} → {g1}, 시험 손실 "
            "{t0} → {t1})."
        ),
        "best_method": "시험 손실이 가장 낮은 것: **{name}** ({loss}).",
        "no_verdict": "**{name}**: {epoch} 에포크에서 발산해 이 숫자로는 차이를 말할 수 없습니다.",
        "early_note": (
            "조기 종료(early stopping)는 시험 점의 손실이 가장 낮은 에포크를 골라 그때의 "
            "가중치를 돌려줍니다. 여기서는 시험 점을 검증(validation) 세트로도 씁니다. 실제로는 "
            "따로 떼어 둔 검증 세트를 써야 하며, 그렇지 않으면 보고된 시험 손실이 실제보다 "
            "낙관적입니다."
        ),
        "collapsed": (
            "**{name}**: 신경망이 상수로 무너졌습니다. 어디서나 P(클래스 1) ≈ {p1}이고 (평면 "
            "전체에서 변화 폭 {spread}), 입력이 더는 출력에 영향을 주지 않습니다. 가중치 {n}개 "
            "중 {zeros}개가 정확히 0이고 시험 정확도는 {acc}입니다. 이 데이터에는 규제가 너무 "
            "셉니다."
        ),
        "s3": "3 · 드롭아웃: 매 단계 다른, 솎아 낸 신경망",
        "masks_title": "{t}번째 단계",
        "eval_title": "평가: 모든 유닛",
        "kept": "남은 유닛",
        "dropped": "꺼진 유닛 (출력 0)",
        "masks_caption": (
            "드롭아웃 실행의 처음 세 단계에서 실제로 쓰인 마스크 (첫 훈련 점 기준), 각 은닉층의 "
            "유닛 1–{k}을 그렸습니다. 1층 / 2층에서 남은 유닛: {w}개 중 {counts} "
            "(p = {p}일 때 기댓값 {exp})."
        ),
        "scaling_intro": (
            "**역 드롭아웃(inverted dropout).** 유닛은 확률 p = {p}로 꺼지고, 남으면 "
            "1/(1 − p) = {f}배가 되므로 출력의 기댓값이 원래 출력과 같습니다. 학습된 드롭아웃 "
            "신경망의 은닉층 1, 유닛 {u}의 숫자입니다 (훈련 점에 대한 평균 활성값 a = {a}):"
        ),
        "row.kept": "학습 모드, 남을 때 (확률 {q})",
        "row.dropped": "학습 모드, 꺼질 때 (확률 {p})",
        "row.expected": "학습 모드, 기댓값 (1 − p)·a/(1 − p)",
        "row.measured": "학습 모드, 무작위 마스크 {n}개의 평균",
        "row.unscaled": "1/(1 − p) 배율이 없을 때의 기댓값 (1 − p)·a",
        "row.eval": "평가 모드: 모든 유닛, 배율 없음",
        "col.case": "경우",
        "col.value": "유닛의 출력",
        "scaling_outro": (
            "그래서 평가 때는 모든 유닛을 그대로 씁니다: 학습 때의 배율이 평균 신호를 이미 "
            "맞춰 두었기 때문입니다. 배율이 없다면 평가 때 각 층은 학습 때 평균 신호의 "
            "1/(1 − p) = {f}배를 보게 됩니다."
        ),
        "s4": "4 · L1과 L2: 규제가 가중치에 하는 일",
        "sweep_lam": "히스토그램에 보여 줄 λ",
        "sweep_lam_help": "보기 전용: 다섯 가지 세기는 한 번 학습해 캐시해 둡니다.",
        "k.l2": "L2",
        "k.l1_sub": "L1, 부분기울기",
        "k.l1_prox": "L1, 근접",
        "hist_panel": "{name}: 정확히 0인 가중치 {zeros}개",
        "weight_axis": "가중치 w",
        "count_axis": "개수 (로그)",
        "zeros_title": "정확히 0인 가중치 비율 (실선)과 |w| < 10⁻³ 비율 (점선)",
        "norm_title": "가중치의 크기 ‖W‖₂",
        "share_axis": "가중치 비율",
        "norm_axis": "‖W‖₂",
        "near": "|w| < 10⁻³",
        "sweep_text": (
            "λ = {lam}에서: 부분기울기 L1은 가중치 {n}개 중 **{zs}**개를 정확히 0으로 둡니다 "
            "(10⁻³ 미만 {ns}개), 근접 갱신은 **{zp}**개 (10⁻³ 미만 {np_}개), L2는 **{z2}**개 "
            "(10⁻³ 미만 {n2}개). ‖W‖₂: L2 {w2}, L1 부분기울기 {ws}, L1 근접 {wp} (규제 없음: "
            "{w0})."
        ),
        "sweep_why": (
            "이유: 부분기울기 갱신은 매 단계 가중치를 lr·λ = {step}만큼 0 쪽으로 밀기 때문에, "
            "0 근처의 가중치는 0에 멈추지 못하고 0을 넘나듭니다 (작지만 떨림). 근접 갱신은 |w| ≤ lr·λ인 "
            "가중치를 모두 정확히 0으로 만듭니다 (소프트 임계값)."
        ),
        "sweep_collapse": (
            "λ = {lam}, {name}: 신경망이 상수로 무너졌습니다. 어디서나 P(클래스 1) ≈ {p1}이고 "
            "(평면 전체에서 변화 폭 {spread}), 가중치 {n}개 중 {zeros}개가 정확히 0이며, 시험 "
            "정확도는 {acc}입니다."
        ),
        "hist_caption": (
            "세 층의 모든 가중치, {epochs} 에포크 뒤. 구간 폭 {bw}. 절댓값이 {lim}보다 큰 "
            "값은 양 끝 구간에 셌습니다."
        ),
        "s5": "5 · 기하: L1이 축 위에 떨어지는 이유",
        "geo_lam": "λ (가중치 두 개 문제)",
        "geo_intro": (
            "가중치 두 개와 이차 손실 L(w) = ½ (w − w*)ᵀ A (w − w*), w* = ({a}, {b}), "
            "A = [[{a11}, {a12}], [{a12}, {a22}]] (기울어진 타원). L + λ‖w‖₁ 또는 "
            "L + (λ/2)‖w‖²를 최소화하는 것은 마름모 또는 원 안에서 L을 최소화하는 것과 같습니다: "
            "최적점은 가장 작은 손실 타원이 그 집합에 닿는 곳입니다. 둘 다 정확히 풉니다 (L2는 "
            "닫힌 형태, L1은 모든 부호 조합을 확인)."
        ),
        "geo_l1_title": "L1: 마름모 ‖w‖₁ = 상수",
        "geo_l2_title": "L2: 원 ‖w‖₂ = 상수",
        "touch": "최적점을 지나는 손실 등고선",
        "l1_set": "최적점을 지나는 L1 집합",
        "l2_set": "최적점을 지나는 L2 집합",
        "path": "λ가 커질 때 최적점의 경로",
        "wstar": "w* (규제 없음)",
        "l1_opt": "L1 최적점",
        "l2_opt": "L2 최적점",
        "geo_both": (
            "λ = {lam}에서 L1의 최적점은 ({a}, {b}): 두 가중치 모두 아직 0이 아닙니다. "
            "λ = {lam0}부터 w₂가 정확히 0이 됩니다. L2의 최적점은 ({c}, {d}): 어떤 λ에서도 "
            "두 가중치가 0이 되지 않습니다."
        ),
        "geo_axis": (
            "λ = {lam}에서 L1의 최적점은 ({a}, 0)입니다: 타원이 w₁ 축 위 마름모의 꼭짓점에 먼저 "
            "닿기 때문에 **w₂가 정확히 0**입니다 (λ ≥ {lam0}인 모든 λ). L2의 최적점은 "
            "({c}, {d}): 0이 되는 좌표가 없습니다. 원에는 꼭짓점이 없습니다."
        ),
        "geo_l2_grows": (
            " L2는 벡터 전체의 길이를 줄일 뿐(‖w‖ {n0} → {n1}) 가중치 하나하나를 줄이지는 "
            "않습니다: {wi}는 오히려 {s}에서 {v}로 커집니다."
        ),
        "geo_l2_shrinks": " 여기서는 L2가 두 가중치를 모두 줄입니다(‖w‖ {n0} → {n1}).",
        "geo_zero": (
            "λ = {lam} (≥ {lamall})에서 L1의 최적점은 (0, 0)입니다: 규제가 손실 전체보다 "
            "큽니다. L2의 최적점은 ({c}, {d}): 아직 0이 아닙니다."
        ),
        "notes": (
            "강의 노트의 예: w1 = [1, 0, 0, 0]과 w2 = [¼, ¼, ¼, ¼]는 x = [1, 1, 1, 1]에 대해 "
            "둘 다 w·x = {wx}입니다. L2는 ‖w‖² = {a2} 대 {b2}를 매기므로 고르게 퍼진 w2를 "
            "선호합니다. L1은 ‖w‖₁ = {a1} 대 {b1}로 같으므로, 이 예에서는 노트의 설명과 달리 "
            "L1이 w1을 선호하지 않습니다. L1이 0을 만드는 것은 위에서 본 것처럼 손실이 기울어져 "
            "있을 때 마름모의 꼭짓점 때문입니다."
        ),
        "dl_history": "이 곡선 내려받기 (CSV)",
        "dl_curves": "모든 실행의 곡선 내려받기 (CSV)",
        "dl_table": "비교 표 내려받기 (CSV)",
        "dl_boundary": "이 에포크의 결정 격자 내려받기 (CSV)",
        "dl_thumbs": "최종 결정 격자 내려받기 (CSV)",
        "dl_masks": "마스크 내려받기 (CSV)",
        "dl_dropout": "드롭아웃 숫자 내려받기 (CSV)",
        "dl_hist": "히스토그램 내려받기 (CSV)",
        "dl_sweep": "λ 변화 결과 내려받기 (CSV)",
        "dl_geo": "λ마다의 최적점 내려받기 (CSV)",
    },
)
