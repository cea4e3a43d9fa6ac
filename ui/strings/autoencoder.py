"""Text of the autoencoder page (labs/autoencoder.py), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "autoencoder",
    en={
        "title": "Autoencoders",
        "intro": (
            "An autoencoder is trained to give back its own input: an encoder squeezes each 8×8 "
            "handwritten digit (64 pixels) into a **bottleneck** of k numbers, the code, and a "
            "decoder rebuilds the image from the code alone. Watch what survives the squeeze as "
            "k shrinks, how the code space compares with PCA's, and whether the code is worth "
            "anything: for removing noise, and as a start for a classifier with few labels."
        ),
        "view": "Show",
        "view.recon": "Reconstructions",
        "view.sweep": "Error vs k",
        "view.code": "2-D code vs PCA",
        "view.denoise": "Denoising",
        "view.pretrain": "Pre-training",
        "view.manifold": "Curve toy",
        "about.recon": (
            "Network 64–32–k–32–64 (tanh, linear code and output), Adam, minibatches of 64, "
            "mean squared error (MSE) between the output and the input. Trained on 1,500 digits; "
            "the numbers are for the 297 test digits it never saw."
        ),
        "about.sweep": (
            "The same network trained once for each bottleneck size, compared with principal "
            "component analysis (PCA), the best *linear* code of the same size."
        ),
        "about.code": (
            "With k = 2 every digit becomes a point in the plane: the autoencoder's code "
            "(left) next to the projection on PCA's first two principal directions (right)."
        ),
        "about.denoise": (
            "A denoising autoencoder gets a corrupted digit as input and the clean digit as "
            "target. Both networks below have the same size and epochs; only the training "
            "input differs."
        ),
        "about.pretrain": (
            "Stacked autoencoder: an autoencoder 64–32–64 is trained on all 1,500 training "
            "images (no labels), then a second one 32–16–32 on its codes. Their encoders, plus "
            "a softmax layer, form the classifier 64–32–16–10, fine-tuned on a few labelled "
            "digits. The same network from random (Xavier) weights is trained on the same "
            "labels for comparison."
        ),
        "about.manifold": (
            "Points in the plane along a curve, squeezed through a single unit (2–64–1–64–2, "
            "ReLU). The code is one number per point: its colour. The line is the decoder "
            "applied to every code value from the smallest to the largest."
        ),
        "net_header": "Autoencoder",
        "k": "Bottleneck k (code units)",
        "k_help": "How many numbers the encoder may keep of the 64 pixels.",
        "epochs": "Epochs",
        "epochs_help": "Passes over the 1,500 training digits (minibatches of 64, Adam, lr 0.01).",
        "seed": "Seed",
        "noise_header": "Denoising",
        "noise": "Corruption",
        "noise.gaussian": "Gaussian noise",
        "noise.mask": "Masking",
        "level.gaussian": "Noise σ (pixels are 0–1)",
        "level.mask": "Share of pixels set to 0",
        "pre_header": "Pre-training",
        "labels": "Labelled digits for fine-tuning",
        "labels_help": "Balanced over the ten digits. Pre-training itself uses no labels.",
        "manifold_header": "Curve toy",
        "shape": "Curve",
        "shape.spiral": "Spiral (¾ turn)",
        "shape.circle": "Circle",
        "jitter": "Jitter σ",
        "progress_ae": "{what} epoch {epoch}, error {mse}",
        "progress_seeds": "{what} {done} seed(s) done",
        "preview": (
            "While training: test digits (top) and their reconstructions (bottom) after the "
            "latest chunk of epochs"
        ),
        "diverged": (
            "Training diverged in epoch {epoch}: the loss or the weights stopped being finite "
            "numbers. The results shown are from the last good epoch."
        ),
        "training": "Training the autoencoder with k = {k}:",
        "training_linear": "Training the linear autoencoder:",
        "training_dae": "Training the denoising autoencoder (k = {k}):",
        "training_pre": "Pre-training and fine-tuning with {labels} labels:",
        "training_manifold": "Training the curve autoencoder:",
        "recon_ae_better": (
            "Each 64-pixel test digit is kept as **{k}** numbers ({ratio}× fewer). Test MSE of "
            "the autoencoder: **{ae}**; of PCA with {k} components: **{pca}**: the autoencoder "
            "reconstructs better."
        ),
        "recon_pca_better": (
            "Each 64-pixel test digit is kept as **{k}** numbers ({ratio}× fewer). Test MSE of "
            "the autoencoder: **{ae}**; of PCA with {k} components: **{pca}**: PCA reconstructs "
            "better here."
        ),
        "row_orig": "original",
        "row_ae": "autoencoder, k = {k}",
        "row_pca": "PCA, k = {k}",
        "grid_title": "One test digit of each class, and its reconstructions",
        "grid_caption": (
            "Dark = ink. Values outside 0–1 are drawn as white or black. PCA keeps the k "
            "directions of largest variance; the autoencoder learns its own, curved, code."
        ),
        "download_grid": "Download the digits shown (CSV, 64 pixels each)",
        "curve_title": "Reconstruction error during training",
        "epoch": "epoch",
        "mse_axis": "MSE",
        "train_set": "training digits",
        "test_set": "test digits",
        "download_curve": "Download the training curve (CSV)",
        "sweep_falls": (
            "Test error falls at every step as the bottleneck widens: from **{first}** at "
            "k = {k0} to **{last}** at k = {k1}."
        ),
        "sweep_not_monotone": (
            "Test error goes from **{first}** at k = {k0} to **{last}** at k = {k1}, but not "
            "at every step: it rises for k = {rises}."
        ),
        "sweep_ae_all": "The autoencoder beats PCA at every k shown.",
        "sweep_pca_all": "PCA beats the autoencoder at every k shown (after these epochs).",
        "sweep_mixed": "The autoencoder beats PCA at k = {better}; PCA is better at k = {worse}.",
        "ae_name": "autoencoder",
        "pca_name": "PCA",
        "sweep_title": "Test reconstruction error vs bottleneck size",
        "k_axis": "bottleneck k (log scale)",
        "test_mse_axis": "test MSE",
        "sweep_caption": (
            "Every autoencoder trained for {epochs} epochs with the same seed. PCA is exact "
            "(an SVD of the training digits), so its curve is the best any linear code can do."
        ),
        "download_sweep": "Download error vs k (CSV)",
        "code_ae_vs_pca": (
            "Two numbers per digit. Test MSE of the autoencoder with k = 2: **{ae}**; of PCA "
            "with 2 components: **{pca}**."
        ),
        "code_linear_close": (
            "A **linear** autoencoder (64–2–64, no activation) trained for {epochs} epochs "
            "finds PCA's plane: the principal angles between its decoder's 2-D subspace and "
            "PCA's top two directions are **{a1}°** and **{a2}°**, and its training MSE {lin} "
            "is close to PCA's optimum {pca} (Baldi & Hornik, 1989)."
        ),
        "code_linear_far": (
            "A **linear** autoencoder (64–2–64, no activation) trained for {epochs} epochs has "
            "not reached PCA's plane yet: principal angles **{a1}°** and **{a2}°**, training "
            "MSE {lin} vs PCA's optimum {pca}."
        ),
        "digit": "digit {d}",
        "code_ae_title": "autoencoder code (z₁, z₂)",
        "code_pca_title": "PCA: first two components",
        "code_hover": "digit {d}<br>(%{{x:.2f}}, %{{y:.2f}})",
        "code_caption": (
            "All 1,797 digits (1,500 seen in training). Click a digit in the legend to hide it. "
            "The axes of a code have no fixed meaning: only where the digits sit relative to "
            "each other counts."
        ),
        "download_code": "Download both 2-D codes (CSV)",
        "denoise_dae_better": (
            "On the same corrupted test digits, MSE against the clean digits: leaving the "
            "noise in **{identity}**, plain autoencoder **{plain}**, denoising autoencoder "
            "**{dae}**: training on corrupted inputs gives the better denoiser."
        ),
        "denoise_plain_better": (
            "On the same corrupted test digits, MSE against the clean digits: leaving the "
            "noise in **{identity}**, plain autoencoder **{plain}**, denoising autoencoder "
            "**{dae}**: here the denoising autoencoder is not better than the plain one."
        ),
        "row_noisy": "corrupted input",
        "row_dae": "denoising AE",
        "row_plain": "plain AE",
        "row_clean": "clean target",
        "denoise_title": "Corrupted test digits through both autoencoders",
        "denoise_caption": (
            "Both autoencoders see the same corrupted digits; only the denoising one was "
            "trained on corrupted inputs (a new corruption every epoch)."
        ),
        "pre_helps": (
            "With **{labels}** labels, mean test accuracy over {seeds} seeds: pre-trained "
            "**{pre}**, random initialization **{rand}**: pre-training helps by {diff} "
            "percentage points on average (higher in {wins} of {seeds} seeds, tied in {ties})."
        ),
        "pre_hurts": (
            "With **{labels}** labels, mean test accuracy over {seeds} seeds: pre-trained "
            "**{pre}**, random initialization **{rand}**: pre-training does not help here; it "
            "is {diff} percentage points lower on average (higher in {wins} of {seeds} seeds, "
            "tied in {ties})."
        ),
        "pre_same": (
            "With **{labels}** labels, mean test accuracy over {seeds} seeds: pre-trained "
            "**{pre}**, random initialization **{rand}**: no difference on average (higher in "
            "{wins} of {seeds} seeds, tied in {ties})."
        ),
        "pre_range": (
            "Per seed, pre-trained minus random ranges from {lo} to {hi} percentage points."
        ),
        "label_sweep": "Compare every label count (20 to 500)",
        "label_sweep_help": (
            "Runs the comparison above for 20, 50, 100, 200 and 500 labels (3 seeds each; "
            "the first time this takes a while, then it is stored for everyone)."
        ),
        "label_sweep_title": "Mean test accuracy over {seeds} seeds (dots: each seed)",
        "labels_axis": "labelled digits (log scale)",
        "per_seed": "each seed",
        "download_label_sweep": "Download the accuracies for every label count (CSV)",
        "sweep_pre_all": "On average, pre-training is ahead at every label count shown ({ahead}).",
        "sweep_pre_none": (
            "On average, pre-training is not ahead at any label count shown ({behind})."
        ),
        "sweep_pre_mixed": (
            "On average, pre-training is ahead with {ahead} labels and not ahead with {behind}: "
            "across these {n} label counts it is no consistent win here."
        ),
        "pre_name": "pre-trained stack",
        "rand_name": "random initialization",
        "seed_tick": "seed {s}",
        "mean_tick": "mean",
        "pre_title": "Test accuracy on 297 digits after fine-tuning on {labels} labels",
        "acc_axis": "test accuracy",
        "pre_caption": (
            "{seeds} seeds (each: its own pre-training, label subset and output layer). "
            "Pre-training: {pre} epochs per autoencoder; fine-tuning: {ft} epochs, Adam, the "
            "whole network trained."
        ),
        "pre_notes": (
            "Where the lecture notes' recipe comes from: greedy layer-wise pre-training "
            "(Hinton & Salakhutdinov 2006; Bengio et al. 2007) was proposed for deep sigmoid "
            "networks trained with plain gradient descent, before ReLU, Xavier/He "
            "initialization and Adam. This network is small, Xavier-initialized and trained "
            "with Adam: the numbers above measure the idea in that setting. Try 20 labels "
            "and 500 labels."
        ),
        "download_pre": "Download the accuracies (CSV)",
        "manifold_spiral_ordered": (
            "The single code unit works as a coordinate along the spiral: the rank correlation "
            "between the code and the position along the curve is |ρ| = **{rho}** (1 = the "
            "same order). Reconstruction MSE {mse}."
        ),
        "manifold_spiral_jumps": (
            "Here the code does not follow the spiral in order: the rank correlation between "
            "the code and the position along the curve is only |ρ| = **{rho}**. "
            "Reconstruction MSE {mse}."
        ),
        "manifold_circle": (
            "A circle has no ends, but one number cannot go round: the decoded curve has two "
            "ends, **{gap}** apart, so the code has to cut the circle somewhere. "
            "Reconstruction MSE {mse}."
        ),
        "mf_points": "data points (colour = code)",
        "mf_code": "code z",
        "mf_curve": "decoder(z) for every z",
        "mf_hover": "code z = %{customdata:.3f}",
        "mf_title": "A 2-D curve through a 1-unit bottleneck",
        "mf_caption": (
            "{n} points, {epochs} epochs of Adam. A code is a coordinate: the decoder maps the "
            "line of code values onto a curve in the plane; a well-trained encoder gives each "
            "point about the code of the nearest point of that curve."
        ),
        "download_manifold": "Download the points and their codes (CSV)",
        "data_note": (
            "Data: the 1,797 8×8 digits of the UCI optical recognition of handwritten digits "
            "test set (E. Alpaydin, C. Kaynak, 1998), as shipped with scikit-learn; pixels "
            "0–16 scaled to 0–1. Split: 1,500 training, 297 test digits."
        ),
        # lecture steps (labs/autoencoder.LECTURE), the notes' order; numbers from step_fields
        "step.ae": "An autoencoder: output = input",
        "step_text.ae": (
            "The notes: an autoencoder is trained with its input as its target; the front half "
            "is the encoder, the back half the decoder. Here the 64 pixels pass through a code "
            "of k = {k} numbers ({ratio}× fewer) and back: compare the autoencoder's row with "
            "PCA's."
        ),
        "step.bottleneck": "How narrow can the code be?",
        "step_text.bottleneck": (
            "One autoencoder trained for each k = {ks}: follow the test error as the code "
            "widens, and where the autoencoder's line sits against PCA's, the best linear code "
            "of each size."
        ),
        "step.features": "The code as a feature",
        "step_text.features": (
            "The notes: a model that rebuilds its input well keeps, in its compressed code, "
            "features that mean something. With k = 2 each digit becomes a point: do the "
            "digits of one kind land together, in the autoencoder's plane and in PCA's?"
        ),
        "step.stacked": "Stacked autoencoder: pre-train, then fine-tune",
        "step_text.stacked": (
            "The notes' recipe: train AE1 on the input, AE2 on AE1's code, stack their "
            "encoders, add a softmax output layer and fine-tune the whole network. Here with "
            "{labels} labelled digits, against the same network from random weights, over "
            "{seeds} seeds."
        ),
        "step.few_labels": "Pre-training with very few labels",
        "step_text.few_labels": (
            "The same comparison with only {labels} labelled digits (the pre-training still "
            "sees all {n_train} training images, without labels). Does the pre-trained start "
            "help more or less than with {base} labels?"
        ),
        "step.denoise": "Denoising autoencoder",
        "step_text.denoise": (
            "The notes: the input is x + noise and the target is x, for features that hold up "
            "whatever comes in. Training input: every pixel plus Gaussian noise of σ = {level}. "
            "Compare the denoising network's row with the plain autoencoder's on the same "
            "noisy digits."
        ),
        "step.masking": "Another corruption: masking",
        "step_text.masking": (
            "Now each training pixel is set to 0 with probability {pct}: the network has to "
            "fill in strokes it does not see."
        ),
        "step.manifold": "Beyond the notes: a code of one number",
        "step_text.manifold": (
            "Points along a spiral through a bottleneck of a single unit: the colour is the "
            "code, the line is the decoder. Can one number tell where a point lies along the "
            "curve?"
        ),
    },
    ko={
        "title": "오토인코더",
        "intro": (
            "오토인코더(autoencoder)는 입력을 그대로 다시 내놓도록 학습합니다. 인코더가 8×8 손글씨 "
            "숫자(64픽셀)를 k개의 숫자인 코드로 압축하고(이 좁은 통로가 **병목**(bottleneck)), "
            "디코더는 그 코드만 보고 이미지를 복원합니다. k를 줄일 때 무엇이 살아남는지, 코드 공간이 주성분 "
            "분석(PCA)과 어떻게 다른지, 그리고 이 코드가 잡음 제거와 레이블이 적은 분류기의 "
            "출발점으로 쓸모가 있는지 살펴보세요."
        ),
        "view": "보기",
        "view.recon": "복원 결과",
        "view.sweep": "k에 따른 오차",
        "view.code": "2차원 코드와 PCA",
        "view.denoise": "잡음 제거",
        "view.pretrain": "사전 학습",
        "view.manifold": "곡선 예제",
        "about.recon": (
            "신경망 64–32–k–32–64 (tanh, 코드층과 출력층은 선형), Adam, 미니배치 64, 손실은 "
            "출력과 입력 사이의 평균 제곱 오차(MSE). 1,500개 숫자로 학습하고, 수치는 학습에 쓰지 "
            "않은 시험 숫자 297개에서 잽니다."
        ),
        "about.sweep": (
            "같은 신경망을 병목 크기마다 한 번씩 학습해, 같은 크기에서 가장 좋은 *선형* 코드인 "
            "주성분 분석(PCA)과 비교합니다."
        ),
        "about.code": (
            "k = 2이면 숫자 하나가 평면 위의 점 하나가 됩니다. 왼쪽은 오토인코더의 코드, 오른쪽은 "
            "PCA의 첫 두 주성분 방향으로 사영한 결과입니다."
        ),
        "about.denoise": (
            "잡음 제거 오토인코더(denoising autoencoder)는 손상된 숫자를 입력으로, 깨끗한 숫자를 "
            "목표로 학습합니다. 아래 두 신경망은 크기와 에포크가 같고 학습 입력만 다릅니다."
        ),
        "about.pretrain": (
            "적층 오토인코더(stacked autoencoder): 먼저 오토인코더 64–32–64를 학습 이미지 "
            "1,500개 전체로(레이블 없이) 학습하고, 그 코드로 두 번째 오토인코더 32–16–32를 "
            "학습합니다. 이것이 층별 사전 학습(pre-training)입니다. 두 인코더에 softmax 층을 "
            "얹은 분류기 64–32–16–10을 적은 수의 레이블로 미세 조정(fine-tuning)합니다. 비교 대상은 같은 신경망을 무작위(Xavier) 가중치에서 "
            "같은 레이블로 학습한 것입니다."
        ),
        "about.manifold": (
            "곡선을 따라 놓인 평면 위의 점들을 유닛 하나짜리 병목(2–64–1–64–2, ReLU)에 통과시킵니다. "
            "코드는 점마다 숫자 하나이고 색으로 나타냅니다. 선은 가장 작은 코드 값부터 가장 큰 "
            "값까지 디코더에 넣은 결과입니다."
        ),
        "net_header": "오토인코더",
        "k": "병목 k (코드 유닛 수)",
        "k_help": "인코더가 64픽셀 가운데 남길 수 있는 숫자의 개수.",
        "epochs": "에포크",
        "epochs_help": "학습 숫자 1,500개를 도는 횟수 (미니배치 64, Adam, 학습률 0.01).",
        "seed": "시드",
        "noise_header": "잡음 제거",
        "noise": "손상 방식",
        "noise.gaussian": "가우시안 잡음",
        "noise.mask": "마스킹",
        "level.gaussian": "잡음 σ (픽셀 값은 0–1)",
        "level.mask": "0으로 지울 픽셀 비율",
        "pre_header": "사전 학습",
        "labels": "미세 조정에 쓸 레이블 수",
        "labels_help": "열 개 숫자에 고르게 나눕니다. 사전 학습 자체는 레이블을 쓰지 않습니다.",
        "manifold_header": "곡선 예제",
        "shape": "곡선",
        "shape.spiral": "나선 (¾바퀴)",
        "shape.circle": "원",
        "jitter": "흩뜨림 σ",
        "progress_ae": "{what} 에포크 {epoch}, 오차 {mse}",
        "progress_seeds": "{what} 시드 {done}개 완료",
        "preview": "학습 중: 시험 숫자(위)와 가장 최근 에포크 묶음 뒤의 복원 결과(아래)",
        "diverged": (
            "에포크 {epoch}에서 학습이 발산했습니다: 손실이나 가중치가 유한한 수가 아니게 "
            "되었습니다. 마지막으로 정상이던 에포크의 결과를 보여 줍니다."
        ),
        "training": "k = {k} 오토인코더 학습 중:",
        "training_linear": "선형 오토인코더 학습 중:",
        "training_dae": "잡음 제거 오토인코더 학습 중 (k = {k}):",
        "training_pre": "사전 학습과 미세 조정 중 (레이블 {labels}개):",
        "training_manifold": "곡선 오토인코더 학습 중:",
        "recon_ae_better": (
            "64픽셀 시험 숫자 하나를 숫자 **{k}**개로 담습니다({ratio}배 압축). 오토인코더의 "
            "시험 MSE는 **{ae}**, 주성분 {k}개를 쓴 PCA는 **{pca}**: 오토인코더가 더 잘 "
            "복원합니다."
        ),
        "recon_pca_better": (
            "64픽셀 시험 숫자 하나를 숫자 **{k}**개로 담습니다({ratio}배 압축). 오토인코더의 "
            "시험 MSE는 **{ae}**, 주성분 {k}개를 쓴 PCA는 **{pca}**: 여기서는 PCA가 더 잘 "
            "복원합니다."
        ),
        "row_orig": "원본",
        "row_ae": "오토인코더, k = {k}",
        "row_pca": "PCA, k = {k}",
        "grid_title": "숫자별 시험 이미지 하나와 그 복원 결과",
        "grid_caption": (
            "어두울수록 잉크. 0–1 밖의 값은 흰색이나 검은색으로 그립니다. PCA는 분산이 가장 큰 "
            "k개 방향을 남기고, 오토인코더는 휘어진 자기만의 코드를 배웁니다."
        ),
        "download_grid": "보이는 숫자 내려받기 (CSV, 이미지마다 64픽셀)",
        "curve_title": "학습 중 복원 오차",
        "epoch": "에포크",
        "mse_axis": "MSE",
        "train_set": "학습 숫자",
        "test_set": "시험 숫자",
        "download_curve": "학습 곡선 내려받기 (CSV)",
        "sweep_falls": (
            "병목이 넓어질 때마다 시험 오차가 줄어듭니다: k = {k0}에서 **{first}**, "
            "k = {k1}에서 **{last}**."
        ),
        "sweep_not_monotone": (
            "시험 오차는 k = {k0}의 **{first}**에서 k = {k1}의 **{last}**로 가지만, 매 단계 "
            "줄지는 않습니다: k = {rises}에서 늘어납니다."
        ),
        "sweep_ae_all": "보이는 모든 k에서 오토인코더가 PCA보다 낫습니다.",
        "sweep_pca_all": "보이는 모든 k에서 PCA가 오토인코더보다 낫습니다(이 에포크 수에서).",
        "sweep_mixed": "k = {better}에서는 오토인코더가, k = {worse}에서는 PCA가 더 낫습니다.",
        "ae_name": "오토인코더",
        "pca_name": "PCA",
        "sweep_title": "병목 크기에 따른 시험 복원 오차",
        "k_axis": "병목 k (로그 눈금)",
        "test_mse_axis": "시험 MSE",
        "sweep_caption": (
            "모든 오토인코더는 같은 시드로 {epochs} 에포크 학습했습니다. PCA는 정확한 해(학습 "
            "숫자의 SVD)이므로, 그 곡선이 선형 코드로 얻을 수 있는 최선입니다."
        ),
        "download_sweep": "k에 따른 오차 내려받기 (CSV)",
        "code_ae_vs_pca": (
            "숫자 하나에 두 개의 수. k = 2 오토인코더의 시험 MSE는 **{ae}**, 주성분 2개를 쓴 "
            "PCA는 **{pca}**."
        ),
        "code_linear_close": (
            "**선형** 오토인코더(64–2–64, 활성화 함수 없음)를 {epochs} 에포크 학습하면 PCA의 "
            "평면을 찾습니다: 디코더가 만드는 2차원 부분공간과 PCA의 첫 두 방향 사이의 주각"
            "(principal angle)은 **{a1}**°, **{a2}**°이고, 학습 MSE {lin}은 PCA의 최적값 {pca}에 "
            "가깝습니다(Baldi & Hornik, 1989)."
        ),
        "code_linear_far": (
            "**선형** 오토인코더(64–2–64, 활성화 함수 없음)는 {epochs} 에포크 학습으로는 아직 PCA의 "
            "평면에 이르지 못했습니다: 주각 **{a1}°**, **{a2}°**, 학습 MSE {lin} 대 PCA의 "
            "최적값 {pca}."
        ),
        "digit": "숫자 {d}",
        "code_ae_title": "오토인코더 코드 (z₁, z₂)",
        "code_pca_title": "PCA: 첫 두 주성분",
        "code_hover": "숫자 {d}<br>(%{{x:.2f}}, %{{y:.2f}})",
        "code_caption": (
            "숫자 1,797개 전부(1,500개는 학습에 사용). 범례에서 숫자를 누르면 숨길 수 있습니다. "
            "코드의 축에는 정해진 뜻이 없고, 숫자들이 서로 어디에 놓이는지만 의미가 있습니다."
        ),
        "download_code": "두 2차원 코드 내려받기 (CSV)",
        "denoise_dae_better": (
            "같은 손상된 시험 숫자에서 깨끗한 숫자와의 MSE: 잡음을 그대로 두면 "
            "**{identity}**, 일반 오토인코더 **{plain}**, 잡음 제거 오토인코더 **{dae}**: "
            "손상된 입력으로 학습한 쪽이 잡음을 더 잘 지웁니다."
        ),
        "denoise_plain_better": (
            "같은 손상된 시험 숫자에서 깨끗한 숫자와의 MSE: 잡음을 그대로 두면 "
            "**{identity}**, 일반 오토인코더 **{plain}**, 잡음 제거 오토인코더 **{dae}**: "
            "여기서는 잡음 제거 오토인코더가 일반 오토인코더보다 낫지 않습니다."
        ),
        "row_noisy": "손상된 입력",
        "row_dae": "잡음 제거 AE",
        "row_plain": "일반 AE",
        "row_clean": "깨끗한 목표",
        "denoise_title": "손상된 시험 숫자를 두 오토인코더에 통과시킨 결과",
        "denoise_caption": (
            "두 오토인코더는 같은 손상된 숫자를 봅니다. 손상된 입력으로 학습한 것은 잡음 제거 "
            "오토인코더뿐입니다(에포크마다 새로 손상)."
        ),
        "pre_helps": (
            "레이블 **{labels}**개, 시드 {seeds}개 평균 시험 정확도: 사전 학습 **{pre}**, "
            "무작위 초기화 **{rand}**: 사전 학습이 평균 {diff}%p 도움이 됩니다(시드 {seeds}개 중 "
            "{wins}개에서 더 높고 {ties}개에서 같음)."
        ),
        "pre_hurts": (
            "레이블 **{labels}**개, 시드 {seeds}개 평균 시험 정확도: 사전 학습 **{pre}**, "
            "무작위 초기화 **{rand}**: 여기서는 사전 학습이 도움이 되지 않고 평균 {diff}%p "
            "낮습니다(시드 {seeds}개 중 {wins}개에서 더 높고 {ties}개에서 같음)."
        ),
        "pre_same": (
            "레이블 **{labels}**개, 시드 {seeds}개 평균 시험 정확도: 사전 학습 **{pre}**, "
            "무작위 초기화 **{rand}**: 평균으로는 차이가 없습니다(시드 {seeds}개 중 {wins}개에서 "
            "더 높고 {ties}개에서 같음)."
        ),
        "pre_range": "시드별로 보면 (사전 학습 − 무작위) 차이는 {lo}%p에서 {hi}%p 사이입니다.",
        "label_sweep": "모든 레이블 수 비교하기 (20–500)",
        "label_sweep_help": (
            "위 비교를 레이블 20, 50, 100, 200, 500개로 모두 돌립니다(각각 시드 3개; 처음에는 "
            "시간이 걸리고, 그다음부터는 모두가 저장된 결과를 봅니다)."
        ),
        "label_sweep_title": "시드 {seeds}개 평균 시험 정확도 (점: 시드별)",
        "labels_axis": "레이블이 있는 숫자 수 (로그 눈금)",
        "per_seed": "시드별",
        "download_label_sweep": "모든 레이블 수의 정확도 내려받기 (CSV)",
        "sweep_pre_all": "평균으로 보면 보이는 모든 레이블 수({ahead})에서 사전 학습이 앞섭니다.",
        "sweep_pre_none": "평균으로 보면 보이는 어떤 레이블 수({behind})에서도 사전 학습이 앞서지 않습니다.",
        "sweep_pre_mixed": (
            "평균으로 보면 레이블 {ahead}개에서는 사전 학습이 앞서고 {behind}개에서는 앞서지 "
            "않습니다: 이 {n}가지 레이블 수에 걸쳐 한결같은 이득은 아닙니다."
        ),
        "pre_name": "사전 학습한 적층",
        "rand_name": "무작위 초기화",
        "seed_tick": "시드 {s}",
        "mean_tick": "평균",
        "pre_title": "레이블 {labels}개로 미세 조정한 뒤 시험 숫자 297개의 정확도",
        "acc_axis": "시험 정확도",
        "pre_caption": (
            "시드 {seeds}개(시드마다 사전 학습, 레이블 부분집합, 출력층이 따로). 사전 학습: "
            "오토인코더마다 {pre} 에포크, 미세 조정: {ft} 에포크, Adam, 신경망 전체를 학습."
        ),
        "pre_notes": (
            "강의 노트의 방법이 나온 배경: 층별 탐욕적 사전 학습(Hinton & Salakhutdinov 2006; "
            "Bengio 외 2007)은 ReLU, Xavier/He 가중치 초기화, Adam이 나오기 전, 평범한 경사 "
            "하강법으로 학습하던 깊은 시그모이드 신경망을 위해 제안되었습니다. 이 신경망은 작고, "
            "Xavier로 초기화하고 Adam으로 학습합니다: 위 수치는 그 조건에서 잰 결과입니다. "
            "레이블 20개와 500개를 비교해 보세요."
        ),
        "download_pre": "정확도 내려받기 (CSV)",
        "manifold_spiral_ordered": (
            "코드 유닛 하나가 나선을 따라가는 좌표 노릇을 합니다: 코드와 곡선 위 위치 사이의 "
            "순위 상관은 |ρ| = **{rho}**입니다(1 = 순서가 같음). 복원 MSE {mse}."
        ),
        "manifold_spiral_jumps": (
            "여기서는 코드가 나선을 순서대로 따라가지 않습니다: 코드와 곡선 위 위치 사이의 순위 "
            "상관이 |ρ| = **{rho}**에 그칩니다. 복원 MSE {mse}."
        ),
        "manifold_circle": (
            "원에는 끝이 없지만 숫자 하나로는 한 바퀴를 돌 수 없습니다: 디코딩한 곡선은 두 끝이 "
            "**{gap}**만큼 떨어져 있어, 코드가 원을 어딘가에서 끊어야 합니다. 복원 MSE {mse}."
        ),
        "mf_points": "데이터 점 (색 = 코드)",
        "mf_code": "코드 z",
        "mf_curve": "모든 z의 디코더(z)",
        "mf_hover": "코드 z = %{customdata:.3f}",
        "mf_title": "유닛 하나짜리 병목을 지나는 2차원 곡선",
        "mf_caption": (
            "점 {n}개, Adam {epochs} 에포크. 코드는 좌표입니다: 디코더는 코드 값의 직선을 평면 위 "
            "곡선으로 옮기고, 잘 학습된 인코더는 각 점에 그 곡선 위 가장 가까운 점의 코드와 비슷한 값을 "
            "줍니다."
        ),
        "download_manifold": "점과 코드 내려받기 (CSV)",
        "data_note": (
            "데이터: UCI 손글씨 숫자 광학 인식 데이터셋의 시험 세트 8×8 숫자 1,797개"
            "(E. Alpaydin, C. Kaynak, 1998), scikit-learn에 들어 있는 사본. 픽셀 0–16을 0–1로 "
            "바꿨습니다. 훈련 1,500개, 시험 297개로 나눕니다."
        ),
        "step.ae": "오토인코더: 출력 = 입력",
        "step_text.ae": (
            "강의 노트: 오토인코더는 입력을 그대로 목표로 삼아 학습하고, 앞부분을 인코더, 뒷부분을 "
            "디코더라고 부릅니다. 여기서는 64픽셀이 k = {k}개의 숫자({ratio}배 적음)로 된 코드를 "
            "거쳐 다시 돌아옵니다. 오토인코더의 줄을 PCA의 줄과 비교해 보세요."
        ),
        "step.bottleneck": "코드를 얼마나 줄일 수 있을까",
        "step_text.bottleneck": (
            "k = {ks}마다 오토인코더를 따로 학습했습니다. 코드가 넓어질수록 시험 오차가 어떻게 "
            "변하는지, 크기마다 가장 좋은 선형 코드인 PCA의 선과 비교해 어디에 있는지 보세요."
        ),
        "step.features": "특징으로서의 코드",
        "step_text.features": (
            "강의 노트: 자기 자신을 잘 복원하는 모델이라면 압축된 코드는 특징(feature)으로서 "
            "의미가 있을 것입니다. k = 2이면 숫자 하나가 점 하나가 됩니다. 같은 숫자끼리 "
            "모이는지 오토인코더의 평면과 PCA의 평면에서 보세요."
        ),
        "step.stacked": "적층 오토인코더: 사전 학습 후 미세 조정",
        "step_text.stacked": (
            "강의 노트의 순서: 입력으로 AE1을 학습하고, AE1의 코드로 AE2를 학습한 뒤, 두 인코더를 "
            "쌓고 softmax 출력층을 얹어 전체 신경망을 미세 조정(fine-tuning)합니다. 여기서는 "
            "레이블 {labels}개로, 무작위 가중치에서 시작한 같은 신경망과 시드 {seeds}개에 걸쳐 "
            "비교합니다."
        ),
        "step.few_labels": "레이블이 아주 적을 때의 사전 학습",
        "step_text.few_labels": (
            "같은 비교를 레이블 {labels}개만으로 합니다(사전 학습은 여전히 학습 이미지 "
            "{n_train}개 전체를 레이블 없이 봅니다). 레이블 {base}개일 때보다 사전 학습의 덕을 "
            "더 보나요, 덜 보나요?"
        ),
        "step.denoise": "잡음 제거 오토인코더",
        "step_text.denoise": (
            "강의 노트: 입력은 x + 잡음, 목표는 x로 두어 어떤 입력이 와도 강건한 특징을 얻으려는 "
            "것입니다. 학습 입력은 픽셀마다 σ = {level}인 가우시안 잡음을 더한 것입니다. 같은 "
            "잡음 섞인 숫자에서 잡음 제거 신경망의 줄과 보통 오토인코더의 줄을 비교해 보세요."
        ),
        "step.masking": "다른 손상: 마스킹",
        "step_text.masking": (
            "이번에는 학습 픽셀 하나하나를 확률 {pct}로 0으로 지웁니다. 신경망은 보이지 않는 "
            "획을 채워 넣어야 합니다."
        ),
        "step.manifold": "노트 너머: 숫자 하나짜리 코드",
        "step_text.manifold": (
            "나선을 따라 놓인 점들을 유닛 하나짜리 병목에 통과시킵니다. 색이 코드이고 선이 "
            "디코더입니다. 숫자 하나로 점이 곡선 위 어디에 있는지 말할 수 있을까요?"
        ),
    },
)
