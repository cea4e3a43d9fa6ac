"""Text of the Activations-and-vanishing-gradients page (labs/activations.py), English and
Korean."""

from ui.i18n import Strings

T = Strings(
    "activations",
    en={
        "title": "Activations and vanishing gradients",
        "intro": (
            "Compare activation functions and their derivatives side by side, see why a network "
            "without a non-linearity is just one linear layer, and follow the gradient down a "
            "deep stack: every layer multiplies it by a local derivative times a weight, so "
            "sigmoid's factor of at most 1/4 makes it vanish like 0.25^d while ReLU with He's "
            "weights keeps it."
        ),
        "presets": "Lecture presets",
        "preset.sigmoid_vs_relu": "sigmoid vs tanh vs ReLU",
        "preset.tanh_identity": "tanh(x) = 2σ(2x) − 1",
        "preset.relu_family": "ReLU, leaky ReLU, ELU, maxout",
        "preset.vanish": "Vanishing gradient: 0.25^d",
        "preset.he": "ReLU needs He's weights",
        "preset.sigmoid_vs_relu.text": (
            "The lecture's three activations. On the right, where is each derivative largest, "
            "and where is it (almost) 0? The shaded bands mark saturation (the output within 1% "
            "of its range from a bound) and ReLU's zero-gradient side."
        ),
        "preset.tanh_identity.text": (
            "The notes write tanh(x) = 2 × sigmoid(x) − 1. The identity holds with 2x inside: "
            "tanh(x) = 2σ(2x) − 1. Both versions are drawn over tanh; the caption gives the "
            "largest gap of each."
        ),
        "preset.relu_family.text": (
            "ReLU's gradient is exactly 0 for x < 0 (a unit that stays there is dead); leaky "
            "ReLU keeps a slope of 0.01 there, ELU a smooth tail, and a maxout unit takes the "
            "larger of two lines (here x and −0.5x), so it learns its own shape."
        ),
        "preset.vanish.text": (
            "Lecture: “the gradient gets smaller and smaller during backpropagation”. With "
            "weights n·Var(W) = 1 and pre-activations near 0, each sigmoid layer multiplies the "
            "gradient by at most 0.25: after 10 layers that is 0.25¹⁰ ≈ 1e-6."
        ),
        "preset.he.text": (
            "Lecture: ReLU's derivative is 0 or 1, so it “mitigates” the vanishing gradient. "
            "But half of the units pass 0: with n·Var(W) = 1 (Xavier) the factor is √½ ≈ 0.71 per "
            "layer. He's n·Var(W) = 2 makes up for the half and keeps the gradient at 1."
        ),
        "step.linear.title": "Why an activation function?",
        "step.linear.text": (
            "Without one, {depth} linear layers are a single linear layer: the decision boundary "
            "is a straight line. Put {act} between the same layers and the boundary bends."
        ),
        "step.sigmoid.title": "sigmoid",
        "step.sigmoid.text": (
            "sigmoid squashes every number into (0, 1). Its derivative is at most {m}, at x = 0, "
            "and almost 0 in the shaded bands past |x| = {sat}, where the unit saturates."
        ),
        "step.vanish.title": "The vanishing gradient",
        "step.vanish.text": (
            "Backpropagation multiplies the gradient by σ′ at every layer: ×{f} per layer here, "
            "so after {d} layers only {end} of it is left (log scale)."
        ),
        "step.tanh.title": "tanh",
        "step.tanh.text": (
            "tanh is zero-centred and its derivative peaks at {m}, four times sigmoid's. The "
            "identity needs 2x inside: tanh(x) = 2σ(2x) − 1, not 2σ(x) − 1."
        ),
        "step.relu.title": "ReLU",
        "step.relu.text": (
            "ReLU's derivative takes only the values {values}: it never saturates for x > 0, "
            "but for x < 0 a unit passes no gradient at all."
        ),
        "step.relu_family.title": "The ReLU family",
        "step.relu_family.text": (
            "Leaky ReLU keeps a slope of {slope} for x < 0, ELU a smooth negative tail, and a "
            "maxout unit takes the larger of two lines."
        ),
        "step.he.title": "ReLU needs He's weights",
        "step.he.text": (
            "Half of ReLU's units pass 0, so with n·Var(W) = 1 the gradient shrinks ×{fx} per "
            "layer. He's n·Var(W) = 2 gives ×{f}: a random net {width} wide keeps {meas} of it "
            "after {d} layers."
        ),
        "curves": "Activation functions and their derivatives",
        "acts": "Activations",
        "range": "x range ± ",
        "identity": "Show tanh(x) = 2σ(2x) − 1 and the notes' 2σ(x) − 1",
        "f_title": "f(x)",
        "df_title": "f′(x): the local gradient",
        "x": "x",
        "f_y": "f(x)",
        "df_y": "f′(x)",
        "saturated": "{act}: saturated",
        "dead": "{act}: f′ = 0",
        "right_id": "2σ(2x) − 1",
        "notes_id": "2σ(x) − 1 (notes)",
        "max_marker": "max f′",
        "identity_text": (
            "On |x| ≤ {r}: |tanh(x) − (2σ(2x) − 1)| ≤ {err_right} (rounding only), while the "
            "notes' 2σ(x) − 1 = tanh(x/2) is off by up to {err_notes} (at x = ±{x_notes})."
        ),
        "facts_title": "Marked facts (computed on the range shown)",
        "col.act": "activation",
        "col.df0": "f′(0)",
        "col.max": "max f′",
        "col.min": "min f′",
        "col.values": "values of f′",
        "col.sat": "saturated for |x| ≥",
        "col.dfsat": "f′ there",
        "dash": "—",
        "fact.sigmoid": (
            "sigmoid′ ≤ **{m}**, reached at x = 0 (the notes' “σ(x) ≤ 1/4” means σ′). Past "
            "|x| = {sat} the output is within 1% of 0 or 1 and σ′ is only {dsat}."
        ),
        "fact.tanh": (
            "tanh′ ≤ **{m}** (at x = 0), four times sigmoid′'s peak; past |x| = {sat} tanh "
            "saturates and tanh′ = {dsat}."
        ),
        "fact.relu": (
            "ReLU′ takes only the values **{values}**: 1 for x > 0, and exactly 0 on the whole "
            "negative side (shaded), where a unit passes no gradient at all."
        ),
        "fact.leaky_relu": "Leaky ReLU′ is **{slope}** for x < 0 instead of 0, and 1 for x > 0.",
        "fact.maxout": (
            "This maxout unit max(x, −0.5x) has slope {values}: a piecewise-linear shape that "
            "the unit learns."
        ),
        "dl_curves": "Download the curves (CSV)",
        "linear": "Without a non-linearity, depth adds nothing",
        "linear_text": (
            "A stack 2 → {width} → … → 1 of {depth} linear layers with random weights and "
            "biases is the single layer W = W1·W2·…·W{depth} = ({w1}, {w2}), b = {b}: over "
            "{n} test points its output differs from x·W + b by at most {err}. Its decision "
            "line (black dots) is that one line (dashed). The same weights with {act} between the "
            "layers are no longer affine (the best plane misses the output by {dev} of its "
            "range), so their boundary (orange dots) can bend."
        ),
        "lin_offview": "With {act}, the output keeps one sign over this whole view: no orange "
        "boundary here (try another seed).",
        "lin_depth": "Linear layers",
        "lin_width": "Width",
        "lin_seed": "Seed",
        "lin_act": "Compare with",
        "lin_title": "Decision boundary: deep linear stack vs one layer vs a non-linearity",
        "lin_deep": "{depth} linear layers",
        "lin_one": "one layer W, b",
        "lin_nonlin": "same weights + {act}",
        "x1": "x₁",
        "x2": "x₂",
        "dl_linear": "Download the layers and the product (JSON)",
        "vanish": "The gradient through depth",
        "vanish_text": (
            "Going down one layer multiplies the gradient by g′(z) and by the weights. In a "
            "wide layer its spread changes by √(n·Var(W) · E[g′(z)²]) per layer, for "
            "pre-activations z ~ N(0, s²). Log scale: a straight falling line is exponential "
            "decay."
        ),
        "depth": "Depth d",
        "s": "Pre-activation std s",
        "gain": "Weight scale n·Var(W)",
        "gain_help": "1 = Xavier/LeCun, 2 = He (for square layers).",
        "measure": "Also measure it on a random network",
        "width": "Width of the random network",
        "seed": "Seed",
        "grad_title": "Gradient std after d layers (relative to the top)",
        "grad_x": "layers passed d",
        "grad_y": "gradient std ratio (log)",
        "bound": "0.25^d (sigmoid's bound)",
        "formula": "{act}: formula",
        "measured": "{act}: measured",
        "factor_line": ("**{act}**: ×{f} per layer → {end} after {d} layers"),
        "measured_line": (
            " · random net ({width} wide, seed {seed}): measured {meas}, the formula with the "
            "net's own pre-activation spread predicts {pred}"
        ),
        "no_measure": " · (maxout: measured in the initialization lab, which draws its pieces)",
        "underflow": "below 1e-300",
        "vanish_notes": (
            "Where the notes are looser than the numbers: they say ReLU's derivative is 0 or 1, "
            "which “mitigates” the vanishing gradient. For a unit that is on, the factor is 1. "
            "Averaged over a layer, half the units are off, so with n·Var(W) = {gain} ReLU's "
            "factor is {relu} per layer; it is 1 only when n·Var(W) = 2 (He)."
        ),
        "vanish_notes_he": (
            "The notes say ReLU's derivative is 0 or 1, which “mitigates” the vanishing "
            "gradient. Averaged over a layer, half the units are off (a factor of √½ ≈ 0.71 per "
            "layer with n·Var(W) = 1); He's n·Var(W) = 2 makes up for exactly that half, so here "
            "ReLU's factor is {relu} per layer."
        ),
        "init_link": "Open the initialization lab: {preset}",
        "dl_vanish": "Download the gradient ratios (CSV)",
        "overflow": "{act}: the random network overflowed at layer {k}; lower n·Var(W).",
        "spinner": "Running the random networks…",
    },
    ko={
        "title": "활성화 함수와 기울기 소실",
        "intro": (
            "활성화 함수(activation function)와 그 미분을 나란히 비교하고, 비선형성이 없는 "
            "신경망이 결국 선형층 하나와 같은 이유를 본 뒤, 깊은 신경망을 따라 기울기가 "
            "내려가는 모습을 봅니다. 층마다 기울기에 국소 미분과 가중치가 곱해지므로, 미분이 "
            "최대 1/4인 sigmoid에서는 0.25^d처럼 기울기 소실(vanishing gradient)이 일어나고 He "
            "초기화를 쓴 ReLU에서는 유지됩니다."
        ),
        "presets": "강의 예제",
        "preset.sigmoid_vs_relu": "sigmoid, tanh, ReLU 비교",
        "preset.tanh_identity": "tanh(x) = 2σ(2x) − 1",
        "preset.relu_family": "ReLU, leaky ReLU, ELU, maxout",
        "preset.vanish": "기울기 소실: 0.25^d",
        "preset.he": "ReLU에는 He 가중치",
        "preset.sigmoid_vs_relu.text": (
            "강의의 세 활성화 함수입니다. 오른쪽 그래프에서 각 미분은 어디서 가장 크고 어디서 "
            "(거의) 0일까요? 음영은 포화(saturation, 출력이 한쪽 끝에서 범위의 1% 안에 있음)와 "
            "ReLU의 기울기 0 구간입니다."
        ),
        "preset.tanh_identity.text": (
            "강의 노트에는 tanh(x) = 2 × sigmoid(x) − 1이라고 적혀 있습니다. 항등식은 안에 2x가 "
            "들어가야 성립합니다: tanh(x) = 2σ(2x) − 1. 두 식을 모두 tanh 위에 그렸고, 캡션에 "
            "각각의 최대 차이가 나옵니다."
        ),
        "preset.relu_family.text": (
            "ReLU의 기울기는 x < 0에서 정확히 0입니다(그쪽에 머무는 유닛은 죽은 유닛). leaky "
            "ReLU는 그곳에서 기울기 0.01을 남기고, ELU는 부드러운 꼬리를, maxout 유닛은 두 직선"
            "(여기서는 x와 −0.5x) 중 큰 값을 택해 자기 모양을 학습합니다."
        ),
        "preset.vanish.text": (
            "강의: “역전파를 진행할수록 gradient 값이 점점 작아진다”(역전파: backpropagation). "
            "가중치가 n·Var(W) = 1이고 활성화 함수 입력이 0 근처이면 sigmoid 층 하나가 기울기에 최대 0.25를 곱합니다: 10개 층이면 "
            "0.25¹⁰ ≈ 1e-6입니다."
        ),
        "preset.he.text": (
            "강의: ReLU는 미분값이 0 또는 1이라 기울기 소실을 “완화”합니다. 하지만 유닛의 절반은 "
            "0을 전달합니다: n·Var(W) = 1(Xavier)이면 층마다 √½ ≈ 0.71배가 됩니다. He 초기화의 "
            "n·Var(W) = 2가 그 절반을 메워 기울기를 1로 유지합니다."
        ),
        "step.linear.title": "활성화 함수는 왜 필요할까?",
        "step.linear.text": (
            "활성화 함수가 없으면 선형층 {depth}개는 선형층 하나와 같아 결정 경계가 직선입니다. 같은 "
            "층 사이에 {act}를 넣으면 경계가 휩니다."
        ),
        "step.sigmoid.title": "sigmoid",
        "step.sigmoid.text": (
            "sigmoid는 모든 수를 (0, 1)로 눌러 담습니다. 미분은 x = 0에서 최대 {m}이고, |x| = {sat} "
            "바깥의 음영 구간에서는 유닛이 포화(saturation)되어 거의 0입니다."
        ),
        "step.vanish.title": "기울기 소실",
        "step.vanish.text": (
            "역전파는 층마다 기울기에 σ′을 곱합니다. 여기서는 층마다 ×{f}라서 {d}개 층을 지나면 "
            "{end}만 남습니다(로그 눈금)."
        ),
        "step.tanh.title": "tanh",
        "step.tanh.text": (
            "tanh는 0을 중심으로 하고 미분의 최댓값이 {m}로 sigmoid의 네 배입니다. 항등식은 "
            "안쪽에 2x가 있어야 합니다: tanh(x) = 2σ(2x) − 1이지 2σ(x) − 1이 아닙니다."
        ),
        "step.relu.title": "ReLU",
        "step.relu.text": (
            "ReLU의 미분은 {values} 두 값뿐입니다. x > 0에서는 포화되지 않지만, x < 0에서는 유닛이 "
            "기울기를 전혀 전달하지 않습니다."
        ),
        "step.relu_family.title": "ReLU의 친척들",
        "step.relu_family.text": (
            "leaky ReLU는 x < 0에서도 기울기를 {slope}로 남기고, ELU는 음수 쪽 꼬리가 매끄럽고, "
            "maxout 유닛은 두 직선 중 큰 쪽을 택합니다."
        ),
        "step.he.title": "ReLU에는 He 초기화",
        "step.he.text": (
            "ReLU 유닛의 절반은 0을 전달하므로 n·Var(W) = 1이면 기울기가 층마다 ×{fx}로 줄어듭니다. "
            "He 초기화의 n·Var(W) = 2면 ×{f}: 폭 {width}인 무작위 신경망에서 {d}개 층 뒤에도 "
            "{meas}가 남습니다."
        ),
        "curves": "활성화 함수와 그 미분",
        "acts": "활성화 함수",
        "range": "x 범위 ± ",
        "identity": "tanh(x) = 2σ(2x) − 1과 노트의 2σ(x) − 1 보기",
        "f_title": "f(x)",
        "df_title": "f′(x): 국소 기울기",
        "x": "x",
        "f_y": "f(x)",
        "df_y": "f′(x)",
        "saturated": "{act}: 포화",
        "dead": "{act}: f′ = 0",
        "right_id": "2σ(2x) − 1",
        "notes_id": "2σ(x) − 1 (노트)",
        "max_marker": "f′ 최댓값",
        "identity_text": (
            "|x| ≤ {r}에서 |tanh(x) − (2σ(2x) − 1)| ≤ {err_right} (반올림 오차뿐)이지만, 노트의 "
            "2σ(x) − 1 = tanh(x/2)는 최대 {err_notes}만큼 어긋납니다(x = ±{x_notes})."
        ),
        "facts_title": "표시한 사실 (보이는 범위에서 계산)",
        "col.act": "활성화 함수",
        "col.df0": "f′(0)",
        "col.max": "f′ 최댓값",
        "col.min": "f′ 최솟값",
        "col.values": "f′의 값",
        "col.sat": "포화 구간 |x| ≥",
        "col.dfsat": "그 점의 f′",
        "dash": "—",
        "fact.sigmoid": (
            "sigmoid′ ≤ **{m}**이고 x = 0에서 최대입니다(노트의 “σ(x) ≤ 1/4”는 σ′을 뜻함). "
            "|x|가 {sat}보다 크면 출력과 0 또는 1의 차이가 1% 이내이고 σ′은 {dsat}뿐입니다."
        ),
        "fact.tanh": (
            "tanh′ ≤ **{m}** (x = 0에서), sigmoid′ 최댓값의 네 배입니다. |x|가 {sat}보다 크면 "
            "tanh가 포화되고 tanh′ = {dsat}입니다."
        ),
        "fact.relu": (
            "ReLU′은 **{values}** 두 값만 가집니다: x > 0에서 1, 음수 쪽 전체(음영)에서 정확히 "
            "0이라 그곳의 유닛은 기울기를 전혀 전달하지 않습니다."
        ),
        "fact.leaky_relu": "leaky ReLU′은 x < 0에서 0 대신 **{slope}**, x > 0에서 1입니다.",
        "fact.maxout": (
            "이 maxout 유닛 max(x, −0.5x)의 기울기는 {values}입니다: 유닛이 학습하는 조각별 "
            "선형 모양입니다."
        ),
        "dl_curves": "곡선 내려받기 (CSV)",
        "linear": "비선형성이 없으면 깊이는 아무것도 더하지 않는다",
        "linear_text": (
            "무작위 가중치와 편향을 가진 선형층 {depth}개의 신경망 2 → {width} → … → 1은 층 하나와 "
            "같습니다: W = W1·W2·…·W{depth} = ({w1}, {w2}), b = {b}. 시험 점 {n}개에서 출력과 "
            "x·W + b의 차이는 최대 {err}입니다. 결정 경계(검은 점)는 바로 그 직선(점선)입니다. "
            "같은 가중치의 층 사이에 {act}를 넣으면 더 이상 아핀 함수가 아니므로(가장 가까운 "
            "평면도 출력 범위의 {dev}만큼 벗어남) 경계(주황 점)가 휠 수 있습니다."
        ),
        "lin_offview": "{act}를 넣은 출력은 이 화면 전체에서 부호가 같아 주황 경계가 "
        "보이지 않습니다(다른 시드를 골라 보세요).",
        "lin_depth": "선형층 수",
        "lin_width": "너비",
        "lin_seed": "시드",
        "lin_act": "비교할 활성화 함수",
        "lin_title": "결정 경계: 깊은 선형 신경망, 층 하나, 비선형성",
        "lin_deep": "선형층 {depth}개",
        "lin_one": "층 하나 W, b",
        "lin_nonlin": "같은 가중치 + {act}",
        "x1": "x₁",
        "x2": "x₂",
        "dl_linear": "층과 곱 행렬 내려받기 (JSON)",
        "vanish": "깊이에 따른 기울기",
        "vanish_text": (
            "층 하나를 내려갈 때마다 기울기에 g′(z)와 가중치가 곱해집니다. 넓은 층에서는 "
            "입력 z ~ N(0, s²)에 대해 기울기의 퍼짐이 층마다 √(n·Var(W) · E[g′(z)²])배가 "
            "됩니다. 로그 눈금이라 곧게 내려가는 직선은 지수적 감소입니다."
        ),
        "depth": "깊이 d",
        "s": "활성화 함수 입력의 표준편차 s",
        "gain": "가중치 크기 n·Var(W)",
        "gain_help": "1 = Xavier/LeCun, 2 = He (정사각 층 기준).",
        "measure": "무작위 신경망에서도 측정하기",
        "width": "무작위 신경망의 너비",
        "seed": "시드",
        "grad_title": "d개 층을 지난 기울기의 표준편차 (맨 위 대비)",
        "grad_x": "지나온 층 수 d",
        "grad_y": "기울기 표준편차 비 (로그)",
        "bound": "0.25^d (sigmoid의 상한)",
        "formula": "{act}: 식",
        "measured": "{act}: 측정",
        "factor_line": "**{act}**: 층마다 ×{f} → {d}개 층 뒤 {end}",
        "measured_line": (
            " · 무작위 신경망(너비 {width}, 시드 {seed}): 측정값 {meas}, 신경망 자신의 입력 "
            "퍼짐을 넣은 식의 예측 {pred}"
        ),
        "no_measure": " · (maxout: 조각을 무작위로 뽑는 가중치 초기화 실험 페이지에서 측정)",
        "underflow": "1e-300 미만",
        "vanish_notes": (
            "노트보다 숫자가 더 정확한 곳: 노트는 ReLU의 미분값이 0 또는 1이라 기울기 소실을 "
            "“완화”한다고 합니다. 켜진 유닛 하나만 보면 배율은 1입니다. 층 전체로 보면 유닛의 "
            "절반이 꺼져 있어 n·Var(W) = {gain}이면 ReLU의 배율은 층마다 {relu}입니다. "
            "n·Var(W) = 2(He)일 때만 1입니다."
        ),
        "vanish_notes_he": (
            "노트는 ReLU의 미분값이 0 또는 1이라 기울기 소실을 “완화”한다고 합니다. 층 전체로 "
            "보면 유닛의 절반이 꺼져 있어 n·Var(W) = 1이면 층마다 √½ ≈ 0.71배가 되지만, He의 "
            "n·Var(W) = 2가 바로 그 절반을 메우므로 여기서 ReLU의 배율은 층마다 {relu}입니다."
        ),
        "init_link": "가중치 초기화(weight initialization) 실험 열기: {preset}",
        "dl_vanish": "기울기 비 내려받기 (CSV)",
        "overflow": "{act}: 무작위 신경망이 {k}번째 층에서 넘쳤습니다. n·Var(W)를 낮추세요.",
        "spinner": "무작위 신경망을 실행하는 중…",
    },
)
