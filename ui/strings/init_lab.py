"""Text of the initialization lab (labs/init_lab.py, viz/init_figs.py), English and Korean.

Sentences about numbers have {placeholders} filled from ``nncore.initlab.facts`` for the settings
shown; tests/app/test_claims_init_lab.py checks each claim for every preset.
"""

from ui.i18n import Strings

T = Strings(
    "init_lab",
    en={
        "title": "Initialization lab",
        "intro": (
            "Gaussian inputs go through a deep stack of identical layers, **a = g(a·W)**; each "
            "panel is one layer's histogram. With too small weights the spread collapses towards "
            "0 layer after layer, with too large ones it piles up at the flat ends of "
            "tanh/sigmoid. He keeps ReLU's spread the same at every depth; Xavier keeps tanh's "
            "only approximately, because its derivation treats tanh as linear near 0: with tanh + "
            "Xavier ({L} × {n}) std(a) drifts from {a1} to {aL} and Var(u) falls {vdrop}×. Start "
            "with a preset; **A/B compare** runs a second setting on the same inputs."
        ),
        "presets": "Lecture presets",
        "custom": (
            "Var(u) = n·Var(W) · E[a²] of the layer below. The initializer sets the first factor: "
            "n·Var(W) = {n} × {varw} = **{gain}**. The activation sets the second: measured "
            "E[a²] is {e0} for the input, then {e1} → {eL} over layers 1–{L}{extra}. So Var(u) "
            "goes {v1} → {vL}."
        ),
        "custom_relu": " ({g} keeps E[a²] = {c}·Var(u))",
        "custom_sigmoid": " (for sigmoid E[a²] = Var(a) + E[a]² includes the mean {m})",
        "custom_bn": (
            "; batch norm then rescales every unit back to variance 1, so only n·Var(W) matters "
            "before it"
        ),
        "net_a": "Network A",
        "net_b": "Network B",
        "shared": "Shared by A and B",
        "activation": "Activation g",
        "init": "Initializer",
        "init_help": (
            "The lecture notes' \"Xavier\" (std 1/√n) is **LeCun normal** here; Glorot's own "
            "Xavier uses Var(W) = 2/(n_in + n_out), which equals 1/n for square layers."
        ),
        "init.zeros": "Zeros",
        "init.normal": "Normal N(0, s²)",
        "init.uniform": "Uniform U(−s, s)",
        "init.lecun_normal": "LeCun normal σ=1/√n (notes' Xavier)",
        "init.lecun_uniform": "LeCun uniform",
        "init.xavier_normal": "Xavier normal σ²=2/(n_in+n_out)",
        "init.xavier_uniform": "Xavier (Glorot) uniform",
        "init.he_normal": "He (Kaiming) normal",
        "init.he_uniform": "He (Kaiming) uniform",
        "init.orthogonal": "Orthogonal",
        "maxout": "Maxout (k = 2)",
        "scale": "Scale s",
        "scale_help": "Normal: W ~ N(0, s²). Uniform: W ~ U(−s, s). Log-spaced steps.",
        "bn": "Batch norm before the activation",
        "depth": "Depth (hidden layers)",
        "width": "Width n (units per layer)",
        "samples": "Samples (Gaussian inputs)",
        "seed": "Seed",
        "ab": "A/B compare",
        "ab_help": "Run a second configuration on the same inputs, seed and random numbers.",
        "fwd_title": "Forward: activations a of every layer (shared x-range)",
        "fwd_x": "activation value a  ·  bar height: share of the layer's values  ·  std on top",
        "bwd_title": "Backward: gradient ∂L/∂a arriving at every layer (shared x-range)",
        "bwd_x": (
            "∂L/∂a  ·  upstream gradient at the last layer: N(0, 1) noise (L = Σ G⊙a), "
            "so every change of size comes from the network"
        ),
        "overflow": (
            "{name}The activations overflow at layer {k}: the numbers no longer fit in a float64 "
            "(each layer multiplies the variance by about {gain}). The charts show layers 1–{last}."
        ),
        "overflow_all": (
            "{name}The activations overflow at layer 1: nothing finite to show. Lower the scale or "
            "the depth."
        ),
        "grad_overflow": "{name}The backward gradient overflows at layer {k}.",
        "slow": "Running {depth} layers of {width}×{width}{k} weights…",
        "slow_k": " (×2 pieces)",
        "slow_orth": " Orthogonal weights need one QR factorisation per layer: this takes a while.",
        "table": "Per-layer statistics",
        "download": "Download per-layer statistics (CSV)",
        "theory_note": (
            "**Formula:** Var(u) = n·Var(W)·E[a²] for u = a·W. Dotted line: with the measured "
            "E[a²] of the layer below, the exact expectation over the weights for every "
            "activation. Solid line: chained from the input (E[x²] = 1) with E[g(u)²] = c·Var(u), "
            "exact in expectation for linear (c = 1), ReLU (c = ½), leaky ReLU and |x|; absent "
            "for tanh, sigmoid and the others, whose c depends on the distribution. One draw of "
            "the weights wanders from the expectation by a factor that compounds over depth, up "
            "to about √(2·depth/width) = {drift}% for {L} × {n}{measured}."
        ),
        "theory_measured": " (here the measurement and the chain differ by at most {dev}%)",
        "grad_note": (
            "∂L/∂a is the gradient that flows down from layer to layer; ∂L/∂W = aᵀ·∂L/∂u is what "
            "a learning step applies to a layer's weights. They can disagree: small activations "
            "below a layer make its ∂L/∂W small even when ∂L/∂a is not, and the other way round."
        ),
        "a_name": "A",
        "b_name": "B",
        # figures
        "layer": "layer",
        "panel": "L{l} · std {std}",
        "panel_2": "L{l}<br>std {std}",
        "zero_note": "▲ {pct}% at 0",
        "hover_hist": "{var} in [%{{customdata[0]:.3~g}}, %{{customdata[1]:.3~g}})<br>"
        "%{{y:.2f}}% of values<extra>{name}</extra>",
        "std_title": "Activations: spread over depth (log scale)",
        "std_act": "std(a) {name}",
        "std_y": "standard deviation",
        "grad_title": "Gradients over depth: ∂L/∂a and ∂L/∂W (log scale)",
        "std_grad": "std(∂L/∂a) {name}",
        "std_wgrad": "std(∂L/∂W) {name}",
        "theory_title": "Var(u) of u = a·W per layer:<br>measured vs n·Var(W)·E[a²] (log scale)",
        "measured": "measured {name}",
        "step": "formula, measured E[a²] {name}",
        "chain": "formula chained from the input {name}",
        "var_y": "Var(u)",
        "block_title": "Where the activation blocks the gradient (%)",
        "saturated": "saturated units {name}",
        "dead": "dead ReLUs {name}",
        "blocked": "∂L/∂a held back: 100·(1 − mean |g′(z)|) {name}",
        "pct_y": "% blocked",
        # table headers (the CSV keeps the English ids)
        "col.network": "network",
        "col.layer": "layer",
        "col.activation": "activation",
        "col.init": "initializer",
        "col.weight_std": "std(W)",
        "col.n_var_w": "n·Var(W)",
        "col.batchnorm": "batch norm",
        "col.act_mean": "mean(a)",
        "col.act_std": "std(a)",
        "col.act_mean_sq": "E[a²]",
        "col.act_zero_pct": "% a = 0",
        "col.saturated_pct": "% saturated",
        "col.dead_relu_pct": "% dead ReLU",
        "col.mean_local_grad": "mean |g′(z)|",
        "col.var_u_measured": "Var(u) measured",
        "col.var_u_theory_step": "Var(u) formula",
        "col.var_u_theory_chain": "Var(u) chained",
        "col.grad_std": "std(∂L/∂a)",
        "col.grad_mean": "mean(∂L/∂a)",
        "col.weight_grad_std": "std(∂L/∂W)",
        "bn_on": "yes",
        "bn_off": "no",
        # lecture steps (ui.lecture): what to look at; the numbers are in the box below
        "step.sigmoid_n01": "Weights from N(0, 1)",
        "step_text.sigmoid_n01": (
            "The notes start with weights of std 1 and a sigmoid. Watch the activation "
            "histograms pile up at 0 and 1, and read in the box below how small σ′ is there."
        ),
        "step.tanh_001": "Small weights: 0.01",
        "step_text.tanh_001": (
            "The lecture's quiz: 16 Gaussian inputs, 7 tanh layers of 4096, W = 0.01·randn. "
            "Before reading on, guess the last layer's histogram; then look at layers 1 → 7."
        ),
        "step.tanh_005": "A bit larger: 0.05",
        "step_text.tanh_005": (
            "Only the weight scale changed. Look where the activations go now (the ends ±1) and "
            "at the saturated share in the chart of where the activation blocks the gradient."
        ),
        "step.tanh_xavier": "Xavier for tanh",
        "step_text.tanh_xavier": (
            "Std 1/√n: compare the seven histograms with the two steps before, and the measured "
            "Var(u) with the formula in the theory chart."
        ),
        "step.relu_xavier": "ReLU with Xavier",
        "step_text.relu_xavier": (
            "Same initializer, ReLU instead of tanh. Follow std(a) over depth: what does ReLU's "
            "zeroed half do to the variance at every layer?"
        ),
        "step.relu_he": "He for ReLU",
        "step_text.relu_he": (
            "Std √2/√n makes up for ReLU's half. Check that the histograms and the gradients "
            "keep their size from layer 1 to layer 7."
        ),
        "step.ab_relu": "Xavier and He side by side",
        "step_text.ab_relu": (
            "The same inputs and random numbers, only the scale differs (B = √2 × A). Compare "
            "the two std(a) lines in the chart of spread over depth."
        ),
        "step.ab_bn": "Batch norm rescues a bad init",
        "step_text.ab_bn": (
            "The notes' summary: ReLU, Xavier or He, and batch norm. Here the bad 0.01 init of "
            "step 2 without (A) and with (B) batch norm before every tanh."
        ),
        # presets
        "preset.tanh_001": "tanh + N(0, 0.01²)",
        "preset.tanh_005": "tanh + N(0, 0.05²)",
        "preset.tanh_xavier": "tanh + Xavier",
        "preset.relu_xavier": "ReLU + Xavier",
        "preset.relu_he": "ReLU + He",
        "preset.sigmoid_n01": "sigmoid + N(0, 1)",
        "preset.bn_rescue": "tanh + N(0, 0.01²) + batch norm",
        "preset.ab_relu": "A/B: ReLU, Xavier vs He",
        "preset.ab_bn": "A/B: tanh 0.01, without vs with batch norm",
        "explain.tanh_001": (
            r"Here $n\,\mathrm{{Var}}(W) = {n} \cdot 0.01^2 = {nvarw}$ and tanh is ≈ linear near "
            r"0, so the spread shrinks ×{arate} per layer: std(a) {a1} → {aL}, and the last "
            r"layer's units all say ≈ 0. On the way back ∂L/∂a shrinks ×{grate} per layer "
            r"({g_top} at layer {L} → {g_bot} at layer 1), but ∂L/∂W = aᵀ·∂L/∂u stays "
            r"{w_range} at every layer: small gradients meet large activations and the other "
            r"way round. This is where the notes' “no vanishing gradient” at 0.01 comes from: "
            r"nothing saturates (mean tanh′(z) {lg_range}) and ∂L/∂W does not fall with "
            r"depth; what is lost is the signal itself."
        ),
        "explain.tanh_005": (
            r"Now $n\,\mathrm{{Var}}(W) = {n} \cdot 0.05^2 = {nvarw}$: tanh's inputs have a std "
            r"of about {u_std} and {sat_range}% of the activations sit within 0.02 of ±1 "
            r"(**saturated**). There $\tanh'(z) = 1 - a^2 \approx 0$, so those units' weights get "
            r"almost no gradient; the mean local gradient is {lg_range}. The notes' "
            r"“the gradient goes to 0” (CS231n: local gradients all zero) is about these "
            r"units: the layer as a whole keeps its gradient, ∂L/∂a grows ×{grate} per layer on "
            r"the way down and ∂L/∂W goes {w_top} → {w_bot}, because the large weights multiply "
            r"it back."
        ),
        "explain.tanh_xavier": (
            r"Xavier sets $\mathrm{{Var}}(W) = 2/(n_{{in}}+n_{{out}}) = 1/n$, so "
            r"$n\,\mathrm{{Var}}(W) = {nvarw}$: the histograms stay wide and at most {sat_hi}% "
            r"of the activations are within 0.02 of ±1 (saturated; Glorot & Bengio, 2010). It keeps the variance only "
            r"approximately: the derivation treats tanh as linear, but tanh squashes, so E[a²] < "
            r"Var(u) and std(a) drifts {a1} → {aL} over {L} layers (Var(u) falls {vdrop}×). "
            r"The gradients stay within a factor of {gspread} (∂L/∂a) and {wspread} (∂L/∂W)."
        ),
        "explain.relu_xavier": (
            r"ReLU zeroes the negative half, so $E[a^2] = \tfrac12 \mathrm{{Var}}(u)$ and with "
            r"Xavier each layer multiplies the variance by $n \cdot \tfrac1n \cdot \tfrac12 = "
            r"\tfrac12$: std(a) falls ×{arate} per layer ({a1} → {aL}; √½ ≈ 0.71). The chained "
            r"formula is exact in expectation here and matches the measured Var(u) within "
            r"{chain_dev}%. ∂L/∂a shrinks the same way on the way down (×{grate} per layer)."
        ),
        "explain.relu_he": (
            r"He doubles the weight variance to $\mathrm{{Var}}(W) = 2/n$, which cancels ReLU's "
            r"½: $n \cdot \tfrac2n \cdot \tfrac12 = 1$, so every layer keeps the same spread "
            r"(std(a) {a_range}). Going back, ReLU passes half of ∂L/∂a and the weights "
            r"double it again, so the gradient keeps its size too: ∂L/∂a {g_range}, ∂L/∂W "
            r"{w_range} (He et al., 2015)."
        ),
        "explain.sigmoid_n01": (
            r"Weights with std 1 on {n} inputs give $n\,\mathrm{{Var}}(W) = {nvarw}$: the "
            r"sigmoid's inputs have a std of about {u_std} and {sat_range}% of the "
            r"activations sit within 0.01 of 0 or 1. There $\sigma'(z) = \sigma(1-\sigma)$ is "
            r"small, {lg_range} on average at every layer: each unit's gradient is damped "
            r"×{lg} as it crosses the activation, and that is what vanishes (the notes' “vanishing "
            r"gradient”, after Saito's *Deep Learning from Scratch*). It does not compound with depth: "
            r"the large weights multiply it back, so ∂L/∂a goes {g_top} at layer {L} → {g_bot} "
            r"at layer 1 and ∂L/∂W {w_top} → {w_bot}."
        ),
        "explain.bn_rescue": (
            r"The bad init of the first preset, with batch norm before every tanh: "
            r"$\hat u = (u - \mu_B)/\sqrt{{\sigma_B^2 + \epsilon}}$ gives every unit mean 0 and "
            r"variance 1 over the batch, whatever $n\,\mathrm{{Var}}(W)$ is, so every layer looks "
            r"the same (std(a) {a_range}) and ∂L/∂a stays within a factor of {gspread}. The "
            r"variance before BN still follows the formula; it just no longer matters."
        ),
        "explain.ab_relu": (
            r"Same inputs, same random numbers in $W$: B's weights are exactly √2 × A's. "
            r"A (Xavier) halves the variance every layer, B (He) keeps it: after {L} layers A's "
            r"std(a) is {ratio} of B's ($2^{{-{L}/2}}$)."
        ),
        "explain.ab_bn": (
            r"The same small weights ($n\,\mathrm{{Var}}(W) = {nvarw}$) without (A) and with (B) "
            r"batch norm. A collapses towards 0 (std(a) {a1} → {aL}); B is renormalised to "
            r"variance 1 before every tanh and stays at std(a) {b_a_range} at every depth."
        ),
    },
    ko={
        "title": "가중치 초기화 실험",
        "intro": (
            "가우시안 입력이 똑같은 층을 깊게 쌓은 신경망 **a = g(a·W)** 를 통과하고, 패널 하나가 "
            "한 층의 히스토그램입니다. 가중치가 너무 작으면 분포가 층마다 0으로 쪼그라들고, 너무 "
            "크면 tanh/sigmoid의 평평한 양 끝에 몰립니다(포화, saturation). He는 ReLU의 분포를 "
            "모든 깊이에서 같게 유지하지만, Xavier는 tanh를 0 근처에서 선형으로 보고 유도했기 "
            "때문에 tanh의 분포를 대략적으로만 유지합니다: tanh + Xavier ({L} × {n})에서 std(a)는 "
            "{a1}에서 {aL}로 줄고 Var(u)는 {vdrop}배 작아집니다. 강의 예제로 시작해 보세요. "
            "**A/B 비교**는 같은 입력으로 두 번째 설정을 실행합니다."
        ),
        "presets": "강의 예제",
        "custom": (
            "Var(u) = n·Var(W) · (아래층의 E[a²]). 첫째 인자는 초기화가 정합니다: "
            "n·Var(W) = {n} × {varw} = **{gain}**. 둘째 인자는 활성화 함수가 정합니다: 측정한 "
            "E[a²]는 입력에서 {e0}, 1–{L}층에서 {e1} → {eL}입니다{extra}. 그래서 Var(u)는 "
            "{v1} → {vL}로 변합니다."
        ),
        "custom_relu": " ({g}는 E[a²] = {c}·Var(u)로 만듭니다)",
        "custom_sigmoid": " (sigmoid의 E[a²] = Var(a) + E[a]²에는 평균 {m}이 들어갑니다)",
        "custom_bn": (
            "; 배치 정규화가 모든 유닛을 다시 분산 1로 맞추므로, 그 앞에서는 n·Var(W)만 의미가 "
            "있습니다"
        ),
        "net_a": "신경망 A",
        "net_b": "신경망 B",
        "shared": "A와 B 공통",
        "activation": "활성화 함수(activation function) g",
        "init": "가중치 초기화(weight initialization)",
        "init_help": (
            "강의 노트의 \"Xavier\"(표준편차 1/√n)는 여기서 **LeCun normal**입니다. Glorot의 원래 "
            "Xavier는 Var(W) = 2/(n_in + n_out)이고, 정사각 층에서는 1/n과 같습니다."
        ),
        "init.zeros": "0으로 채움 (Zeros)",
        "init.normal": "정규분포 N(0, s²)",
        "init.uniform": "균등분포 U(−s, s)",
        "init.lecun_normal": "LeCun 정규분포 σ=1/√n (노트의 Xavier)",
        "init.lecun_uniform": "LeCun 균등분포",
        "init.xavier_normal": "Xavier 정규분포 σ²=2/(n_in+n_out)",
        "init.xavier_uniform": "Xavier (Glorot) 균등분포",
        "init.he_normal": "He (Kaiming) 정규분포",
        "init.he_uniform": "He (Kaiming) 균등분포",
        "init.orthogonal": "직교 (orthogonal)",
        "maxout": "Maxout (k = 2)",
        "scale": "크기 s",
        "scale_help": "정규분포: W ~ N(0, s²). 균등분포: W ~ U(−s, s). 로그 간격 눈금.",
        "bn": "활성화 함수 앞에 배치 정규화(batch normalization)",
        "depth": "깊이 (은닉층 수)",
        "width": "너비 n (층당 유닛 수)",
        "samples": "샘플 수 (가우시안 입력)",
        "seed": "시드",
        "ab": "A/B 비교",
        "ab_help": "같은 입력, 시드, 난수로 두 번째 설정을 실행합니다.",
        "fwd_title": "순전파: 층별 활성화 값 a (x축 공유)",
        "fwd_x": "활성화 값 a  ·  막대 높이: 그 층 값 중 비율  ·  위: 표준편차",
        "bwd_title": "역전파(backpropagation): 각 층에 도착하는 기울기 ∂L/∂a (x축 공유)",
        "bwd_x": (
            "∂L/∂a  ·  마지막 층의 상류 기울기: N(0, 1) 잡음 (L = Σ G⊙a)이므로 "
            "크기의 모든 변화는 신경망에서 나옵니다"
        ),
        "overflow": (
            "{name}{k}층에서 활성화 값이 넘칩니다(overflow): 숫자가 float64에 더 이상 들어가지 "
            "않습니다(층마다 분산이 약 {gain}배). 차트는 1–{last}층을 보여 줍니다."
        ),
        "overflow_all": (
            "{name}1층에서 활성화 값이 넘칩니다: 보여 줄 유한한 값이 없습니다. 크기나 깊이를 "
            "줄이세요."
        ),
        "grad_overflow": "{name}역전파 기울기가 {k}층에서 넘칩니다.",
        "slow": "{width}×{width}{k} 가중치 {depth}층을 계산하는 중…",
        "slow_k": " (조각 ×2)",
        "slow_orth": " 직교 가중치는 층마다 QR 분해가 필요해 시간이 걸립니다.",
        "table": "층별 통계",
        "download": "층별 통계 내려받기 (CSV)",
        "theory_note": (
            "**공식:** u = a·W에 대해 Var(u) = n·Var(W)·E[a²]. 점선: 아래층의 측정한 E[a²]를 "
            "넣은 값으로, 모든 활성화 함수에서 가중치에 대한 정확한 기댓값입니다. 실선: 입력"
            "(E[x²] = 1)부터 E[g(u)²] = c·Var(u)로 이어 계산한 값으로, 선형(c = 1), ReLU(c = ½), "
            "leaky ReLU, |x|에서 기댓값으로 정확합니다. tanh, sigmoid 등은 c가 분포에 따라 달라 "
            "실선이 없습니다. 가중치를 한 번 뽑은 결과는 기댓값에서 벗어나고 그 차이는 깊이에 따라 "
            "쌓이는데, 최대 약 √(2·깊이/너비) = {drift}%입니다({L} × {n}){measured}."
        ),
        "theory_measured": " (여기서는 측정값과 실선의 차이가 최대 {dev}%)",
        "grad_note": (
            "∂L/∂a는 층에서 층으로 내려가는 기울기이고, ∂L/∂W = aᵀ·∂L/∂u는 학습 한 단계가 그 층의 "
            "가중치에 적용하는 값입니다. 둘은 다르게 움직일 수 있습니다: 아래층 활성화 값이 작으면 "
            "∂L/∂a가 작지 않아도 ∂L/∂W가 작아지고, 그 반대도 마찬가지입니다."
        ),
        "a_name": "A",
        "b_name": "B",
        "layer": "층",
        "panel": "L{l} · std {std}",
        "panel_2": "L{l}<br>std {std}",
        "zero_note": "▲ {pct}%가 0",
        "hover_hist": "{var} ∈ [%{{customdata[0]:.3~g}}, %{{customdata[1]:.3~g}})<br>"
        "값의 %{{y:.2f}}%<extra>{name}</extra>",
        "std_title": "활성화 값: 깊이에 따른 퍼짐 (로그 눈금)",
        "std_act": "std(a) {name}",
        "std_y": "표준편차",
        "grad_title": "깊이에 따른 기울기: ∂L/∂a와 ∂L/∂W (로그 눈금)",
        "std_grad": "std(∂L/∂a) {name}",
        "std_wgrad": "std(∂L/∂W) {name}",
        "theory_title": "층별 u = a·W의 Var(u):<br>측정값 vs n·Var(W)·E[a²] (로그 눈금)",
        "measured": "측정값 {name}",
        "step": "공식, 측정한 E[a²] {name}",
        "chain": "입력부터 이어 계산한 공식 {name}",
        "var_y": "Var(u)",
        "block_title": "활성화 함수가 기울기를 막는 정도 (%)",
        "saturated": "포화된 유닛 {name}",
        "dead": "죽은 ReLU {name}",
        "blocked": "막힌 ∂L/∂a: 100·(1 − 평균 |g′(z)|) {name}",
        "pct_y": "% 막힘",
        "col.network": "신경망",
        "col.layer": "층",
        "col.activation": "활성화 함수",
        "col.init": "초기화",
        "col.weight_std": "std(W)",
        "col.n_var_w": "n·Var(W)",
        "col.batchnorm": "배치 정규화",
        "col.act_mean": "평균(a)",
        "col.act_std": "std(a)",
        "col.act_mean_sq": "E[a²]",
        "col.act_zero_pct": "% a = 0",
        "col.saturated_pct": "% 포화",
        "col.dead_relu_pct": "% 죽은 ReLU",
        "col.mean_local_grad": "평균 |g′(z)|",
        "col.var_u_measured": "Var(u) 측정",
        "col.var_u_theory_step": "Var(u) 공식",
        "col.var_u_theory_chain": "Var(u) 이어 계산",
        "col.grad_std": "std(∂L/∂a)",
        "col.grad_mean": "평균(∂L/∂a)",
        "col.weight_grad_std": "std(∂L/∂W)",
        "bn_on": "예",
        "bn_off": "아니요",
        # 강의 단계: 무엇을 볼지만 말하고, 숫자는 아래 설명 상자에 있습니다
        "step.sigmoid_n01": "N(0, 1)에서 뽑은 가중치",
        "step_text.sigmoid_n01": (
            "강의는 표준편차 1인 가중치와 sigmoid에서 시작합니다. 활성화 히스토그램이 0과 1 양 "
            "끝에 몰리는 모습을 보고, 그곳에서 σ′이 얼마나 작은지 아래 상자에서 확인하세요."
        ),
        "step.tanh_001": "작은 가중치: 0.01",
        "step_text.tanh_001": (
            "강의의 문제: 가우시안 입력 16개, 4096개짜리 tanh 은닉층 7개, W = 0.01·randn. "
            "마지막 층의 히스토그램을 먼저 예상해 본 뒤 1층부터 7층까지 살펴보세요."
        ),
        "step.tanh_005": "조금 키워서: 0.05",
        "step_text.tanh_005": (
            "가중치 크기만 바꿨습니다. 활성화 값이 이제 어디로 가는지(±1 양 끝), "
            "“기울기를 막는 정도” 차트에서 포화(saturation) 비율을 보세요."
        ),
        "step.tanh_xavier": "tanh에는 Xavier",
        "step_text.tanh_xavier": (
            "표준편차 1/√n: 일곱 히스토그램을 앞의 두 단계와 비교하고, 이론 차트에서 측정한 "
            "Var(u)를 공식과 비교해 보세요."
        ),
        "step.relu_xavier": "ReLU에 Xavier",
        "step_text.relu_xavier": (
            "초기화는 그대로, 활성화 함수만 tanh에서 ReLU로 바꿨습니다. 깊이에 따른 std(a)를 "
            "따라가 보세요: ReLU가 0으로 만드는 절반이 층마다 분산을 어떻게 바꾸나요?"
        ),
        "step.relu_he": "ReLU에는 He",
        "step_text.relu_he": (
            "표준편차 √2/√n이 ReLU가 잃는 절반을 메웁니다. 히스토그램과 기울기가 1층부터 "
            "7층까지 크기를 유지하는지 확인하세요."
        ),
        "step.ab_relu": "Xavier와 He 나란히",
        "step_text.ab_relu": (
            "입력도 난수도 같고 크기만 다릅니다(B = √2 × A). “깊이에 따른 퍼짐” 차트의 std(a) "
            "두 선을 비교해 보세요."
        ),
        "step.ab_bn": "배치 정규화가 나쁜 초기화를 구한다",
        "step_text.ab_bn": (
            "강의의 요약: ReLU, Xavier 또는 He, 그리고 배치 정규화(batch normalization). 2단계의 "
            "나쁜 초기화 0.01을 tanh마다 배치 정규화 없이(A)와 함께(B) 비교합니다."
        ),
        "preset.tanh_001": "tanh + N(0, 0.01²)",
        "preset.tanh_005": "tanh + N(0, 0.05²)",
        "preset.tanh_xavier": "tanh + Xavier",
        "preset.relu_xavier": "ReLU + Xavier",
        "preset.relu_he": "ReLU + He",
        "preset.sigmoid_n01": "sigmoid + N(0, 1)",
        "preset.bn_rescue": "tanh + N(0, 0.01²) + 배치 정규화",
        "preset.ab_relu": "A/B: ReLU, Xavier 대 He",
        "preset.ab_bn": "A/B: tanh 0.01, 배치 정규화 없이 대 함께",
        "explain.tanh_001": (
            r"여기서 $n\,\mathrm{{Var}}(W) = {n} \cdot 0.01^2 = {nvarw}$이고 tanh는 0 근처에서 "
            r"거의 선형이라, 분포가 층마다 ×{arate}씩 줄어듭니다: std(a) {a1} → {aL}, 마지막 층의 "
            r"유닛은 모두 ≈ 0을 냅니다. 역전파에서 ∂L/∂a는 층마다 ×{grate}씩 줄지만({L}층 "
            r"{g_top} → 1층 {g_bot}), ∂L/∂W = aᵀ·∂L/∂u는 모든 층에서 {w_range}입니다: 작은 "
            r"기울기가 큰 활성화 값과, 큰 기울기가 작은 활성화 값과 만나기 때문입니다. 노트의 "
            r"“0.01이면 기울기 소실(vanishing gradient)이 없다”는 여기서 나옵니다: 포화가 없고(평균 tanh′(z) "
            r"{lg_range}) ∂L/∂W가 깊이에 따라 줄지 않습니다. 잃는 것은 신호 자체입니다."
        ),
        "explain.tanh_005": (
            r"이번에는 $n\,\mathrm{{Var}}(W) = {n} \cdot 0.05^2 = {nvarw}$: tanh 입력의 표준편차가 "
            r"약 {u_std}이고 활성화 값의 {sat_range}%가 ±1에서 0.02 이내에 있습니다"
            r"(**포화**). 거기서는 $\tanh'(z) = 1 - a^2 \approx 0$이라 그 유닛들의 가중치는 "
            r"기울기를 거의 받지 못하고, 평균 국소 기울기는 {lg_range}입니다. 노트의 "
            r"“기울기가 0으로 감소”(CS231n: 국소 기울기가 모두 0)는 이 유닛들의 이야기입니다: "
            r"층 전체로는 기울기가 남아 있어, 큰 가중치가 다시 곱해지면서 ∂L/∂a는 내려갈수록 "
            r"층마다 ×{grate}씩 커지고 ∂L/∂W는 {w_top} → {w_bot}입니다."
        ),
        "explain.tanh_xavier": (
            r"Xavier는 $\mathrm{{Var}}(W) = 2/(n_{{in}}+n_{{out}}) = 1/n$으로 두어 "
            r"$n\,\mathrm{{Var}}(W) = {nvarw}$입니다: 히스토그램이 넓게 유지되고 ±1에서 0.02 "
            r"이내에 있는(포화된) 활성화 값은 최대 {sat_hi}%입니다(Glorot & Bengio, 2010). 다만 분산은 대략적으로만 "
            r"유지됩니다: 유도에서 tanh를 선형으로 보지만 tanh는 값을 눌러서 E[a²] < Var(u)이고, "
            r"std(a)는 {L}층에 걸쳐 {a1} → {aL}로 내려갑니다(Var(u)는 {vdrop}배 감소). 기울기는 "
            r"{gspread}배(∂L/∂a), {wspread}배(∂L/∂W) 안에서 유지됩니다."
        ),
        "explain.relu_xavier": (
            r"ReLU는 음수 절반을 0으로 만들어 $E[a^2] = \tfrac12 \mathrm{{Var}}(u)$이고, Xavier"
            r"에서는 층마다 분산에 $n \cdot \tfrac1n \cdot \tfrac12 = \tfrac12$가 곱해집니다: "
            r"std(a)가 층마다 ×{arate}씩 줄어듭니다({a1} → {aL}; √½ ≈ 0.71). 여기서는 이어 "
            r"계산한 공식이 기댓값으로 정확하고 측정한 Var(u)와 {chain_dev}% 이내로 맞습니다. "
            r"∂L/∂a도 내려가면서 같은 방식으로 줄어듭니다(층마다 ×{grate})."
        ),
        "explain.relu_he": (
            r"He는 가중치 분산을 $\mathrm{{Var}}(W) = 2/n$으로 두 배 늘려 ReLU의 ½을 상쇄합니다: "
            r"$n \cdot \tfrac2n \cdot \tfrac12 = 1$이라 모든 층이 같은 퍼짐을 유지합니다"
            r"(std(a) {a_range}). 역전파에서 ReLU가 ∂L/∂a의 절반만 통과시키고 가중치가 다시 "
            r"두 배로 만들어 기울기 크기도 유지됩니다: ∂L/∂a {g_range}, ∂L/∂W {w_range} "
            r"(He et al., 2015)."
        ),
        "explain.sigmoid_n01": (
            r"입력 {n}개에 표준편차 1인 가중치를 쓰면 $n\,\mathrm{{Var}}(W) = {nvarw}$: sigmoid "
            r"입력의 표준편차가 약 {u_std}이고 활성화 값의 {sat_range}%가 0이나 1에서 0.01 "
            r"이내에 있습니다. 거기서 $\sigma'(z) = \sigma(1-\sigma)$는 작아서 모든 층에서 평균 "
            r"{lg_range}입니다: 각 유닛의 기울기는 활성화 함수를 지날 때마다 ×{lg}로 줄어듭니다. "
            r"노트(사이토 고키 『밑바닥부터 시작하는 딥러닝』)가 말하는 기울기 소실(vanishing "
            r"gradient)은 바로 이것이고, 깊이에 따라 쌓이지는 않습니다: 큰 가중치가 다시 곱해져 "
            r"∂L/∂a는 "
            r"{L}층 {g_top} → 1층 {g_bot}, ∂L/∂W는 {w_top} → {w_bot}입니다."
        ),
        "explain.bn_rescue": (
            r"첫 번째 강의 예제의 나쁜 초기화에 tanh마다 앞에 배치 정규화를 넣었습니다: "
            r"$\hat u = (u - \mu_B)/\sqrt{{\sigma_B^2 + \epsilon}}$가 $n\,\mathrm{{Var}}(W)$와 "
            r"상관없이 모든 유닛을 배치에서 평균 0, 분산 1로 맞추므로 모든 층이 같아 보이고"
            r"(std(a) {a_range}) ∂L/∂a도 {gspread}배 안에 머뭅니다. 정규화 앞의 분산은 여전히 "
            r"공식을 따르지만 더 이상 문제가 되지 않습니다."
        ),
        "explain.ab_relu": (
            r"같은 입력, $W$에 같은 난수: B의 가중치는 정확히 A의 √2배입니다. A(Xavier)는 층마다 "
            r"분산을 절반으로 줄이고 B(He)는 유지합니다: {L}층 뒤 A의 std(a)는 B의 {ratio}배"
            r"($2^{{-{L}/2}}$)입니다."
        ),
        "explain.ab_bn": (
            r"같은 작은 가중치($n\,\mathrm{{Var}}(W) = {nvarw}$)를 배치 정규화 없이(A), 함께(B) "
            r"썼습니다. A는 0으로 쪼그라들고(std(a) {a1} → {aL}), B는 tanh 앞에서 매번 분산 1로 "
            r"다시 맞춰져 모든 깊이에서 std(a) {b_a_range}를 유지합니다."
        ),
    },
)
