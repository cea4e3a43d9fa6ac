"""Text of the optimizer lab (labs/optimizers.py), English and Korean.

Keys with a dot are families: ``surface.<id>.label``, ``story.<id>.text``, ``hp.<name>``,
``sched.<id>``, ``expr_err.<code>`` (nncore.expr.ExpressionError.code), ``diverge.<code>``
(nncore.divergence). Optimizer names stay Latin (nncore.optim.OPTIMIZERS[...].label).
Placeholders named ``code_*`` or listed in CODE_FIELDS receive text already set as code.
"""

from ui.i18n import Strings

# The hyperparameters' symbols as plain text (widget labels are far cheaper to draw than
# typeset math); the same letters the update rules typeset (tested against HYPERPARAMS).
GLYPHS = {
    "lr": "α", "momentum": "ρ", "decay": "γ", "rho": "ρ", "beta1": "β₁", "beta2": "β₂",
    "eps": "ε", "weight_decay": "λ", "momentum_decay": "ψ",
}

EN = {
    "title": "Optimizer lab",
    "intro": (
        "Race optimizers across a 2D loss surface: every coloured line is one optimizer's path "
        "from the white start point, and ▶ replays the race step by step. Look for plain SGD's "
        "zig-zag across a narrow valley, momentum overshooting and curling back, AdaGrad's steps "
        "shrinking, and Adam moving at a steady pace whatever the slope; then change the "
        "learning rate and the surface and compare."
    ),
    "presets": "Lecture stories",
    "presets_help": "Each story loads a surface, optimizers and settings; change anything after.",
    "step_changed": (
        "The settings no longer match the step “{label}”, so its story is hidden: go to another "
        "step and back to restore them."
    ),
    "story_changed": (
        "The settings no longer match the story “{label}”, so its text is hidden: pick the "
        "story again to restore them."
    ),
    "sidebar_surface": "Surface",
    "surface": "Loss surface",
    "kappa": "Condition number κ of the bowl",
    "kappa_help": "Ratio of the steepest to the shallowest curvature. SGD is stable only for "
                  "α < 2/κ.",
    "custom_option": "Custom formula",
    "custom_note": "Your own formula; its minima are not known in advance.",
    "expr": "f(x, y) =",
    "expr_help": (
        "Numbers, x, y, pi, e, + - * / ** (exponent a plain number, |n| ≤ 10) and sin cos tan "
        "exp log sqrt abs tanh. At most 200 characters."
    ),
    "expr_placeholder": "x**2 + 10*sin(y)",
    "width": "Plot half-width (box is [−w, w]²)",
    "expr_error": "This formula can't be used: {msg}",
    "expr_err.not_text": "the formula must be text.",
    "expr_err.too_long": "it is {n} characters long (at most {max}).",
    "expr_err.control": "it contains an invisible control character.",
    "expr_err.empty": "it is empty. Try for example {example}.",
    "expr_err.syntax": "it is not valid{where}. Write products with {times}, e.g. {example}.",
    "expr_err.syntax_at": " at character {offset}",
    "expr_err.caret": "Powers are written {power}, not {caret}.",
    "expr_err.unreadable": "it could not be read.",
    "expr_err.too_many_parts": "it has too many parts (at most {max}).",
    "expr_err.too_deep": "it is nested too deeply (at most {max} levels).",
    "expr_err.function_name": "{name} is a function: write {call}.",
    "expr_err.unknown_name": "{name} is not a name it knows.",
    "expr_err.case": "Names are case-sensitive.",
    "expr_err.operator": "the operator {op} is not allowed.",
    "expr_err.attribute": "attribute access ({attr}) is not allowed.",
    "expr_err.call": "only the listed functions can be called.",
    "expr_err.unknown_function": "the function {name} is not available.",
    "expr_err.arguments": "{name} takes exactly one argument, e.g. {example}.",
    "expr_err.syntax_kind": "{part} is not allowed in a formula.",
    "expr_err.not_real": "only real numbers are allowed, not {part}.",
    "expr_err.exponent_kind": "the exponent after {power} must be a plain number such as 2, -1 "
                              "or 0.5 (found {part}).",
    "expr_err.exponent_large": "the exponent is too large (at most {max} in absolute value).",
    "expr_err.number_large": "a number in it is too large (at most {max}).",
    "expr_err.invalid": "it is not a valid formula.",
    "expr_allowed": "Allowed: numbers, {names}, the operators {ops} and the functions {funcs}.",
    "expr_nonfinite": (
        "f is not defined (infinite or not a number) on part of the box; that area is drawn in "
        "the top colour, and an optimizer that steps into it is stopped."
    ),
    "expr_nowhere": "f is not defined anywhere on this box: try another formula or width.",
    "sidebar_optimizers": "Optimizers",
    "optimizers": "Optimizers in the race",
    "optimizers_placeholder": "Choose optimizers",
    "no_optimizers": "Pick at least one optimizer in the settings to start the race.",
    "hp_header": "Hyperparameters (defaults suit the chosen surface)",
    "reset": "Reset to this surface's defaults",
    "hp.lr": "learning rate",
    "hp.momentum": "momentum",
    "hp.decay": "decay rate of the g² average",
    "hp.rho": "decay rate of the averages",
    "hp.beta1": "first-moment decay",
    "hp.beta2": "second-moment decay",
    "hp.eps": "epsilon (numerical safety)",
    "hp.weight_decay": "decoupled weight decay",
    "hp.momentum_decay": "momentum decay (μ schedule)",
    "steps": "Steps",
    "x0": "Start x",
    "y0": "Start y",
    "schedule": "Learning-rate schedule",
    "schedule_help": "Applied to every optimizer's α. Step: ×0.1 every third of the run; "
                     "exponential: down to α/100 at the end; cosine: down to 0.",
    "sched.constant": "Constant",
    "sched.step": "Step decay",
    "sched.exponential": "Exponential",
    "sched.cosine": "Cosine",
    "noise": "Gradient noise σ",
    "noise_help": "Adds N(0, σ²) to each gradient coordinate, like a minibatch estimate. "
                  "Every optimizer gets the same noise sequence.",
    "seed": "Noise seed",
    "view3d": "3D view",
    "view3d_help": "Show the surface in 3D (height log-scaled like the contours) instead of "
                   "the map.",
    "race_header": "The race",
    "race_caption": (
        "Click anywhere on the map to start the race there. ▶ replays the race from step 0 in "
        "your browser; drag the slider to scrub. The big dot is each optimizer's current point "
        "and the small dots are the steps since the previous frame: widely spaced dots mean big "
        "steps. Click a legend entry to show only that optimizer, in the race and in the loss "
        "curves."
    ),
    "log_caption": "Contour lines are log-spaced (f − f\\* spans {decades:.0f} decades on this "
                   "box).",
    "loss_header": "Loss vs step",
    "loss_caption": "f − f\\* on a log axis; f\\* = {fref} (the minimum value, or for a typed "
                    "formula the lowest value seen).",
    "summary_caption": (
        "Tolerance: within {tol:.3g} of a minimum (1% of the plot width). “Nearest minimum” "
        "is the one closest to where the optimizer ended."
    ),
    "summary_caption_custom": (
        "The minima of a typed formula are unknown: distances are to the lowest points of the "
        "{n}×{n} grid, {points}, an approximation."
    ),
    "col_optimizer": "Optimizer",
    "col_final_f": "Final f",
    "col_dist": "Distance to nearest minimum",
    "col_min": "Nearest minimum",
    "col_first": "First step within tolerance",
    "col_diverged": "Stopped at step",
    "col_steps": "Steps run",
    "never": "not reached",
    "no": "no",
    "download_paths": "Trajectories (CSV)",
    "download_summary": "Summary (CSV)",
    "download_settings": "Settings (JSON)",
    "download_internals": "This optimizer's internals (CSV)",
    "below_views": "Below the race",
    "below.summary": "Summary",
    "below.internals": "Inside one optimizer",
    "inspect": "Optimizer to inspect",
    "internals_caption": (
        "Left: the path (zoomed, pale) with arrows at evenly spaced steps. Grey is −∇f, where "
        "plain gradient descent would go; coloured is {memory}. Each kind of arrow is scaled to "
        "its largest one. Right: the step size each coordinate actually gets, per unit of "
        "{unit}."
    ),
    "memory.velocity": "the velocity −b (momentum buffer), which keeps pointing where the path "
                       "has been going",
    "memory.m": "−m, the first moment (a running mean of gradients)",
    "memory.none": "the step actually taken ({label} keeps no velocity or moment)",
    "unit.grad": "gradient",
    "unit.velocity": "velocity b",
    "unit.nesterov": "g + ρ·b",
    "unit.m": "first moment m",
    "unit.nadam": "its mix of gradient and first moment",
    "rules_header": "Update rules of the optimizers in the race",
    "rule_line": "**{label}** — {reference}",
    "note.nesterov": (
        "The two forms describe the same run: torch's point x is the lecture's look-ahead "
        "point x̃ + ρv, where the gradient is taken. Read that way, torch needs only the "
        "gradient at its own point."
    ),
    "note.radam": (
        "m̂ₜ is the bias-corrected first moment, ρ∞ the largest length of the approximated "
        "simple moving average, ρₜ its length at step t, rₜ the variance rectification term. "
        "The lab uses torch.optim.RAdam's threshold ρₜ > 5, so its numbers match torch's; "
        "Liu et al. (Algorithm 2) adapt once ρₜ > 4, where rₜ is first defined. With β₂ = "
        "{beta2} the first {n5} steps are plain momentum steps here ({n4} with Liu's "
        "threshold)."
    ),
    "diverge.who": "{label} (step {step})",
    "diverge.left_box": (
        "{who}: the learning rate is too large for this surface — the point ran off beyond "
        "|x|, |y| = 10⁶. The path stops at its last point, marked ✕."
    ),
    "diverge.overflow": (
        "{who}: the numbers grew too large for a float64 (f, the gradient or the point became "
        "infinite) — a learning rate too large for how fast f grows here. The path stops at its "
        "last finite point, marked ✕."
    ),
    "diverge.undefined": (
        "{who}: the step landed where f is not defined (f or its gradient is not a number "
        "there, e.g. log or sqrt of a negative number). That is the formula's domain, not the "
        "learning rate. The path stops at its last point, marked ✕."
    ),
    "surface.quadratic.label": "Ill-conditioned bowl",
    "surface.quadratic.note": "Steep across y, shallow along x: plain gradient descent "
                              "zig-zags.",
    "surface.saddle.label": "Saddle point",
    "surface.saddle.note": "A saddle at the origin between two valleys: the gradient almost "
                           "vanishes there, so gradient descent lingers before it slides off.",
    "surface.rosenbrock.label": "Rosenbrock",
    "surface.rosenbrock.note": "A curved, flat-bottomed valley: finding it is easy, following "
                               "it is hard.",
    "surface.beale.label": "Beale",
    "surface.beale.note": "Flat plateaus next to very steep walls: the gradient's size varies "
                          "by decades.",
    "surface.himmelblau.label": "Himmelblau",
    "surface.himmelblau.note": "Four equally good minima: which one an optimizer reaches "
                               "depends on its path.",
    "surface.booth.label": "Booth",
    "surface.booth.note": "A tilted bowl (condition number 9) with coupled coordinates.",
    "surface.rastrigin.label": "Rastrigin",
    "surface.rastrigin.note": "An egg-crate of local minima: every optimizer stops in the "
                              "nearest dip.",
    "surface.styblinski_tang.label": "Styblinski–Tang",
    "surface.styblinski_tang.note": "Four basins of different depth: the global one is at "
                                    "(−2.90, −2.90).",
    "story.zigzag.label": "SGD zig-zag vs Momentum",
    "story.zigzag.text": (
        "On a bowl {kappa} times steeper across than along, SGD's step overshoots the steep "
        "direction every time and bounces from wall to wall, while along the floor each step "
        "closes only {crawl}% of the remaining distance. "
        "Momentum averages the bouncing away and builds up speed along the valley: it is "
        "within {tol} of the minimum at step {mom_hit}, SGD at step {sgd_hit}."
    ),
    "story.saddle.label": "The saddle point",
    "story.saddle.text": (
        "Started almost exactly on the ridge, SGD slides down to the saddle, where the gradient "
        "nearly vanishes, and spends {sgd_near} steps within 0.1 of it before it falls into a "
        "valley (minimum reached at step {sgd_hit}); Momentum carries speed through (passing "
        "within {mom_closest}, {mom_near} steps near it, minimum at step {mom_hit}). Adam "
        "rescales the tiny y-gradient from the first step, turns off the ridge at once and "
        "never comes closer than {adam_closest} to the saddle (minimum at step {adam_hit})."
    ),
    "story.adagrad.label": "AdaGrad stalling vs RMSProp",
    "story.adagrad.text": (
        "With the same α = {lr}, AdaGrad divides by the square root of the sum of all past "
        "squared gradients, so its steps only shrink: after {steps} steps it is still "
        "{ada_dist} from the minimum, while RMSProp's moving average forgets the steep start "
        "and gets within {tol} at step {rms_hit}. The stall is a matter of α: at this "
        "surface's default α = {lr_default}, AdaGrad is within {tol} at step {ada_default_hit}."
    ),
    "story.rosenbrock.label": "Adam vs SGD on Rosenbrock",
    "story.rosenbrock.text": (
        "Rosenbrock's valley is easy to find and hard to follow: its floor is almost flat while "
        "its walls are very steep. At α = {sgd_lr} SGD creeps along the floor, still "
        "{sgd_dist} from (1, 1) after {steps} steps, and SGD's usable α is narrow: α = "
        "{sgd_ok} gets within {tol} at step {sgd_ok_hit}, but α = {sgd_big} already blows up "
        "at step {sgd_big_div}. Adam scales each coordinate's step and travels the curved "
        "valley to within {tol} of (1, 1) at step {adam_hit}."
    ),
    "story.diverge.label": "Too large a learning rate",
    "story.diverge.text": (
        "On this bowl plain gradient descent is stable only for α < 2/κ = {limit}; at α = "
        "{sgd_lr} every step across the valley overshoots by more than it corrects, and SGD "
        "blows up at step {sgd_div}. The race stops it at its last finite point while the "
        "other optimizers carry on to the minimum."
    ),
    "story.noise.label": "Noisy gradients",
    "story.noise.text": (
        "Real training sees each gradient through a small minibatch; here every gradient gets "
        "N(0, {noise}²) noise added, so SGD jitters around the minimum instead of settling: "
        "over the last 50 steps it still moves {sgd_jitter} per step on average. Switch the "
        "learning-rate schedule to cosine and the jitter dies down as α shrinks (to "
        "{sgd_jitter_cos} per step)."
    ),
    "step.zigzag.title": "SGD's zig-zag, and Momentum",
    "step.zigzag.text": (
        "Press ▶ and watch SGD bounce from wall to wall of a narrow valley while Momentum, like "
        "a rolling ball, gathers speed along its floor."
    ),
    "step.saddle.title": "SGD at a saddle point",
    "step.saddle.text": (
        "SGD's second weakness: near a saddle point the gradient is almost zero. Watch how long "
        "each optimizer lingers by the saddle before it falls into a valley."
    ),
    "step.nesterov.title": "Nesterov momentum (NAG)",
    "step.nesterov.text": (
        "Nesterov takes its gradient where the velocity is about to carry it, so it brakes "
        "before the wall: after first crossing the valley floor, Momentum swings out to "
        "|y| = {mom}, Nesterov only to |y| = {nag} (both with α = {lr}, ρ = {rho})."
    ),
    "step.adagrad.title": "AdaGrad and RMSProp",
    "step.adagrad.text": (
        "Both give each coordinate its own step size. Below the race, follow AdaGrad's step "
        "size shrinking for good, then pick RMSProp to compare."
    ),
    "step.rosenbrock.title": "Adam on Rosenbrock",
    "step.rosenbrock.text": (
        "Adam joins Momentum's running average to RMSProp's per-coordinate scaling. Follow both "
        "paths along the curved valley towards (1, 1)."
    ),
    "step.diverge.title": "Too large a learning rate",
    "step.diverge.text": (
        "Read the warning above the race and find where SGD's path ends with a ✕: its "
        "learning rate is above the limit this bowl allows."
    ),
    "step.noise.title": "Noisy gradients and a schedule",
    "step.noise.text": (
        "Every gradient gets random noise, as a small minibatch gives. Watch SGD jitter around "
        "the minimum, then set the learning-rate schedule to cosine."
    ),
    "step.all.title": "All six on Rosenbrock",
    "step.all.text": (
        "Six optimizers, each with its default learning rate for this surface. Play the race "
        "and read the summary: which ones reach (1, 1), and at which step?"
    ),
    "fig.start": "start",
    "fig.minima": "global minimum",
    "fig.minima_custom": "lowest grid points",
    "fig.saddle": "saddle point",
    "fig.play": "▶ Play",
    "fig.pause": "❚❚ Pause",
    "fig.step": "step",
    "fig.diverged": "{label} ✕ step {step}",
    "fig.gap": "f − f*",
    "fig.gap_log": "f − f*<br>(log scale)",
    "fig.lr": "scheduled α",
    "fig.coord_x": "x coordinate",
    "fig.coord_y": "y coordinate",
    "fig.step_size": "effective step size",
    "fig.neg_grad": "−gradient",
    "fig.memory.velocity": "−velocity b",
    "fig.memory.m": "−first moment m",
    "fig.memory.none": "step taken",
}

