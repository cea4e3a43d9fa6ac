"""Space-warping page text, English and Korean (keys shared; see ui.i18n)."""

from ui.i18n import Strings

T = Strings(
    "space_warp",
    en={
        "title": "Space warping",
        "intro": (
            "A hidden layer computes **h = g(Wx + b)**. The affine map Wx + b only rotates, "
            "stretches, shears and shifts the plane (straight grid lines stay straight); ReLU then "
            "sets every negative coordinate to 0, pressing quadrants II–IV flat onto the axes "
            "(|x| instead folds the plane, laying the negative side onto the positive one). Watch "
            "the grid: classes that no line separates in x can end up on opposite sides of a line "
            "in h, and that line, pulled back to x, is the network's bent decision boundary."
        ),
        "mode": "Mode",
        "mode.manual": "Manual: one layer by hand",
        "mode.trained": "Trained network",
        "mode.regions": "Linear regions",
        "data_header": "Data",
        "dataset": "Data set",
        "data.xor": "XOR",
        "data.circles": "Circles",
        "data.moons": "Two moons",
        "data.spirals": "Two spirals",
        "data.gaussians": "Two Gaussians",
        "data.linear": "Linearly separable",
        "data.spirals3": "Three spirals",
        "data.blobs4": "Four blobs",
        "n": "Points",
        "noise": "Noise (σ)",
        "seed": "Seed",
        "net_header": "Network (trained & regions modes)",
        "depth": "Hidden layers",
        "width": "Units per hidden layer",
        "tact": "Hidden activation",
        "neck": "Last hidden layer: 2 units",
        "neck_help": (
            "A 2-unit last hidden layer is drawn as it is, so the output layer's decision boundary "
            "appears there as a straight line. Off: every hidden layer has the width above."
        ),
        "epochs": "Epochs",
        "lr": "Learning rate (Adam)",
        "act": "Activation g",
        "act.relu": "ReLU",
        "act.leaky_relu": "Leaky ReLU (slope 0.01)",
        "act.tanh": "tanh",
        "act.linear": "Linear (identity)",
        "act.abs": "Absolute value |x|",
        "g.relu": "ReLU",
        "g.leaky_relu": "Leaky ReLU",
        "g.tanh": "tanh",
        "g.linear": "id",
        "g.abs": "abs",
        "layer1": "Layer 1:  z = W x + b",
        "layer2": "Layer 2:  z′ = W′ h + b′",
        "two_layers": "Second layer",
        "two_help": "Add a second 2×2 layer z′ = W′h + b′, h′ = g(z′).",
        "presets": "Presets",
        "preset_help": "Set W and b (and the second layer) to a ready-made example.",
        "preset.identity": "Identity",
        "preset.identity.help": "W = I, b = 0: only the activation acts.",
        "preset.rotate": "Rotate 45°",
        "preset.rotate.help": "A rotation: straight lines stay straight, distances are kept.",
        "preset.shear": "Shear + shift",
        "preset.shear.help": "A shear and a shift: the grid leans, parallel lines stay parallel.",
        "preset.squash": "Rank one",
        "preset.squash.help": (
            "det W = 0: the plane collapses onto a line; no activation can undo that."
        ),
        "preset.xor_fail": "XOR, 2 units: 1 layer (|x₁+x₂| only)",
        "preset.xor_fail.help": (
            "One layer of 2 ReLU units: h = (ReLU(x₁+x₂), ReLU(−x₁−x₂)) keeps x₁+x₂ (its "
            "positive and negative parts) and loses x₁−x₂: the output can use only |x₁+x₂|, "
            "which gets many points right (the note gives the accuracy) but not all."
        ),
        "preset.xor_fold": "XOR, 2 units per layer: 2 layers",
        "preset.xor_fold.help": (
            "Two layers of 2 ReLU units: layer 1 sends quadrant III to the origin and II, IV "
            "onto the axes; layer 2 sends quadrant I to the origin too, all but a thin wedge "
            "along each axis (where one coordinate is below 1/20 of the other)."
        ),
        "xor_note": (
            "**With 2 units per layer.** On these points a linear classifier reaches {raw:.1%} "
            "in x, {one:.1%} after one layer of 2 ReLU units and {two:.1%} after two such layers. "
            "One hidden layer is not the limit: the lecture's 2-2-1 network solves the "
            "four-corner XOR, and one layer of 4 ReLU units, h = ReLU(±(x₁+x₂), ±(x₁−x₂)), "
            "reaches {four:.1%} here, since |x₁+x₂| − |x₁−x₂| has the sign of x₁·x₂."
        ),
        "stage_x": "1. input x",
        "stage_z": "2. z = Wx + b",
        "stage_h": "3. h = {g}(z)",
        "stage_z2": "4. z′ = W′h + b′",
        "stage_h2": "5. h′ = {g}(z′)",
        "stages_caption": (
            "Blue/orange lines are the horizontal/vertical grid lines of the input square, "
            "carried through every stage with the points. Shading: a linear classifier "
            "(logistic regression) fitted on the last h, drawn in h as a straight line and in x "
            "as its pre-image."
        ),
        "axes_note": "Black axes in the z panels: where {g} bends the plane (its kink at 0).",
        "below_views": "Below the stages",
        "tab.sep": "Separability",
        "tab.morph": "Morph animation",
        "morph_caption": (
            "Press ▶ Play (or drag the stage slider): the browser slides every point and grid "
            "line from one stage to the next; nothing is recomputed."
        ),
        "play": "Play",
        "pause": "Pause",
        "stage_prefix": "stage: ",
        "sep_header": "Separability: a linear classifier on each representation",
        "col.space": "space",
        "col.dims": "dims",
        "col.acc": "linear accuracy",
        "sep_caption": (
            "Training accuracy of logistic regression (a linear classifier, fitted by Newton's "
            "method) on the points of each space. 100% means a straight line (hyperplane) "
            "separates the classes in that space."
        ),
        "net_acc": "network's own accuracy",
        "space_x": "input x",
        "space_h": "h{l} ({g})",
        "view": "Show a layer wider than 2 as",
        "view.pca": "PCA (top 2 directions)",
        "view.units": "two chosen units",
        "unit_a": "Unit on the horizontal axis",
        "unit_b": "Unit on the vertical axis",
        "epoch": "Training snapshot (no retraining)",
        "epoch_fmt": "epoch {e}",
        "input_title": "input x (boundary = pre-image)",
        "layer_title": "h{l}: {how}",
        "how_direct": "2 units",
        "unit": "unit {i}",
        "pc": "PC {i}",
        "how_pca": "PCA of {k} units ({v:.0%} var.)",
        "how_units": "units {a} & {b} of {k}",
        "trained_caption": (
            "Each panel is one hidden layer's output for the same points, with the input grid "
            "carried along. The output layer is linear, so in the last hidden space the decision "
            "boundary is a straight line (drawn when that layer has 2 units); its pre-image is "
            "the bent boundary in the input panel."
        ),
        "hyperplane_note": (
            "The last hidden layer has {k} units: its decision boundary is a hyperplane in {k} "
            "dimensions, so it is shown only through the shading of the input plane."
        ),
        "train_stats": "Epoch {e}: training accuracy {a:.1%}, loss {l:.3f}.",
        "training": "Training the network…",
        "training_progress": "Training: epoch {e} of {n}",
        "live_title": "Input space at epoch {e}",
        "counting": "Counting linear regions…",
        "counting_dw": "Counting the regions of deeper and wider nets…",
        "regions_title": "<b>{c}</b> linear regions at epoch {e}",
        "regions_caption": (
            "Each colour is one activation pattern: the set of inputs for which exactly the same "
            "hidden units are on. Inside one region the whole network is a single affine map, so "
            "here it is a patchwork of {c} flat pieces. The count is exact (the square is cut "
            "along every unit's kink line); the {res}×{res} picture shows {shown} of them, since a "
            "region thinner than a pixel can fall between its pixels."
        ),
        "regions_smooth": (
            "tanh is smooth: it has no on/off pattern and no linear regions, so nothing is "
            "trained for this view. Choose ReLU or Leaky ReLU under Network to see the regions."
        ),
        "region_hover": "region %{customdata}",
        "dw_header": "Deeper vs wider: same number of hidden units",
        "total": "Total hidden units",
        "dw.random": "random weights (mean, min–max of 5 nets)",
        "dw.built": "hand-built folds (sawtooth)",
        "dw.shallow": "most one layer can make",
        "dw.xaxis": "hidden layers × units per layer",
        "dw.yaxis": "linear regions in [−1.5, 1.5]²",
        "dw.title": "Linear regions vs depth",
        "dw_intro": (
            "Regions counted exactly in the square [−1.5, 1.5]² for {total} ReLU units arranged "
            "deeper or wider; one layer of {total} units cuts the plane into at most {shallow} "
            "pieces (1 + n + n(n−1)/2)."
        ),
        "dw_built_beats": (
            "Hand-built folds (every layer folds the x₁-axis into w teeth: w^depth regions) reach "
            "{built_best} with {built_shape}, more than the {shallow} one layer of the same units "
            "can make at most ({built_ratio:.2f}×)."
        ),
        "dw_built_below": (
            "Hand-built folds (every layer folds the x₁-axis into w teeth: w^depth regions) reach "
            "at most {built_best} ({built_shape}): with only {total} units, depth does not beat "
            "the one-layer maximum of {shallow}."
        ),
        "dw_random_falls": (
            "Random nets at initialization (He weights, random biases) do not use depth that way: "
            "their mean count goes from {rand_first:.0f} with {rand_first_shape} down to "
            "{rand_last:.0f} with {rand_last_shape}."
        ),
        "dw_random_flat": (
            "Random nets at initialization (He weights, random biases): their mean count goes "
            "from {rand_first:.0f} with {rand_first_shape} to {rand_last:.0f} with "
            "{rand_last_shape}."
        ),
        "dw_notes": (
            "At initialization the average number of regions is bounded in terms of the number "
            "of neurons, whatever the depth (Hanin & Rolnick, 2019): depth does not make it grow "
            "exponentially, and the random nets' mean counts above stay at or below the "
            "one-layer maximum. The lecture's \"linear regions grow exponentially "
            "with depth\" is about the most a deep network *can* make (Montúfar et al., 2014), "
            "which the hand-built folds show; training decides how much of it a network uses."
        ),
        "name.boundary": "decision boundary",
        "name.grid_h": "grid: horizontal lines",
        "name.grid_v": "grid: vertical lines",
        "name.line": "linear classifier",
        "download": "Download the transformed points (CSV)",
        "download_regions": ("Download the points with their region id (CSV; −1 = not on the map)"),
        "download_counts": "Download the region counts (CSV)",
        "nonfinite": (
            "Some transformed values are not finite numbers (overflow), so the charts are hidden. "
            "Make the weights or the learning rate smaller."
        ),
        "diverged": (
            "Training diverged in epoch {epoch}: the loss or the weights became non-finite or "
            "exploded. The snapshots shown stop at the last good epoch."
        ),
        # Lecture steps (lecture mode)
        "step.relu_fold": "ReLU folds the plane",
        "step.relu_fold.text": (
            "With W = I and b = 0 only ReLU acts: every point with a negative coordinate is "
            "pushed onto an axis, and the whole third quadrant lands on the origin. Follow the "
            "grid lines from x to h."
        ),
        "step.linear_map": "A linear layer: z = Wx + b",
        "step.linear_map.text": (
            "A shear and a shift, no activation: the grid leans, but lines stay straight and "
            "parallel. A linear map cannot make XOR separable: the separability table shows the "
            "same accuracy for x and z."
        ),
        "step.xor_fail": "XOR with one layer of 2 ReLU units",
        "step.xor_fail.text": (
            "z₁ = x₁ + x₂ and z₂ = −x₁ − x₂ keep only x₁ + x₂, and ReLU folds it: the best "
            "line gets {one} of the points right (in x: {raw}), not all of them."
        ),
        "step.xor_fold": "A second layer folds again",
        "step.xor_fold.text": (
            "Two layers of 2 ReLU units: the first sends quadrant III to the origin and II, IV "
            "onto the axes; the second folds quadrant I onto the origin too (but for a thin "
            "wedge along the axes). The best line now gets {two} of the points right."
        ),
        "step.trained": "A trained network warps the space itself",
        "step.trained.text": (
            "Two leaky-ReLU layers trained on XOR: each panel is one hidden layer's picture of "
            "the points and the grid. In the last layer (2 units) a straight line separates "
            "almost every point. Move the epoch slider to watch the warp form."
        ),
        "step.spirals": "Two spirals: more layers, more folds",
        "step.spirals.text": (
            "Four layers of 8 units on two spirals. Read the separability table from the top: "
            "a line separates the points better after each of the first two layers, and "
            "almost perfectly in the last one."
        ),
        "step.regions": "Linear regions of a ReLU network",
        "step.regions.text": (
            "Where every unit's on/off pattern stays the same, a ReLU network is one linear map. "
            "The map paints these regions and its title gives their exact count at the epoch "
            "shown."
        ),
        "step.depth_width": "Deeper or wider?",
        "step.depth_width.text": (
            "24 hidden units as one wide layer or as several narrow ones: the chart counts the "
            "regions of random networks and of hand-built folds, and the caption under it reads "
            "the numbers."
        ),
    },
    ko={
        "title": "공간 왜곡",
        "intro": (
            "은닉층(hidden layer)은 다음을 계산합니다: **h = g(Wx + b)**. 아핀 변환 Wx + b는 평면을 "
            "회전하고 늘이고 기울이고 옮길 뿐이며(곧은 격자선은 곧게 남습니다), 그다음 ReLU가 "
            "음수 좌표를 모두 0으로 바꿔 2·3·4사분면을 축 위로 납작하게 누릅니다(|x|는 이와 달리 "
            "평면을 접어 음수 쪽을 양수 쪽에 포갭니다). 격자를 보세요: x에서는 어떤 직선으로도 "
            "나눌 수 없던 클래스가 h에서는 한 직선의 양쪽에 놓일 수 있고, 그 직선을 x로 되돌리면 "
            "신경망의 굽은 결정 경계(decision boundary)가 됩니다."
        ),
        "mode": "모드",
        "mode.manual": "직접 설정: 층 하나를 손으로",
        "mode.trained": "학습한 신경망",
        "mode.regions": "선형 영역",
        "data_header": "데이터",
        "dataset": "데이터셋",
        "data.xor": "XOR",
        "data.circles": "동심원",
        "data.moons": "두 개의 반달",
        "data.spirals": "두 개의 나선",
        "data.gaussians": "두 개의 가우시안",
        "data.linear": "선형 분리 가능",
        "data.spirals3": "세 개의 나선",
        "data.blobs4": "네 개의 덩어리",
        "n": "점 개수",
        "noise": "잡음 (σ)",
        "seed": "시드",
        "net_header": "신경망 (학습·선형 영역 모드)",
        "depth": "은닉층 수",
        "width": "은닉층당 유닛 수",
        "tact": "은닉층 활성화 함수",
        "neck": "마지막 은닉층: 유닛 2개",
        "neck_help": (
            "마지막 은닉층이 유닛 2개이면 그대로 그릴 수 있어, 출력층의 결정 경계가 그 평면에서 "
            "직선으로 보입니다. 끄면 모든 은닉층이 위의 너비를 가집니다."
        ),
        "epochs": "에포크",
        "lr": "학습률 (Adam)",
        "act": "활성화 함수(activation function) g",
        "act.relu": "ReLU",
        "act.leaky_relu": "Leaky ReLU (기울기 0.01)",
        "act.tanh": "tanh",
        "act.linear": "선형 (항등 함수)",
        "act.abs": "절댓값 |x|",
        "g.relu": "ReLU",
        "g.leaky_relu": "Leaky ReLU",
        "g.tanh": "tanh",
        "g.linear": "id",
        "g.abs": "abs",
        "layer1": "1층:  z = W x + b",
        "layer2": "2층:  z′ = W′ h + b′",
        "two_layers": "두 번째 층",
        "two_help": "2×2 층을 하나 더 추가합니다: z′ = W′h + b′, h′ = g(z′).",
        "presets": "예제",
        "preset_help": "W와 b(및 두 번째 층)를 미리 만든 예로 설정합니다.",
        "preset.identity": "항등 변환",
        "preset.identity.help": "W = I, b = 0: 활성화 함수만 작용합니다.",
        "preset.rotate": "45° 회전",
        "preset.rotate.help": "회전: 곧은 선은 곧게, 거리는 그대로 유지됩니다.",
        "preset.shear": "기울이기 + 이동",
        "preset.shear.help": "기울이기와 평행이동: 격자가 기울어지고 평행선은 평행하게 남습니다.",
        "preset.squash": "랭크 1",
        "preset.squash.help": (
            "det W = 0: 평면이 직선 하나로 뭉개집니다. 어떤 활성화 함수도 이를 되돌릴 수 없습니다."
        ),
        "preset.xor_fail": "XOR, 유닛 2개: 1층 (|x₁+x₂|만 남음)",
        "preset.xor_fail.help": (
            "ReLU 유닛 2개짜리 층 하나: h = (ReLU(x₁+x₂), ReLU(−x₁−x₂))는 x₁+x₂(양수 부분과 "
            "음수 부분)를 남기고 x₁−x₂를 잃습니다. 출력은 |x₁+x₂|만 쓸 수 있어 많은 점을 "
            "맞히지만(정확도는 아래 안내에 있음) 전부 맞히지는 못합니다."
        ),
        "preset.xor_fold": "XOR, 층마다 유닛 2개: 2층",
        "preset.xor_fold.help": (
            "ReLU 유닛 2개짜리 층 둘: 1층은 3사분면을 원점으로, 2·4사분면을 축 위로 보내고, "
            "2층은 1사분면도 원점으로 보냅니다(한 좌표가 다른 좌표의 1/20보다 작은, 각 축을 따라 "
            "난 얇은 쐐기만 빼고)."
        ),
        "xor_note": (
            "**층마다 유닛 2개일 때.** 이 점들에서 선형 분류기의 정확도는 x에서 {raw:.1%}, ReLU "
            "유닛 2개짜리 층 하나 뒤에 {one:.1%}, 그런 층 두 개 뒤에 {two:.1%}입니다. 은닉층 "
            "하나가 한계는 아닙니다: 강의의 2-2-1 신경망은 네 꼭짓점 XOR을 풀고, ReLU 유닛 4개짜리 "
            "층 하나 h = ReLU(±(x₁+x₂), ±(x₁−x₂))는 여기서 {four:.1%}에 이릅니다. "
            "|x₁+x₂| − |x₁−x₂|의 부호가 x₁·x₂의 부호와 같기 때문입니다."
        ),
        "stage_x": "1. 입력 x",
        "stage_z": "2. z = Wx + b",
        "stage_h": "3. h = {g}(z)",
        "stage_z2": "4. z′ = W′h + b′",
        "stage_h2": "5. h′ = {g}(z′)",
        "stages_caption": (
            "파란/주황 선은 입력 정사각형의 가로/세로 격자선으로, 점들과 함께 모든 단계를 거쳐 "
            "옮겨집니다. 음영: 마지막 h에 맞춘 선형 분류기(로지스틱 회귀)로, h에서는 직선, "
            "x에서는 그 역상으로 그립니다."
        ),
        "axes_note": "z 패널의 검은 축: {g}가 평면을 꺾는 곳(0에서 꺾임)입니다.",
        "below_views": "단계 아래 보기",
        "tab.sep": "선형 분리 가능성",
        "tab.morph": "변형 애니메이션",
        "morph_caption": (
            "▶ 재생을 누르거나 단계 슬라이더를 끌어 보세요: 브라우저가 모든 점과 격자선을 한 "
            "단계에서 다음 단계로 옮깁니다. 아무것도 다시 계산하지 않습니다."
        ),
        "play": "재생",
        "pause": "일시정지",
        "stage_prefix": "단계: ",
        "sep_header": "선형 분리 가능성: 각 표현 위의 선형 분류기",
        "col.space": "공간",
        "col.dims": "차원",
        "col.acc": "선형 분류 정확도",
        "sep_caption": (
            "각 공간의 점들에 로지스틱 회귀(선형 분류기, 뉴턴 방법으로 맞춤)를 적용한 학습 "
            "정확도입니다. 100%이면 그 공간에서 직선(초평면) 하나가 클래스를 나눕니다."
        ),
        "net_acc": "신경망 자체의 정확도",
        "space_x": "입력 x",
        "space_h": "h{l} ({g})",
        "view": "너비가 2보다 큰 층을 보여 줄 방법",
        "view.pca": "PCA (주성분 2개)",
        "view.units": "고른 유닛 두 개",
        "unit_a": "가로축 유닛",
        "unit_b": "세로축 유닛",
        "epoch": "학습 중간 상태 (다시 학습하지 않음)",
        "epoch_fmt": "에포크 {e}",
        "input_title": "입력 x (경계 = 역상)",
        "layer_title": "h{l}: {how}",
        "how_direct": "유닛 2개",
        "unit": "유닛 {i}",
        "pc": "주성분 {i}",
        "how_pca": "유닛 {k}개의 PCA (분산 {v:.0%})",
        "how_units": "유닛 {k}개 중 {a}, {b}",
        "trained_caption": (
            "각 패널은 같은 점들에 대한 은닉층 하나의 출력이며, 입력 격자도 함께 옮겨집니다. "
            "출력층은 선형이므로 마지막 은닉 공간에서 결정 경계는 직선이고(그 층이 유닛 2개일 때 "
            "그립니다), 그 역상이 입력 패널의 굽은 경계입니다."
        ),
        "hyperplane_note": (
            "마지막 은닉층의 유닛이 {k}개입니다: 결정 경계는 {k}차원의 초평면이라 입력 평면의 "
            "음영으로만 보여 줍니다."
        ),
        "train_stats": "에포크 {e}: 훈련 정확도 {a:.1%}, 손실(loss) {l:.3f}.",
        "training": "신경망을 학습하는 중…",
        "training_progress": "학습 중: {n} 에포크 중 {e} 에포크",
        "live_title": "입력 공간 (에포크 {e})",
        "counting": "선형 영역을 세는 중…",
        "counting_dw": "더 깊은 신경망과 더 넓은 신경망의 영역을 세는 중…",
        "regions_title": "에포크 {e}의 선형 영역 <b>{c}</b>개",
        "regions_caption": (
            "색 하나가 활성화 패턴 하나입니다: 정확히 같은 은닉 유닛들이 켜지는 입력의 집합입니다. "
            "한 영역 안에서 신경망 전체는 아핀 변환 하나이므로, 여기서 신경망은 평평한 조각 "
            "{c}개를 이어 붙인 것입니다. 이 개수는 정확한 값이고(모든 유닛이 꺾이는 직선으로 "
            "정사각형을 자름), {res}×{res} 그림에는 그중 {shown}개가 보입니다. 픽셀보다 얇은 "
            "영역은 픽셀 사이로 빠질 수 있기 때문입니다."
        ),
        "regions_smooth": (
            "tanh는 매끄러운 함수라 켜짐/꺼짐 패턴도 선형 영역도 없으므로, 이 보기를 위해 "
            "학습하지 않습니다. 영역을 보려면 신경망 설정에서 ReLU나 Leaky ReLU를 고르세요."
        ),
        "region_hover": "영역 %{customdata}",
        "dw_header": "깊게 vs 넓게: 은닉 유닛 수는 같게",
        "total": "은닉 유닛 총수",
        "dw.random": "무작위 가중치 (신경망 5개의 평균, 최소–최대)",
        "dw.built": "손으로 만든 접기 (톱니)",
        "dw.shallow": "층 하나로 만들 수 있는 최대",
        "dw.xaxis": "은닉층 수 × 층당 유닛 수",
        "dw.yaxis": "[−1.5, 1.5]²의 선형 영역 수",
        "dw.title": "깊이에 따른 선형 영역 수",
        "dw_intro": (
            "ReLU 유닛 {total}개를 깊게 또는 넓게 배치하고 정사각형 [−1.5, 1.5]²의 영역을 정확히 "
            "셌습니다. 유닛 {total}개짜리 층 하나는 평면을 많아야 {shallow}조각으로 나눕니다"
            "(1 + n + n(n−1)/2)."
        ),
        "dw_built_beats": (
            "손으로 만든 접기(층마다 x₁축을 톱니 w개로 접음: w^깊이 개의 영역)는 {built_shape}에서 "
            "{built_best}개에 이르러, 같은 유닛으로 층 하나가 만들 수 있는 최대 {shallow}개보다 "
            "많습니다({built_ratio:.2f}배)."
        ),
        "dw_built_below": (
            "손으로 만든 접기(층마다 x₁축을 톱니 w개로 접음: w^깊이 개의 영역)도 많아야 "
            "{built_best}개({built_shape})입니다: 유닛이 {total}개뿐이면 깊이가 층 하나의 최대 "
            "{shallow}개를 넘지 못합니다."
        ),
        "dw_random_falls": (
            "가중치 초기화(weight initialization) 직후의 무작위 신경망(He 가중치, 무작위 편향)은 "
            "깊이를 그렇게 쓰지 "
            "못합니다: 평균 영역 수가 {rand_first_shape}의 {rand_first:.0f}개에서 "
            "{rand_last_shape}의 {rand_last:.0f}개로 줄어듭니다."
        ),
        "dw_random_flat": (
            "가중치 초기화(weight initialization) 직후의 무작위 신경망(He 가중치, 무작위 편향): "
            "평균 영역 수가 "
            "{rand_first_shape}의 {rand_first:.0f}개에서 {rand_last_shape}의 {rand_last:.0f}개가 "
            "됩니다."
        ),
        "dw_notes": (
            "초기화 직후 평균 영역 수는 깊이와 상관없이 뉴런 수로 정해지는 한계를 넘지 못합니다"
            "(Hanin & Rolnick, 2019): 깊이가 영역 수를 지수적으로 늘리지 않으며, 위의 무작위 "
            "신경망 평균 영역 수도 층 하나의 최대를 넘지 않습니다. 강의 노트의 \"선형 영역의 수가 깊이에 지수적으로 증가한다\"는 깊은 신경망이 "
            "만들 *수 있는* 최대에 관한 말이며(Montúfar et al., 2014), 손으로 만든 접기가 이를 "
            "보여 줍니다. 신경망이 그중 얼마를 쓰는지는 학습이 정합니다."
        ),
        "name.boundary": "결정 경계",
        "name.grid_h": "격자: 가로선",
        "name.grid_v": "격자: 세로선",
        "name.line": "선형 분류기",
        "download": "변환된 점 내려받기 (CSV)",
        "download_regions": "점과 영역 번호 내려받기 (CSV; −1 = 지도에 없음)",
        "download_counts": "영역 수 내려받기 (CSV)",
        "nonfinite": (
            "변환된 값 가운데 유한하지 않은 수(오버플로)가 있어 차트를 숨겼습니다. 가중치나 "
            "학습률을 줄이세요."
        ),
        "diverged": (
            "에포크 {epoch}에서 학습이 발산했습니다: 손실이나 가중치가 유한하지 않게 되었거나 "
            "폭발했습니다. 보이는 중간 상태는 마지막으로 정상이던 에포크까지입니다."
        ),
        # 강의 단계 (강의 모드)
        "step.relu_fold": "ReLU가 평면을 접는다",
        "step.relu_fold.text": (
            "W = I, b = 0이면 ReLU만 작용합니다. 좌표 하나라도 음수인 점은 축 위로 밀려나고, "
            "제3사분면 전체는 원점으로 모입니다. x에서 h까지 격자선이 어떻게 바뀌는지 따라가 "
            "보세요."
        ),
        "step.linear_map": "선형 층: z = Wx + b",
        "step.linear_map.text": (
            "활성화 함수 없이 기울이기와 평행이동만 합니다. 격자는 기울어지지만 선은 곧고 평행하게 "
            "남습니다. 선형 변환으로는 XOR을 분리할 수 없어서, 분리 가능성 표에서 x와 z의 정확도가 "
            "같습니다."
        ),
        "step.xor_fail": "ReLU 유닛 2개짜리 층 하나로 XOR",
        "step.xor_fail.text": (
            "z₁ = x₁ + x₂, z₂ = −x₁ − x₂는 x₁ + x₂만 남기고, ReLU가 이를 접습니다. 가장 좋은 "
            "직선이 점의 {one}를 맞히지만(x에서는 {raw}) 전부는 아닙니다."
        ),
        "step.xor_fold": "두 번째 층이 한 번 더 접는다",
        "step.xor_fold.text": (
            "ReLU 유닛 2개짜리 층 두 개: 첫 층은 제3사분면을 원점으로, 제2·4사분면을 축 위로 "
            "보내고, 둘째 층은 제1사분면도 (축을 따라 난 좁은 쐐기를 빼고) 원점으로 접습니다. "
            "이제 가장 좋은 직선이 점의 {two}를 맞힙니다."
        ),
        "step.trained": "학습한 신경망이 스스로 공간을 휜다",
        "step.trained.text": (
            "XOR에 leaky ReLU 층 두 개를 학습했습니다. 패널마다 은닉층 하나가 본 점과 격자입니다. "
            "마지막 층(유닛 2개)에서는 직선 하나가 거의 모든 점을 가릅니다. 에포크 슬라이더로 "
            "공간이 휘어 가는 과정을 보세요."
        ),
        "step.spirals": "두 나선: 층이 많을수록 더 많이 접는다",
        "step.spirals.text": (
            "두 나선에 8개 유닛 층 네 개를 학습했습니다. 분리 가능성 표를 위에서부터 읽어 보세요. "
            "앞의 두 층을 지날 때마다 직선이 점을 더 잘 가르고, 마지막 층에서는 거의 완벽하게 "
            "가릅니다."
        ),
        "step.regions": "ReLU 신경망의 선형 영역",
        "step.regions.text": (
            "모든 유닛의 켜짐/꺼짐 패턴이 같은 곳에서 ReLU 신경망은 하나의 선형 변환입니다. 지도는 "
            "이런 영역을 칠하고, 제목은 보여 주는 에포크에서 영역의 정확한 개수를 알려 줍니다."
        ),
        "step.depth_width": "더 깊게, 아니면 더 넓게?",
        "step.depth_width.text": (
            "은닉 유닛 24개를 넓은 층 하나로, 또는 좁은 층 여러 개로 배치합니다. 차트는 무작위 "
            "신경망과 손으로 만든 접기 신경망의 영역 수를 세고, 아래 설명이 그 숫자를 읽어 줍니다."
        ),
    },
)
