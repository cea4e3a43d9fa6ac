"""Text of the universal-approximation page (labs/approximation.py), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "approximation",
    en={
        "title": "Universal approximation and depth",
        "intro": (
            "The **universal approximation theorem** says one hidden layer can get as close as "
            "you like to any continuous function on a closed interval. Here you build that network by hand — each "
            "ReLU unit is a ramp that bends the line at one knot — then train the same network "
            "and measure how the error falls as the number of units N grows. The last section "
            "shows what depth adds: a narrow deep net folds the line and makes exponentially "
            "many linear pieces from a few units."
        ),
        "presets": "Presets from the lecture notes",
        "preset.any": "One hidden layer fits anything",
        "preset.squash": "Squashing units (sigmoid)",
        "preset.step": "A jump: not continuous",
        "preset.depth": "Depth folds the line",
        "preset.any.note": (
            "The notes: with at least one hidden layer, a network can approximate any continuous "
            "function. Move N and watch the hand-built sum hug sin(2x); the log-log chart shows "
            "how fast the error falls."
        ),
        "preset.squash.note": (
            "The notes state the theorem for a *squashing* activation. Sigmoid units are smooth "
            "steps; two neighbouring steps subtract to a bump, and the bumps add up to a smooth "
            "staircase that follows the target."
        ),
        "preset.step.note": (
            "The theorem is about continuous targets. A step has a jump, and a continuous "
            "network cannot follow it in the max error: compare the error curve with the smooth "
            "targets."
        ),
        "preset.depth.note": (
            "The notes: a deep model folds the input space, and the number of linear regions "
            "grows exponentially with depth. The depth section counts the pieces exactly."
        ),
        "step.ramps.title": "One hidden layer, built by hand",
        "step.ramps.text": (
            "{n} ReLU units: each adds a ramp at its knot, and their sum follows the target, "
            "off by at most {err}."
        ),
        "step.more.title": "More units, smaller error",
        "step.more.text": (
            "With {n} units the knots are {times} times closer and the largest error falls to "
            "{err}, {ratio} times smaller (1/N² would make it 16)."
        ),
        "step.squash.title": "The theorem's squashing units",
        "step.squash.text": (
            "The notes state the theorem for squashing activations: {n} sigmoid steps, "
            "neighbours subtracted into bumps, follow the target to within {err}."
        ),
        "step.train.title": "Training finds such a network",
        "step.train.text": (
            "Gradient descent starts the same network from random weights. Compare its fit and "
            "its knots with the hand-built one: the sentence under the charts gives both errors."
        ),
        "step.rate.title": "How fast the error falls",
        "step.rate.text": (
            "On the log-log chart the best N-unit fit found falls with slope {slope} "
            "(1/N² is −2); at N = 256 it is {ratio}× below the hand-built interpolant."
        ),
        "step.jump.title": "A jump is not continuous",
        "step.jump.text": (
            "The theorem is about continuous targets. At the step's jump the largest error is "
            "still {e256} with 256 units, and {best256} for the best fit found: the error "
            "curves stay flat."
        ),
        "step.fold_trained.title": "Does training find the fold?",
        "step.fold_trained.text": (
            "The same deep narrow shape, now trained from random starts next to a shallow net "
            "with as many parameters: read off the table how many seeds reach T^k and how many "
            "pieces training really makes."
        ),
        "step.depth.title": "Depth folds the line",
        "step.depth.text": (
            "{units} units in {k} layers of 2 make {pieces} linear pieces; one hidden layer of "
            "{units} units makes at most {most}."
        ),
        "sb_target": "Target function",
        "target": "Target f(x)",
        "target.sin": "sin(2x)",
        "target.step": "Step (jump at 0)",
        "target.abs": "|x|",
        "target.sawtooth": "Sawtooth (triangle wave, period 1.5)",
        "target.bump": "Bump exp(−4x²)",
        "target.formula": "Your formula",
        "formula": "Formula of x",
        "formula_help": (
            "Numbers, x, pi, e, + − * / ** and sin cos tan exp log sqrt abs tanh. "
            "Example: sin(3*x) * exp(-x**2/4)"
        ),
        "bad_formula": (
            "This formula cannot be used, so the page keeps the last formula that worked "
            "(`{kept}`). The reason:"
        ),
        "formula_nonfinite": (
            "This formula is not a finite number everywhere on [{a}, {b}] (for example log or "
            "sqrt of a negative number, or a division by 0), so the page keeps `{kept}`."
        ),
        "formula_too_large": (
            "This formula exceeds 10⁶ in size on [{a}, {b}], so the page keeps `{kept}`."
        ),
        "a": "Interval start a",
        "b": "Interval end b",
        "bad_interval": (
            "The interval needs a < b with b − a ≥ 0.5; the page keeps [{a}, {b}]."
        ),
        "noise": "Noise on the training samples (std)",
        "noise_help": (
            "Gaussian noise added to the 256 training samples of the trained network (seeded). "
            "The hand-built network uses the exact target."
        ),
        "seed": "Seed (noise and initial weights)",
        "sb_net": "Network",
        "n_units": "Hidden units N",
        "activation": "Hidden unit",
        "act.relu": "ReLU",
        "act.tanh": "tanh",
        "act.sigmoid": "sigmoid",
        "steps": "Training steps (full-batch Adam)",
        "lr": "Learning rate",
        "k": "Depth k (tent map composed k times)",
        "k_help": "The deep net has k hidden layers of 2 ReLU units; the target has 2^k pieces.",
        # construction
        "sec_construct": "1 · One hidden layer, built by hand",
        "construct_relu": (
            "Unit j is the ramp c_j·ReLU(x − t_j): flat left of its knot t_j, a straight line "
            "right of it. The knots sit every h = (b − a)/N; the first ramp sets the slope of "
            "the first cell and each later one changes the slope by exactly what the target "
            "needs in its cell. The output bias is f(a)."
        ),
        "construct_smooth": (
            "With {act} units each unit is a smooth step of height Δ_j = f(m_j) − f(m_{{j−1}}) at "
            "a cell boundary (cells of width h = (b − a)/(N + 1), centres m_j). Two neighbouring "
            "steps subtract to a **bump** (dotted: a few of the N + 1 bumps); the bumps add up "
            "to the network's output exactly."
        ),
        "construct_numbers_relu": (
            "N = {n}: knots every h = {h}; the sum passes through f at all {nodes} grid points "
            "and is a ReLU network with {pieces} linear pieces on [{a}, {b}]. Largest error on "
            "[{a}, {b}]: **{err}**."
        ),
        "construct_numbers_smooth": (
            "N = {n}: steps every h = {h}; the sum is within {centre_err} of f at the {nodes} "
            "cell centres. Largest error on [{a}, {b}]: **{err}**."
        ),
        "construct_title": "Hand-built: {n} units and their sum",
        "ramp": "unit {j}: {c}·ReLU(x − {t})",
        "bump": "bump {j} (centre {m})",
        "unit_terms": "each unit's term (dotted; hover for its formula)",
        "sum": "sum = network output",
        "target_name": "target f",
        "knots": "knots t_j",
        "centres": "step centres",
        "x": "x",
        "y": "f(x)",
        "download_construct": "Download the hand-built network's curves (CSV)",
        "download_weights": "Download the hand-built weights (JSON)",
        # training
        "sec_train": "2 · The same network, trained",
        "train_intro": (
            "Same size, weights found by gradient descent instead: full-batch Adam on the mean "
            "squared error (the loss) over 256 evenly spaced samples. The network sees x scaled to "
            "[−1, 1]; the initial knots are spread over that range. Marked on the axis: where "
            "each unit's knot (ReLU) or centre (tanh, sigmoid) ended up, x = −b_j/w_j mapped "
            "back to x."
        ),
        "fit_title": "Trained: {n} {act} units after {steps} steps",
        "fit": "trained network",
        "samples": "training samples",
        "trained_knots": "knots / centres −b_j/w_j",
        "loss_title": "Training loss",
        "loss_x": "step",
        "loss_y": "MSE",
        "loss": "MSE",
        "train_numbers": (
            "After {steps} steps the training MSE is {mse}; the largest error against the "
            "noise-free target is **{err}** (hand-built with the same N: {built})."
        ),
        "train_better": "Here training beats the hand-built network.",
        "train_worse": (
            "Here training is worse than the hand-built network: the weights that fit well "
            "exist, but gradient descent has not found them."
        ),
        "train_pieces": (
            " {inside} of its {n} knots lie inside [{a}, {b}]; the fit has {pieces} linear "
            "pieces there (one hidden layer of N units: at most N + 1 = {most})."
        ),
        "diverged": (
            "Training blew up at step {step} (the loss became too large or not a number): the "
            "learning rate {lr} is too large for this setting. The charts show the last good "
            "weights; lower the learning rate."
        ),
        "training": "Training {n} units for {steps} steps…",
        "download_fit": "Download the trained fit (CSV)",
        "download_loss": "Download the loss curve (CSV)",
        # rate
        "sec_rate": "3 · How the error falls as N grows",
        "rate_title": "Largest error against N (log-log)",
        "rate_x": "hidden units N",
        "rate_y": "max |f − f̂|",
        "rate_relu": "ReLU interpolant (measured)",
        "rate_bound": "bound h²·max|f''|/8",
        "rate_stair": "{act} staircase (measured)",
        "rate_current": "this N, hand-built",
        "rate_trained": "this N, trained",
        "rate_smooth": (
            "f is twice differentiable: linear interpolation with spacing h = (b − a)/N is off "
            "by at most h²·max|f''|/8, a 1/N² rate. Measured slope over N = 16…256: "
            "**{slope}** (−2 is 1/N²); max|f''| = {d2}."
        ),
        "rate_formula": (
            "For a formula the page estimates max|f''| = {d2} from its exact derivative on a "
            "grid; where f is twice differentiable, linear interpolation with spacing "
            "h = (b − a)/N is off by at most h²·max|f''|/8, a 1/N² rate. Measured slope over "
            "N = 16…256: **{slope}** (−2 is 1/N²)."
        ),
        "rate_bound_holds": " The measured error stays under the bound at every N from 1 to 256.",
        "rate_bound_fails": (
            " The measured error exceeds the bound at {count} of the 256 values of N: the "
            "estimate of max|f''| is too low for this formula."
        ),
        "rate_rough": (
            "{target} is not twice differentiable on [{a}, {b}], so the 1/N² bound does not "
            "apply. Measured slope over N = 16…256: **{slope}**."
        ),
        "rate_rough_flat": (
            "{target} is not twice differentiable on [{a}, {b}], so the 1/N² bound does not "
            "apply. At N = 256 the largest error is still **{e256}**."
        ),
        "rate_exact": (
            " At {count} of the 256 values of N the interpolant is exact (error below 10⁻¹²): "
            "a knot lands on every kink."
        ),
        "rate_jump": (
            " No continuous function can come closer than half the jump (0.5) to a step in the "
            "max error, however many units it has."
        ),
        "rate_stair_slope": (
            " The {act} staircase falls with slope {slope}: steps are a first-order "
            "approximation (1/N), slower than ReLU ramps."
        ),
        "rate_stair_other": " The {act} staircase's measured slope: {slope}.",
        "rate_na": "fewer than 3 usable points",
        "notes_theorem": (
            "Where the notes' statement comes from: the theorem (Cybenko 1989; Hornik, "
            "Stinchcombe & White 1989) is stated for squashing activations such as the sigmoid, "
            "which is how the notes quote it; Hornik (1991) extended it to any bounded "
            "non-constant activation, and Leshno et al. (1993) showed any non-polynomial "
            "activation works, ReLU included. The theorem says such a network exists, not how large it must be nor "
            "that training finds it."
        ),
        "download_rate": "Download the errors against N (CSV)",
        "rate_best": "best N-unit fit found (knots free)",
        "rate_ref": "1/N² reference",
        "best_what": (
            "**Best N-unit fit**: among all one-hidden-layer ReLU networks "
            "f̂(x) = c₀ + Σ c_j·ReLU(x − t_j) with the first knot at a and the other N − 1 knots "
            "anywhere in (a, b) — every continuous piecewise-linear function with at most N "
            "pieces, the interpolant included — the one with the smallest largest error that "
            "this search finds: the output weights by the minimax fit for fixed knots (Lawson's "
            "reweighted least squares, {iters} rounds), then {rounds} rounds of moving the knots "
            "so that every cell's error is equal (and, where a built-in target's kinks are "
            "known and N − 1 knots can cover them, knots on the kinks). Largest errors are measured at {points} points "
            "of [a, b]. It is an upper bound on the true best; the interpolant is the search's "
            "first candidate, so it is never worse. The dotted 1/N² line goes through it at "
            "N = 16."
        ),
        "best_slope": (
            "Best fit: measured slope over N = 16…256 **{slope}** (the interpolant's: {islope}). "
        ),
        "best_exact": (
            "Best fit: exact (error below 10⁻⁹, rounding) from N = {n0} on, of the N computed. "
        ),
        "best_compare": (
            "At every one of the {count} N computed it is at most the interpolant's error; at "
            "N = 256 it is **{best}** against {interp} ({ratio}× smaller)."
        ),
        "best_compare_equal": (
            "At every one of the {count} N computed it is at most the interpolant's error; at "
            "N = 256 both are {best}."
        ),
        "best_compare_exact": (
            "At every one of the {count} N computed it is at most the interpolant's error; at "
            "N = 256 it is exact, the interpolant's error is {interp}."
        ),
        "best_compare_both_exact": (
            "At every one of the {count} N computed it is at most the interpolant's error; at "
            "N = 256 both are exact."
        ),
        "best_flat": (
            "Best fit: no 1/N² rate here — its measured slope over N = 16…256 is {slope}, "
            "flat. "
        ),
        "best_progress": "Searching for the best fit at each N…",
        # depth
        "sec_depth": "4 · Depth vs width at the same number of units",
        "depth_intro": (
            "The tent map T(s) = 1 − |2s − 1| folds [0, 1] onto itself, and two ReLU units "
            "compute it: T(s) = 2·ReLU(s) − 4·ReLU(s − ½). Stacking k such layers composes "
            "it k times: T^k is a sawtooth with 2^(k−1) teeth (2^k linear pieces). Each fold "
            "doubles the pieces; a unit of a single hidden layer can only add one bend."
        ),
        "depth_title": "k = {k}: sawtooth T^k, deep narrow net vs shallow wide net",
        "depth_target": "target T^k",
        "deep": "deep: {k} layers × 2 units",
        "shallow": "shallow: 1 layer × {n} units (best fit, uniform knots)",
        "depth_x": "s",
        "depth_y": "T^k(s)",
        "pieces_title": "Linear pieces against hidden units",
        "pieces_x": "hidden units",
        "pieces_y": "linear pieces",
        "pieces_deep": "deep tent nets (k = 1…8): 2^k",
        "pieces_shallow": "one hidden layer: at most N + 1",
        "pieces_current": "this k",
        "col_net": "network",
        "col_shape": "layers × width",
        "col_units": "units",
        "col_pieces": "linear pieces (counted)",
        "col_err": "max error",
        "row_deep": "deep narrow",
        "row_shallow": "shallow, same units",
        "row_exact": "shallow, exact",
        "depth_numbers": (
            "Counted exactly from the weights: the deep net's {units} units make **{pieces}** "
            "linear pieces (2^{k} = {pow}). One hidden layer of {units} units makes at most "
            "{most}; its best fit with uniform knots has {shallow_pieces} pieces and misses the "
            "sawtooth by up to **{err}**. To make {pow} pieces a single hidden layer needs at "
            "least {need} units; the interpolant with {exact_units} units is exact."
        ),
        "notes_depth": (
            "The notes: a deep model is like folding the input space, and the number of linear "
            "regions grows exponentially with depth. The count above is for hand-built weights; "
            "it is what depth *can* do, not what training always finds."
        ),
        "download_depth": "Download the depth-vs-width curves (CSV)",
        "download_pieces": "Download the piece counts (CSV)",
        "sec_dtrain": "Does training find the fold?",
        "dtrain_intro": (
            "The tent-map weights above are set by hand. Here a deep narrow ReLU net of the "
            "same depth k is *trained* (Adam, the loss is the MSE against T^k, every sample in "
            "each step) from several random starts, next to a shallow net with no more "
            "parameters (the most units N with 3N + 1 parameters; width 2 gives N = 2k, the "
            "same units and parameters). Pieces are counted exactly from the trained weights."
        ),
        "dtrain": "Train both nets ({seeds} seeds × {steps} steps)",
        "dtrain_help": (
            "Off by default: the first time, training takes seconds (more for a large k or "
            "width); the result is then shared with everyone on this server."
        ),
        "dwidth": "Width of the trained deep net",
        "dwidth_help": (
            "Units per hidden layer. Width 2 is the tent-map net's shape, so it can be exact; "
            "wider nets have more parameters, and the shallow net gets as many."
        ),
        "dtrain_progress": "Training the deep and the shallow net from {seeds} seeds ({steps} steps)…",
        "dtrain_title": "k = {k}: trained nets, the lowest training loss of {seeds} seeds",
        "dtrain_deep": "deep {k} × {w}",
        "dtrain_shallow": "shallow 1 × {n}",
        "dtrain_best": "{net}, trained (seed {seed})",
        "col_seed": "seed",
        "col_mse": "training MSE",
        "dtrain_numbers": (
            "Trained from {seeds} seeds ({steps} Adam steps, learning rate {lr}, {samples} "
            "samples of T^k): the deep {k} × {w} net ({pd} parameters) ends with max error "
            "{demin}–{demax} and {dpmin}–{dpmax} linear pieces; **{dfound} of {seeds}** seeds "
            "come within {tol} of T^k. The shallow net of {n} units ({ps} parameters) ends with "
            "{semin}–{semax} and {spmin}–{spmax} pieces; **{sfound} of {seeds}** within {tol}. "
            "The hand-built tent-map net (k × 2) is exact with {pow} pieces."
        ),
        "dtrain_none": (
            "Training found the fold from none of these seeds: the weights that make {pow} "
            "pieces exist, but gradient descent from a random start did not reach them here."
        ),
        "dtrain_some": (
            "{found} of {seeds} deep runs did reach T^k: depth gives training the chance, not "
            "a guarantee."
        ),
        "dtrain_diverged": " {count} runs stopped early: the loss was no longer finite.",
        "download_dtrain": "Download the trained curves (CSV)",
        "download_dseeds": "Download every seed's numbers (CSV)",
    },
    ko={
        "title": "보편 근사와 깊이",
        "intro": (
            "**보편 근사 정리**(universal approximation theorem)는 은닉층(hidden layer) 하나로 "
            "닫힌 구간 위의 어떤 연속 함수든 원하는 만큼 가깝게 근사할 수 있다고 말합니다. 여기서는 그 신경망을 "
            "직접 만들어 봅니다. ReLU 유닛 하나는 매듭(knot) 한 곳에서 직선을 꺾는 경사로입니다. "
            "이어서 같은 신경망을 학습시키고, 유닛 수 N이 늘 때 오차가 얼마나 빨리 줄어드는지 "
            "측정합니다. 마지막 절은 깊이가 더하는 것을 보여 줍니다: 좁고 깊은 신경망은 직선을 "
            "접어서 적은 유닛으로 지수적으로 많은 선형 조각(linear piece)을 만듭니다."
        ),
        "presets": "강의 예제",
        "preset.any": "은닉층 하나로 무엇이든",
        "preset.squash": "squashing 유닛 (sigmoid)",
        "preset.step": "불연속: 계단 함수",
        "preset.depth": "깊이는 직선을 접는다",
        "preset.any.note": (
            "노트: 적어도 하나의 은닉층이 있으면 어떤 연속 함수든 근사할 수 있다. N을 움직이며 "
            "직접 만든 합이 sin(2x)에 달라붙는 모습을 보고, 로그-로그 그래프에서 오차가 얼마나 "
            "빨리 줄어드는지 확인하세요."
        ),
        "preset.squash.note": (
            "노트는 이 정리를 squashing 활성화 함수로 설명합니다. sigmoid 유닛은 부드러운 "
            "계단이고, 이웃한 두 계단의 차는 봉우리(bump)가 되며, 봉우리들을 더하면 목표 함수를 "
            "따라가는 부드러운 계단이 됩니다."
        ),
        "preset.step.note": (
            "정리는 연속 함수에 대한 것입니다. 계단 함수에는 점프가 있어서 연속인 신경망은 최대 "
            "오차로는 따라갈 수 없습니다. 매끄러운 목표 함수의 오차 곡선과 비교해 보세요."
        ),
        "preset.depth.note": (
            "노트: 깊은 모델은 입력 공간을 접는 것과 비슷하고, 선형 영역의 수는 깊이에 따라 "
            "지수적으로 늘어난다. 깊이 절에서 조각 수를 정확히 셉니다."
        ),
        "step.ramps.title": "손으로 만든 은닉층 하나",
        "step.ramps.text": (
            "ReLU 유닛 {n}개가 각자 매듭에서 경사로를 하나씩 더하고, 그 합이 목표 함수를 최대 "
            "오차 {err}로 따라갑니다."
        ),
        "step.more.title": "유닛이 많을수록 오차는 작게",
        "step.more.text": (
            "유닛이 {n}개면 매듭 간격이 {times}분의 1로 줄고 최대 오차는 {err}로 {ratio}배 "
            "작아집니다(1/N²이라면 16배)."
        ),
        "step.squash.title": "정리의 squashing 유닛",
        "step.squash.text": (
            "노트는 이 정리를 squashing 활성화 함수로 설명합니다. sigmoid 계단 {n}개를 이웃끼리 "
            "빼서 봉우리로 만들면 목표 함수를 오차 {err} 이내로 따라갑니다."
        ),
        "step.train.title": "학습으로 찾은 신경망",
        "step.train.text": (
            "경사 하강법이 같은 신경망을 무작위 가중치에서 학습합니다. 직접 만든 신경망과 곡선, "
            "매듭을 비교해 보세요. 그래프 아래 문장에 두 오차가 있습니다."
        ),
        "step.rate.title": "오차가 줄어드는 속도",
        "step.rate.text": (
            "로그-로그 그래프에서 찾은 최선의 근사(유닛 N개)는 기울기 {slope}로 줄어듭니다 "
            "(1/N²이면 −2). N = 256에서는 손으로 만든 보간보다 {ratio}배 작습니다."
        ),
        "step.jump.title": "점프는 연속이 아니다",
        "step.jump.text": (
            "정리는 연속 함수에 대한 것입니다. 계단 함수의 점프에서는 유닛 256개로도 최대 오차가 "
            "{e256}이고, 찾은 최선의 근사도 {best256}이라 오차 곡선이 내려가지 않습니다."
        ),
        "step.fold_trained.title": "학습으로도 접을 수 있을까?",
        "step.fold_trained.text": (
            "같은 깊고 좁은 모양을 이번에는 무작위 시작점에서 학습시키고, 파라미터 수가 같은 "
            "얕은 신경망과 나란히 둡니다. 표에서 몇 개의 시드가 T^k에 이르는지, 학습이 실제로 "
            "조각을 몇 개 만드는지 읽어 보세요."
        ),
        "step.depth.title": "깊이는 직선을 접는다",
        "step.depth.text": (
            "2개씩 {k}층에 놓인 유닛 {units}개가 선형 조각 {pieces}개를 만듭니다. 유닛 {units}개인 "
            "은닉층 하나는 많아야 {most}개입니다."
        ),
        "sb_target": "목표 함수",
        "target": "목표 함수 f(x)",
        "target.sin": "sin(2x)",
        "target.step": "계단 함수 (0에서 점프)",
        "target.abs": "|x|",
        "target.sawtooth": "톱니파 (삼각파, 주기 1.5)",
        "target.bump": "봉우리 exp(−4x²)",
        "target.formula": "직접 입력한 수식",
        "formula": "x에 대한 수식",
        "formula_help": (
            "숫자, x, pi, e, + − * / ** 와 sin cos tan exp log sqrt abs tanh를 쓸 수 있습니다. "
            "예: sin(3*x) * exp(-x**2/4)"
        ),
        "bad_formula": (
            "이 수식은 쓸 수 없어서 마지막으로 동작한 수식(`{kept}`)을 그대로 씁니다. 이유:"
        ),
        "formula_nonfinite": (
            "이 수식은 [{a}, {b}]의 모든 점에서 유한한 값이 아닙니다 (예: 음수의 log나 sqrt, "
            "0으로 나누기). 그래서 `{kept}`를 그대로 씁니다."
        ),
        "formula_too_large": (
            "이 수식은 [{a}, {b}]에서 크기가 10⁶을 넘습니다. 그래서 `{kept}`를 그대로 씁니다."
        ),
        "a": "구간 시작 a",
        "b": "구간 끝 b",
        "bad_interval": "구간은 a < b이고 b − a ≥ 0.5여야 합니다. [{a}, {b}]를 그대로 씁니다.",
        "noise": "훈련 샘플의 잡음 (표준편차)",
        "noise_help": (
            "학습시키는 신경망의 훈련 샘플 256개에 더하는 가우스 잡음입니다 (시드 고정). 직접 만든 "
            "신경망은 정확한 목표 함수를 씁니다."
        ),
        "seed": "시드 (잡음과 초기 가중치)",
        "sb_net": "신경망",
        "n_units": "은닉 유닛 수 N",
        "activation": "은닉 유닛 활성화 함수(activation function)",
        "act.relu": "ReLU",
        "act.tanh": "tanh",
        "act.sigmoid": "sigmoid",
        "steps": "학습 단계 수 (전체 배치 Adam)",
        "lr": "학습률(learning rate)",
        "k": "깊이 k (텐트 사상을 k번 합성)",
        "k_help": "깊은 신경망은 ReLU 유닛 2개짜리 은닉층 k개이고, 목표 함수는 2^k개의 조각입니다.",
        "sec_construct": "1 · 은닉층 하나를 직접 만들기",
        "construct_relu": (
            "유닛 j는 경사로 c_j·ReLU(x − t_j)입니다. 매듭 t_j의 왼쪽에서는 평평하고 오른쪽에서는 "
            "직선입니다. 매듭은 h = (b − a)/N 간격으로 놓입니다. 첫 경사로가 첫 칸의 기울기를 "
            "정하고, 그다음 경사로는 각자의 칸에서 목표 함수에 필요한 만큼만 기울기를 바꿉니다. "
            "출력 편향은 f(a)입니다."
        ),
        "construct_smooth": (
            "{act} 유닛 하나는 칸 경계에서 높이 Δ_j = f(m_j) − f(m_{{j−1}})만큼 올라가는 부드러운 "
            "계단입니다 (칸 너비 h = (b − a)/(N + 1), 칸 중심 m_j). 이웃한 두 계단의 차가 "
            "**봉우리**이고 (점선: N + 1개 중 몇 개), 봉우리를 모두 더하면 신경망의 출력과 "
            "정확히 같습니다."
        ),
        "construct_numbers_relu": (
            "N = {n}: 매듭 간격 h = {h}. 합은 격자점 {nodes}개 모두에서 f를 지나고, [{a}, {b}]에서 "
            "선형 조각 {pieces}개로 된 ReLU 신경망입니다. [{a}, {b}]에서의 최대 오차: **{err}**."
        ),
        "construct_numbers_smooth": (
            "N = {n}: 계단 간격 h = {h}. 칸 중심 {nodes}개에서 합과 f의 차이는 {centre_err} "
            "이내입니다. [{a}, {b}]에서의 최대 오차: **{err}**."
        ),
        "construct_title": "직접 만든 신경망: 유닛 {n}개와 그 합",
        "ramp": "유닛 {j}: {c}·ReLU(x − {t})",
        "bump": "봉우리 {j} (중심 {m})",
        "unit_terms": "유닛별 항 (점선, 마우스를 올리면 식)",
        "sum": "합 = 신경망 출력",
        "target_name": "목표 함수 f",
        "knots": "매듭 t_j",
        "centres": "계단 중심",
        "x": "x",
        "y": "f(x)",
        "download_construct": "직접 만든 신경망의 곡선 내려받기 (CSV)",
        "download_weights": "직접 만든 가중치 내려받기 (JSON)",
        "sec_train": "2 · 같은 신경망을 학습시키기",
        "train_intro": (
            "크기는 같고, 가중치는 경사 하강법으로 찾습니다: 고르게 놓인 샘플 256개에 대한 평균 "
            "제곱 오차 손실(loss)을 전체 배치 Adam으로 줄입니다. 신경망은 [−1, 1]로 옮긴 x를 "
            "입력으로 받고, 초기 매듭은 그 범위에 퍼져 있습니다. 축 위의 표시는 각 유닛의 매듭"
            "(ReLU) 또는 중심(tanh, sigmoid)이 학습 후 놓인 곳, 즉 x = −b_j/w_j를 원래 x로 "
            "되돌린 값입니다."
        ),
        "fit_title": "학습 결과: {act} 유닛 {n}개, {steps}단계 후",
        "fit": "학습된 신경망",
        "samples": "훈련 샘플",
        "trained_knots": "매듭 / 중심 −b_j/w_j",
        "loss_title": "훈련 손실",
        "loss_x": "단계",
        "loss_y": "MSE",
        "loss": "MSE",
        "train_numbers": (
            "{steps}단계 후 학습 MSE는 {mse}이고, 잡음 없는 목표 함수와의 최대 오차는 "
            "**{err}**입니다 (같은 N으로 직접 만든 신경망: {built})."
        ),
        "train_better": "여기서는 학습이 직접 만든 신경망보다 낫습니다.",
        "train_worse": (
            "여기서는 학습이 직접 만든 신경망보다 못합니다: 잘 맞는 가중치는 존재하지만 경사 "
            "하강법이 아직 찾지 못했습니다."
        ),
        "train_pieces": (
            " 매듭 {n}개 중 {inside}개가 [{a}, {b}] 안에 있고, 그 구간에서 학습된 함수는 선형 "
            "조각 {pieces}개입니다 (유닛 N개인 은닉층 하나: 최대 N + 1 = {most}개)."
        ),
        "diverged": (
            "학습이 {step}단계에서 발산했습니다 (손실이 너무 커지거나 수가 아니게 됨). 이 설정에는 "
            "학습률 {lr}이 너무 큽니다. 그래프는 마지막으로 정상이던 가중치를 보여 줍니다. "
            "학습률을 낮추세요."
        ),
        "training": "유닛 {n}개를 {steps}단계 학습하는 중…",
        "download_fit": "학습된 함수 내려받기 (CSV)",
        "download_loss": "손실 곡선 내려받기 (CSV)",
        "sec_rate": "3 · N이 커질 때 오차가 줄어드는 속도",
        "rate_title": "N에 따른 최대 오차 (로그-로그)",
        "rate_x": "은닉 유닛 수 N",
        "rate_y": "max |f − f̂|",
        "rate_relu": "ReLU 보간 (측정값)",
        "rate_bound": "상한 h²·max|f''|/8",
        "rate_stair": "{act} 계단 (측정값)",
        "rate_current": "현재 N, 직접 만든 것",
        "rate_trained": "현재 N, 학습된 것",
        "rate_smooth": (
            "f는 두 번 미분 가능합니다. 간격 h = (b − a)/N인 선형 보간의 오차는 최대 "
            "h²·max|f''|/8, 즉 1/N²으로 줄어듭니다. N = 16…256에서 측정한 기울기: **{slope}** "
            "(−2가 1/N²). max|f''| = {d2}."
        ),
        "rate_formula": (
            "수식의 경우 max|f''| = {d2}는 정확한 도함수로 격자에서 추정한 값입니다. f가 두 번 "
            "미분 가능한 곳에서 간격 h = (b − a)/N인 선형 보간의 오차는 최대 h²·max|f''|/8, 즉 "
            "1/N²으로 줄어듭니다. N = 16…256에서 측정한 기울기: **{slope}** (−2가 1/N²)."
        ),
        "rate_bound_holds": " 측정한 오차는 N = 1부터 256까지 모든 N에서 상한 아래에 있습니다.",
        "rate_bound_fails": (
            " 측정한 오차가 256개의 N 중 {count}개에서 상한을 넘습니다: 이 수식에서는 max|f''| "
            "추정값이 너무 작습니다."
        ),
        "rate_rough": (
            "{target}은(는) [{a}, {b}]에서 두 번 미분 가능하지 않으므로 1/N² 상한이 적용되지 "
            "않습니다. N = 16…256에서 측정한 기울기: **{slope}**."
        ),
        "rate_rough_flat": (
            "{target}은(는) [{a}, {b}]에서 두 번 미분 가능하지 않으므로 1/N² 상한이 적용되지 "
            "않습니다. N = 256에서도 최대 오차는 **{e256}**입니다."
        ),
        "rate_exact": (
            " 256개의 N 중 {count}개에서 보간이 정확합니다 (오차 10⁻¹² 미만): 모든 꺾인 점에 "
            "매듭이 놓이는 경우입니다."
        ),
        "rate_jump": (
            " 유닛이 아무리 많아도 연속 함수는 최대 오차로 계단 함수에 점프의 절반(0.5)보다 "
            "가까이 갈 수 없습니다."
        ),
        "rate_stair_slope": (
            " {act} 계단은 기울기 {slope}로 줄어듭니다: 계단은 1차 근사(1/N)라서 ReLU 경사로보다 "
            "느립니다."
        ),
        "rate_stair_other": " {act} 계단의 측정한 기울기: {slope}.",
        "rate_na": "쓸 수 있는 점이 3개 미만",
        "notes_theorem": (
            "노트의 문장이 나온 곳: 이 정리(Cybenko 1989; Hornik, Stinchcombe & White 1989)는 "
            "sigmoid 같은 squashing 활성화 함수에 대해 증명되었고, 노트도 그렇게 인용합니다. "
            "Hornik(1991)은 유계이고 상수가 아닌 모든 활성화 함수로 넓혔고, Leshno 등(1993)은 "
            "다항식이 아닌 활성화 함수라면 ReLU를 포함해 모두 된다는 것을 보였습니다. 정리는 그런 신경망이 "
            "존재한다는 것만 말할 뿐, 얼마나 커야 하는지도, 학습이 그것을 찾는다는 것도 말하지 "
            "않습니다."
        ),
        "download_rate": "N에 따른 오차 내려받기 (CSV)",
        "rate_best": "찾은 최선의 N-유닛 근사 (매듭 자유)",
        "rate_ref": "1/N² 기준선",
        "best_what": (
            "**최선의 N-유닛 근사**: 은닉층 하나짜리 ReLU 신경망 "
            "f̂(x) = c₀ + Σ c_j·ReLU(x − t_j) 가운데, 첫 매듭은 a에 두고 나머지 N − 1개 매듭은 "
            "(a, b) 안 어디에나 둘 수 있는 것들 — 조각이 N개 이하인 연속 구간별 선형 함수 전부로, "
            "보간도 여기에 속합니다 — 중에서 이 탐색이 찾은 최대 오차가 가장 작은 신경망입니다. "
            "매듭을 고정한 채 출력 가중치를 최대 오차 최소화(minimax)로 맞추고(Lawson의 가중 "
            "최소제곱, {iters}회), 이어서 모든 구간의 오차가 같아지도록 매듭을 옮기는 일을 "
            "{rounds}번 반복합니다 (기본 목표 함수의 꺾인 점을 알고 N − 1개 매듭으로 덮을 수 있으면 "
            "꺾인 점에 매듭을 둔 경우도 봅니다). 최대 오차는 [a, b]의 점 {points}개에서 잽니다. 그러니 진짜 최선의 "
            "오차보다 작지는 않은 상한입니다. 탐색은 보간에서 시작하므로 보간보다 나빠지지 "
            "않습니다. 점선 1/N² 기준선은 N = 16에서 이 곡선을 지납니다."
        ),
        "best_slope": (
            "최선의 근사: N = 16…256에서 측정한 기울기 **{slope}** (보간은 {islope}). "
        ),
        "best_exact": (
            "최선의 근사: 계산한 N 가운데 N = {n0}부터 정확합니다 (오차 10⁻⁹ 미만, 반올림 수준). "
        ),
        "best_compare": (
            "계산한 {count}개의 N 모두에서 보간의 오차 이하이고, N = 256에서는 {interp} 대신 "
            "**{best}**입니다 ({ratio}배 작음)."
        ),
        "best_compare_equal": (
            "계산한 {count}개의 N 모두에서 보간의 오차 이하이고, N = 256에서는 둘 다 {best}입니다."
        ),
        "best_compare_exact": (
            "계산한 {count}개의 N 모두에서 보간의 오차 이하이고, N = 256에서는 정확합니다 "
            "(보간의 오차는 {interp})."
        ),
        "best_compare_both_exact": (
            "계산한 {count}개의 N 모두에서 보간의 오차 이하이고, N = 256에서는 둘 다 정확합니다."
        ),
        "best_flat": (
            "최선의 근사: 여기서는 1/N²으로 줄지 않습니다. N = 16…256에서 측정한 기울기가 "
            "{slope}로 평평합니다. "
        ),
        "best_progress": "N마다 최선의 근사를 찾는 중…",
        "sec_depth": "4 · 유닛 수가 같을 때 깊이 대 너비",
        "depth_intro": (
            "텐트 사상 T(s) = 1 − |2s − 1|은 [0, 1]을 반으로 접어 자기 자신 위에 겹치고, ReLU "
            "유닛 두 개로 계산됩니다: T(s) = 2·ReLU(s) − 4·ReLU(s − ½). 이런 층을 k개 쌓으면 "
            "T를 k번 합성하게 되어, T^k는 이빨이 2^(k−1)개인 톱니파(선형 조각 2^k개)가 됩니다. "
            "한 번 접을 때마다 조각이 두 배가 되지만, 은닉층이 하나뿐이면 유닛 하나가 꺾는 곳을 "
            "하나만 더할 수 있습니다."
        ),
        "depth_title": "k = {k}: 톱니파 T^k, 깊고 좁은 신경망 대 얕고 넓은 신경망",
        "depth_target": "목표 T^k",
        "deep": "깊은 신경망: {k}층 × 유닛 2개",
        "shallow": "얕은 신경망: 1층 × 유닛 {n}개 (균등 매듭의 최적 근사)",
        "depth_x": "s",
        "depth_y": "T^k(s)",
        "pieces_title": "은닉 유닛 수에 따른 선형 조각 수",
        "pieces_x": "은닉 유닛 수",
        "pieces_y": "선형 조각 수",
        "pieces_deep": "깊은 텐트 신경망 (k = 1…8): 2^k",
        "pieces_shallow": "은닉층 하나: 최대 N + 1",
        "pieces_current": "현재 k",
        "col_net": "신경망",
        "col_shape": "층 × 너비",
        "col_units": "유닛",
        "col_pieces": "선형 조각 (센 값)",
        "col_err": "최대 오차",
        "row_deep": "깊고 좁은",
        "row_shallow": "얕은, 같은 유닛 수",
        "row_exact": "얕은, 정확한",
        "depth_numbers": (
            "가중치에서 정확히 센 값: 깊은 신경망의 유닛 {units}개는 선형 조각 **{pieces}**개를 "
            "만듭니다 (2^{k} = {pow}). 유닛 {units}개인 은닉층 하나는 최대 {most}개를 만들고, "
            "균등 매듭으로 한 최적 근사는 조각 {shallow_pieces}개로 톱니파와 최대 **{err}**만큼 "
            "어긋납니다. 조각 {pow}개를 만들려면 은닉층 하나에 유닛이 적어도 {need}개 필요하고, "
            "유닛 {exact_units}개로 만든 보간은 정확합니다."
        ),
        "notes_depth": (
            "노트: 깊은 모델은 입력 공간을 접는 것과 비슷하고, 선형 영역의 수는 깊이에 따라 "
            "지수적으로 늘어난다. 위의 조각 수는 직접 만든 가중치의 것입니다. 깊이가 할 수 "
            "*있는* 것이지, 학습이 늘 찾아내는 것은 아닙니다."
        ),
        "download_depth": "깊이 대 너비 곡선 내려받기 (CSV)",
        "download_pieces": "조각 수 내려받기 (CSV)",
        "sec_dtrain": "학습으로도 접을 수 있을까?",
        "dtrain_intro": (
            "위의 텐트 사상 가중치는 손으로 정한 것입니다. 여기서는 같은 깊이 k의 깊고 좁은 "
            "ReLU 신경망을 여러 무작위 시작점에서 *학습*시킵니다 (Adam, 손실은 T^k에 대한 MSE, "
            "매 단계 모든 표본 사용). 비교 대상은 파라미터 수가 그보다 많지 않은 얕은 신경망입니다 "
            "(파라미터 3N + 1개로 가능한 가장 많은 유닛 N; 너비가 2이면 N = 2k로 유닛 수도 "
            "파라미터 수도 같습니다). 선형 조각은 학습된 가중치에서 정확히 셉니다."
        ),
        "dtrain": "두 신경망 학습하기 (시드 {seeds}개 × {steps}단계)",
        "dtrain_help": (
            "기본은 꺼져 있습니다: 처음 한 번은 학습에 몇 초(k나 너비가 크면 더 오래) 걸리고, "
            "그 결과는 이 서버의 모든 사용자와 공유됩니다."
        ),
        "dwidth": "학습할 깊은 신경망의 너비",
        "dwidth_help": (
            "은닉층마다의 유닛 수. 너비 2는 텐트 사상 신경망과 같은 모양이라 정확해질 수 "
            "있습니다. 너비를 늘리면 파라미터가 늘고, 얕은 신경망도 그만큼 받습니다."
        ),
        "dtrain_progress": "깊은 신경망과 얕은 신경망을 시드 {seeds}개로 학습하는 중 ({steps}단계)…",
        "dtrain_title": "k = {k}: 학습된 신경망, 시드 {seeds}개 중 학습 손실이 가장 낮은 것",
        "dtrain_deep": "깊은 {k} × {w}",
        "dtrain_shallow": "얕은 1 × {n}",
        "dtrain_best": "{net}, 학습됨 (시드 {seed})",
        "col_seed": "시드",
        "col_mse": "학습 MSE",
        "dtrain_numbers": (
            "시드 {seeds}개로 학습한 결과 (Adam {steps}단계, 학습률 {lr}, T^k의 표본 "
            "{samples}개): 깊은 {k} × {w} 신경망(파라미터 {pd}개)은 최대 오차 {demin}–{demax}, "
            "선형 조각 {dpmin}–{dpmax}개로 끝나고, 시드 **{seeds}개 중 {dfound}개**가 T^k에 "
            "{tol} 이내로 다가갑니다. 유닛 {n}개인 얕은 신경망(파라미터 {ps}개)은 "
            "{semin}–{semax}, 조각 {spmin}–{spmax}개이고, **{seeds}개 중 {sfound}개**가 {tol} "
            "이내입니다. 손으로 만든 텐트 사상 신경망(k × 2)은 조각 {pow}개로 정확합니다."
        ),
        "dtrain_none": (
            "이 시드들 중 어느 것에서도 학습은 접는 해를 찾지 못했습니다: 조각 {pow}개를 만드는 "
            "가중치는 있지만, 무작위 시작점에서 출발한 경사 하강법은 여기서 그곳에 이르지 "
            "못했습니다."
        ),
        "dtrain_some": (
            "깊은 신경망 {seeds}개 중 {found}개는 T^k에 이르렀습니다: 깊이는 학습에 기회를 줄 "
            "뿐, 보장하지는 않습니다."
        ),
        "dtrain_diverged": " {count}개의 학습은 손실이 유한하지 않게 되어 일찍 멈췄습니다.",
        "download_dtrain": "학습된 곡선 내려받기 (CSV)",
        "download_dseeds": "시드별 수치 내려받기 (CSV)",
    },
)