KO = {
    "title": "최적화 함수 실험",
    "intro": (
        "2차원 손실(loss) 곡면 위에서 최적화 함수(optimizer)들이 경주합니다. 색깔 선 하나가 흰 "
        "시작점에서 출발한 옵티마이저 하나의 경로이고, ▶를 누르면 한 단계씩 다시 보여 줍니다. 좁은 골짜기를 가로지르는 "
        "SGD의 지그재그, 지나쳤다가 되돌아오는 모멘텀(momentum), 보폭이 계속 줄어드는 AdaGrad, "
        "기울기(gradient)와 상관없이 일정한 속도로 움직이는 Adam을 찾아보고, 학습률(learning rate)과 "
        "곡면을 바꿔 가며 비교해 보세요."
    ),
    "presets": "강의 예제",
    "presets_help": "이야기를 고르면 곡면, 옵티마이저, 설정을 불러옵니다. 그다음 무엇이든 바꿔 보세요.",
    "step_changed": "설정이 단계 “{label}”와 달라져서 설명을 숨겼습니다. 다른 단계로 갔다가 "
                    "돌아오면 설정이 복원됩니다.",
    "story_changed": "설정이 이야기 “{label}”와 달라져서 설명을 숨겼습니다. 이야기를 다시 고르면 "
                     "설정이 돌아옵니다.",
    "sidebar_surface": "곡면",
    "surface": "손실 곡면",
    "kappa": "그릇의 조건수 κ",
    "kappa_help": "조건수(condition number)는 가장 가파른 곡률과 가장 완만한 곡률의 비입니다. SGD는 "
                  "α < 2/κ일 때만 안정적입니다.",
    "custom_option": "직접 입력한 수식",
    "custom_note": "직접 입력한 수식입니다. 최솟값의 위치는 미리 알 수 없습니다.",
    "expr": "f(x, y) =",
    "expr_help": (
        "숫자, x, y, pi, e, + - * / ** (지수는 |n| ≤ 10인 숫자), 그리고 sin cos tan exp log "
        "sqrt abs tanh를 쓸 수 있습니다. 최대 200자."
    ),
    "expr_placeholder": "x**2 + 10*sin(y)",
    "width": "그림의 반폭 (영역은 [−w, w]²)",
    "expr_error": "이 수식은 쓸 수 없습니다: {msg}",
    "expr_err.not_text": "수식은 문자열이어야 합니다.",
    "expr_err.too_long": "길이가 {n}자입니다 (최대 {max}자).",
    "expr_err.control": "보이지 않는 제어 문자가 들어 있습니다.",
    "expr_err.empty": "비어 있습니다. 예를 들어 {example}처럼 써 보세요.",
    "expr_err.syntax": "올바른 수식이 아닙니다{where}. 곱셈은 {times}로 씁니다. 예: {example}.",
    "expr_err.syntax_at": " ({offset}번째 글자)",
    "expr_err.caret": "거듭제곱은 {caret}가 아니라 {power}로 씁니다.",
    "expr_err.unreadable": "읽을 수 없습니다.",
    "expr_err.too_many_parts": "항이 너무 많습니다 (최대 {max}개).",
    "expr_err.too_deep": "괄호가 너무 깊게 중첩되어 있습니다 (최대 {max}단계).",
    "expr_err.function_name": "{name}은(는) 함수입니다. {call}처럼 쓰세요.",
    "expr_err.unknown_name": "{name}은(는) 알 수 없는 이름입니다.",
    "expr_err.case": "이름은 대소문자를 구분합니다.",
    "expr_err.operator": "연산자 {op}은(는) 쓸 수 없습니다.",
    "expr_err.attribute": "속성 접근({attr})은 쓸 수 없습니다.",
    "expr_err.call": "목록에 있는 함수만 호출할 수 있습니다.",
    "expr_err.unknown_function": "함수 {name}은(는) 쓸 수 없습니다.",
    "expr_err.arguments": "{name}에는 인자를 정확히 하나 넣습니다. 예: {example}.",
    "expr_err.syntax_kind": "{part}은(는) 수식에 쓸 수 없습니다.",
    "expr_err.not_real": "실수만 쓸 수 있습니다. {part}은(는) 안 됩니다.",
    "expr_err.exponent_kind": "{power} 뒤의 지수는 2, -1, 0.5 같은 숫자여야 합니다 (입력: {part}).",
    "expr_err.exponent_large": "지수가 너무 큽니다 (절댓값 최대 {max}).",
    "expr_err.number_large": "수식 안의 숫자가 너무 큽니다 (최대 {max}).",
    "expr_err.invalid": "올바른 수식이 아닙니다.",
    "expr_allowed": "쓸 수 있는 것: 숫자, {names}, 연산자 {ops}, 함수 {funcs}.",
    "expr_nonfinite": (
        "영역의 일부에서 f가 정의되지 않습니다(무한대이거나 숫자가 아님). 그 부분은 가장 진한 색으로 "
        "칠했고, 그곳에 발을 디딘 옵티마이저는 멈춥니다."
    ),
    "expr_nowhere": "이 영역에서는 f가 어디에서도 정의되지 않습니다. 다른 수식이나 폭을 골라 보세요.",
    "sidebar_optimizers": "옵티마이저",
    "optimizers": "경주에 나갈 옵티마이저",
    "optimizers_placeholder": "옵티마이저를 고르세요",
    "no_optimizers": "설정에서 옵티마이저를 하나 이상 골라야 경주가 시작됩니다.",
    "hp_header": "하이퍼파라미터 (기본값은 고른 곡면에 맞춘 값)",
    "reset": "이 곡면의 기본값으로 되돌리기",
    "hp.lr": "학습률",
    "hp.momentum": "모멘텀",
    "hp.decay": "g² 평균의 감쇠율",
    "hp.rho": "평균들의 감쇠율",
    "hp.beta1": "1차 모멘트 감쇠율",
    "hp.beta2": "2차 모멘트 감쇠율",
    "hp.eps": "엡실론 (수치 안정용)",
    "hp.weight_decay": "분리된 가중치 감쇠",
    "hp.momentum_decay": "모멘텀 감쇠 (μ 스케줄)",
    "steps": "단계 수",
    "x0": "시작 x",
    "y0": "시작 y",
    "schedule": "학습률 스케줄",
    "schedule_help": "모든 옵티마이저의 α에 적용됩니다. 계단식: 실행의 1/3마다 ×0.1, 지수: 끝에서 "
                     "α/100까지, 코사인: 0까지.",
    "sched.constant": "고정",
    "sched.step": "계단식 감소",
    "sched.exponential": "지수 감소",
    "sched.cosine": "코사인",
    "noise": "기울기 잡음 σ",
    "noise_help": "기울기의 각 성분에 N(0, σ²)을 더합니다. 미니배치로 추정한 기울기와 비슷합니다. "
                  "모든 옵티마이저가 같은 잡음 수열을 받습니다.",
    "seed": "잡음 시드",
    "view3d": "3D 보기",
    "view3d_help": "지도 대신 곡면을 3D로 봅니다 (높이는 등고선처럼 로그 눈금).",
    "race_header": "경주",
    "race_caption": (
        "지도를 클릭하면 그 점에서 경주를 시작합니다. ▶는 브라우저에서 0단계부터 다시 보여 주고, "
        "슬라이더를 끌면 원하는 단계로 갑니다. 큰 점은 각 옵티마이저의 현재 위치, 작은 점들은 이전 "
        "프레임 이후의 단계입니다. 점 사이가 넓으면 보폭이 큰 것입니다. 범례 항목을 클릭하면 경주와 "
        "손실 곡선에서 그 옵티마이저만 보입니다."
    ),
    "log_caption": "등고선은 로그 간격입니다 (이 영역에서 f − f\\*는 {decades:.0f}자릿수에 걸쳐 "
                   "있습니다).",
    "loss_header": "단계별 손실",
    "loss_caption": "f − f\\*를 로그 축으로 그렸습니다. f\\* = {fref} (최솟값, 직접 입력한 수식이면 "
                    "지금까지 본 가장 낮은 값).",
    "summary_caption": (
        "허용 오차: 최솟값에서 {tol:.3g} 이내 (그림 폭의 1%). “가장 가까운 최솟값”은 옵티마이저가 "
        "멈춘 곳에서 가장 가까운 최솟값입니다."
    ),
    "summary_caption_custom": (
        "직접 입력한 수식의 최솟값은 알 수 없으므로, 거리는 {n}×{n} 격자에서 가장 낮은 점 "
        "{points}까지 잰 근삿값입니다."
    ),
    "col_optimizer": "옵티마이저",
    "col_final_f": "마지막 f",
    "col_dist": "가장 가까운 최솟값까지 거리",
    "col_min": "가장 가까운 최솟값",
    "col_first": "허용 오차에 처음 든 단계",
    "col_diverged": "멈춘 단계",
    "col_steps": "실행한 단계",
    "never": "도달 못 함",
    "no": "아니요",
    "download_paths": "경로 (CSV)",
    "download_summary": "요약 (CSV)",
    "download_settings": "설정 (JSON)",
    "download_internals": "이 옵티마이저의 내부 값 (CSV)",
    "below_views": "경주 아래에 볼 것",
    "below.summary": "요약",
    "below.internals": "옵티마이저 속 들여다보기",
    "inspect": "들여다볼 옵티마이저",
    "internals_caption": (
        "왼쪽: 확대한 경로(연한 선)와 일정한 간격의 단계마다 그린 화살표. 회색은 −∇f, 즉 보통 "
        "경사 하강법이 가려는 방향이고, 색깔 화살표는 {memory}입니다. 화살표는 종류마다 가장 긴 "
        "것에 맞춰 크기를 정했습니다. 오른쪽: 각 좌표가 실제로 받는 보폭({unit} 1당)."
    ),
    "memory.velocity": "속도 −b(모멘텀 버퍼)로, 경로가 지나온 방향을 계속 가리킵니다",
    "memory.m": "−m, 즉 1차 모멘트(기울기의 이동 평균)",
    "memory.none": "실제로 내디딘 한 걸음 ({label}은(는) 속도도 모멘트도 기억하지 않습니다)",
    "unit.grad": "기울기",
    "unit.velocity": "속도 b",
    "unit.nesterov": "g + ρ·b",
    "unit.m": "1차 모멘트 m",
    "unit.nadam": "기울기와 1차 모멘트를 섞은 방향",
    "rules_header": "경주 중인 옵티마이저의 갱신 규칙",
    "rule_line": "**{label}** — {reference}",
    "note.nesterov": (
        "두 식은 같은 실행을 나타냅니다. torch의 점 x는 강의 식에서 기울기를 계산하는 "
        "미리 보기(look-ahead) 점 x̃ + ρv입니다. 그렇게 읽으면 torch는 자기 점에서의 기울기만 "
        "있으면 됩니다."
    ),
    "note.radam": (
        "m̂ₜ는 편향을 보정한 1차 모멘트, ρ∞는 근사한 단순 이동 평균의 최대 길이, ρₜ는 t단계에서의 "
        "길이, rₜ는 분산 보정 항입니다. 이 실험실은 torch.optim.RAdam과 같은 문턱값 ρₜ > 5를 써서 "
        "torch와 같은 숫자를 냅니다. Liu 등(Algorithm 2)은 rₜ가 처음 정의되는 ρₜ > 4부터 적응합니다. "
        "β₂ = {beta2}이면 여기서는 처음 {n5}단계가 보통 모멘텀 걸음입니다 (Liu의 문턱값이면 {n4}단계)."
    ),
    "diverge.who": "{label} ({step}단계)",
    "diverge.left_box": (
        "{who}: 이 곡면에 비해 학습률이 너무 큽니다. 점이 |x|, |y| = 10⁶ 밖으로 날아갔습니다. "
        "경로는 마지막 점(✕)에서 멈춥니다."
    ),
    "diverge.overflow": (
        "{who}: 숫자가 float64로 담을 수 없을 만큼 커졌습니다(f, 기울기 또는 점이 무한대). 여기서 "
        "f가 커지는 속도에 비해 학습률이 너무 큽니다. 경로는 마지막 유한한 점(✕)에서 멈춥니다."
    ),
    "diverge.undefined": (
        "{who}: f가 정의되지 않는 곳에 발을 디뎠습니다(그곳에서 f나 기울기가 숫자가 아님. 예: 음수의 "
        "log나 sqrt). 학습률이 아니라 수식의 정의역 문제입니다. 경로는 마지막 점(✕)에서 멈춥니다."
    ),
    "surface.quadratic.label": "조건이 나쁜 그릇",
    "surface.quadratic.note": "y 방향으로는 가파르고 x 방향으로는 완만합니다. 기본 경사 하강법은 "
                              "지그재그로 움직입니다.",
    "surface.saddle.label": "안장점",
    "surface.saddle.note": "두 골짜기 사이 원점에 안장점(saddle point)이 있습니다. 그곳에서 기울기가 거의 0이라 "
                           "경사 하강법은 한참 머문 뒤에야 미끄러져 내려갑니다.",
    "surface.rosenbrock.label": "Rosenbrock",
    "surface.rosenbrock.note": "바닥이 평평하고 휘어진 골짜기: 찾기는 쉽고 따라가기는 어렵습니다.",
    "surface.beale.label": "Beale",
    "surface.beale.note": "평평한 고원 옆에 아주 가파른 벽: 기울기의 크기가 몇 자릿수씩 달라집니다.",
    "surface.himmelblau.label": "Himmelblau",
    "surface.himmelblau.note": "똑같이 좋은 최솟값이 네 개: 어느 것에 닿을지는 경로에 달려 있습니다.",
    "surface.booth.label": "Booth",
    "surface.booth.note": "좌표가 얽혀 있는 기울어진 그릇 (조건수 9).",
    "surface.rastrigin.label": "Rastrigin",
    "surface.rastrigin.note": "지역 최솟값이 달걀판처럼 깔려 있어 모든 옵티마이저가 가장 가까운 "
                              "구덩이에서 멈춥니다.",
    "surface.styblinski_tang.label": "Styblinski–Tang",
    "surface.styblinski_tang.note": "깊이가 다른 분지 네 개: 전역 최솟값은 (−2.90, −2.90)에 "
                                    "있습니다.",
    "story.zigzag.label": "SGD 지그재그 vs 모멘텀",
    "story.zigzag.text": (
        "세로(y) 방향이 가로(x) 방향보다 {kappa}배 가파른 그릇에서 SGD는 가파른 방향으로 매번 지나쳐 "
        "양쪽 벽 사이를 튕겨 다니고, 바닥을 따라서는 한 걸음에 남은 거리의 {crawl}%만 줄입니다. "
        "모멘텀은 튕기는 움직임을 평균으로 지우고 골짜기를 따라 속도를 붙여, {mom_hit}단계에 최솟값에서 {tol} 이내로 들어옵니다 (SGD는 {sgd_hit}단계)."
    ),
    "story.saddle.label": "안장점",
    "story.saddle.text": (
        "능선 위에서 거의 정확히 출발한 SGD는 기울기가 거의 0인 안장점까지 미끄러져 내려가 그 0.1 "
        "이내에서 {sgd_near}단계를 보낸 뒤에야 골짜기로 빠집니다 (최솟값 도달 {sgd_hit}단계). 모멘텀은 "
        "속도를 실은 채 지나갑니다 ({mom_closest}까지 다가가 {mom_near}단계 머물고, 최솟값 도달 "
        "{mom_hit}단계). Adam은 첫 걸음부터 아주 작은 y 기울기를 키워서 곧바로 능선을 벗어나고, "
        "안장점에 {adam_closest}보다 가까이 가지 않습니다 (최솟값 도달 {adam_hit}단계)."
    ),
    "story.adagrad.label": "멈춰 서는 AdaGrad vs RMSProp",
    "story.adagrad.text": (
        "같은 α = {lr}에서 AdaGrad는 지금까지의 모든 기울기 제곱의 합의 제곱근으로 나누므로 보폭이 "
        "줄어들기만 합니다. {steps}단계 뒤에도 최솟값에서 {ada_dist} 떨어져 있고, RMSProp은 이동 "
        "평균이 가파른 출발을 잊어서 {rms_hit}단계에 {tol} 이내로 들어옵니다. 멈춰 서는 것은 α 때문입니다. "
        "이 곡면의 기본값 α = {lr_default}이면 AdaGrad도 {ada_default_hit}단계에 {tol} 이내로 들어옵니다."
    ),
    "story.rosenbrock.label": "Rosenbrock에서 Adam vs SGD",
    "story.rosenbrock.text": (
        "Rosenbrock의 골짜기는 찾기 쉽고 따라가기 어렵습니다. 바닥은 거의 평평한데 벽은 아주 가팔라서 "
        "α = {sgd_lr}이면 SGD는 바닥을 기어가다 {steps}단계 뒤에도 (1, 1)에서 {sgd_dist} 떨어져 "
        "있습니다. SGD가 쓸 수 있는 α의 폭은 좁습니다: α = {sgd_ok}이면 {sgd_ok_hit}단계에 {tol} "
        "이내로 들어오지만, α = {sgd_big}이면 벌써 {sgd_big_div}단계에 발산합니다. Adam은 좌표마다 "
        "보폭의 크기를 맞춰 휘어진 골짜기를 따라가 {adam_hit}단계에 (1, 1)에서 {tol} 이내로 들어옵니다."
    ),
    "story.diverge.label": "너무 큰 학습률",
    "story.diverge.text": (
        "이 그릇에서 기본 경사 하강법은 α < 2/κ = {limit}일 때만 안정적입니다. α = {sgd_lr}이면 골짜기를 "
        "가로지르는 걸음마다 바로잡는 것보다 더 크게 지나쳐 SGD가 {sgd_div}단계에 발산합니다. 경주는 "
        "SGD를 마지막 유한한 점에서 멈추고, 다른 옵티마이저는 최솟값까지 계속 갑니다."
    ),
    "story.noise.label": "잡음 섞인 기울기",
    "story.noise.text": (
        "실제 학습은 작은 미니배치로 기울기를 추정합니다. 여기서는 모든 기울기에 N(0, {noise}²) 잡음을 "
        "더했더니 SGD가 최솟값에 자리 잡지 못하고 주변에서 떨립니다. 마지막 50단계 동안에도 한 단계에 "
        "평균 {sgd_jitter}씩 움직입니다. 학습률 스케줄을 코사인으로 바꾸면 α가 줄면서 떨림이 잦아듭니다 "
        "(한 단계에 {sgd_jitter_cos})."
    ),
    "step.zigzag.title": "SGD의 지그재그와 모멘텀",
    "step.zigzag.text": (
        "▶를 누르고 보세요. SGD는 좁은 골짜기의 양쪽 벽 사이를 튕겨 다니고, 모멘텀은 굴러가는 "
        "공처럼 골짜기 바닥을 따라 속도를 붙입니다."
    ),
    "step.saddle.title": "안장점에서의 SGD",
    "step.saddle.text": (
        "SGD의 두 번째 약점: 안장점 근처에서는 기울기가 거의 0입니다. 옵티마이저마다 안장점 곁에서 "
        "얼마나 머물다 골짜기로 빠지는지 보세요."
    ),
    "step.nesterov.title": "Nesterov 모멘텀(NAG)",
    "step.nesterov.text": (
        "Nesterov는 속도가 데려갈 자리에서 기울기를 구하므로 벽에 닿기 전에 속도를 줄입니다. "
        "골짜기 바닥을 처음 건넌 뒤 모멘텀은 |y| = {mom}까지, Nesterov는 |y| = {nag}까지만 "
        "벗어납니다 (둘 다 α = {lr}, ρ = {rho})."
    ),
    "step.adagrad.title": "AdaGrad와 RMSProp",
    "step.adagrad.text": (
        "둘 다 좌표마다 보폭을 따로 정합니다. 경주 아래에서 AdaGrad의 보폭이 줄어들기만 하는 것을 "
        "보고, RMSProp을 골라 비교해 보세요."
    ),
    "step.rosenbrock.title": "Rosenbrock에서 Adam",
    "step.rosenbrock.text": (
        "Adam은 모멘텀의 이동 평균과 RMSProp의 좌표별 보폭 조절을 합친 방법입니다. 휘어진 골짜기를 "
        "따라 (1, 1)로 가는 두 경로를 따라가 보세요."
    ),
    "step.diverge.title": "너무 큰 학습률",
    "step.diverge.text": (
        "경주 위의 경고를 읽고 SGD의 경로가 ✕로 끝나는 곳을 찾아보세요. 학습률이 이 그릇에서 "
        "허용되는 한계보다 큽니다."
    ),
    "step.noise.title": "잡음 섞인 기울기와 스케줄",
    "step.noise.text": (
        "작은 미니배치처럼 기울기마다 무작위 잡음이 섞입니다. SGD가 최솟값 주변에서 떠는 것을 "
        "보고, 학습률 스케줄을 코사인으로 바꿔 보세요."
    ),
    "step.all.title": "Rosenbrock 위의 여섯 옵티마이저",
    "step.all.text": (
        "여섯 옵티마이저가 각자 이 곡면의 기본 학습률로 달립니다. 경주를 재생하고 요약표를 읽어 보세요. "
        "어느 것이 (1, 1)에 닿고, 몇 단계에 닿을까요?"
    ),
    "fig.start": "시작점",
    "fig.minima": "전역 최솟값",
    "fig.minima_custom": "격자에서 가장 낮은 점",
    "fig.saddle": "안장점",
    "fig.play": "▶ 재생",
    "fig.pause": "❚❚ 멈춤",
    "fig.step": "단계",
    "fig.diverged": "{label} ✕ {step}단계",
    "fig.gap": "f − f*",
    "fig.gap_log": "f − f*<br>(로그 눈금)",
    "fig.lr": "스케줄된 α",
    "fig.coord_x": "x 좌표",
    "fig.coord_y": "y 좌표",
    "fig.step_size": "실제 보폭",
    "fig.neg_grad": "−기울기",
    "fig.memory.velocity": "−속도 b",
    "fig.memory.m": "−1차 모멘트 m",
    "fig.memory.none": "내디딘 걸음",
}

T = Strings("optimizers", en=EN, ko=KO)


def fig_text(lang: str | None = None) -> dict:
    """The figures' labels (keys without the ``fig.`` prefix) in one language."""
    return {k[4:]: T(k, lang) for k in EN if k.startswith("fig.")}
