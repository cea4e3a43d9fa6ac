"""Text of the Perceptron-and-XOR page (labs/perceptron.py), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "perceptron",
    en={
        "title": "Perceptron and XOR",
        "intro": (
            "A perceptron draws one straight line, w·x + b = 0, and says 1 on one side. "
            "Rosenblatt's rule moves that line after every mistake. Watch it settle on AND, OR "
            "and NAND, and cycle forever on XOR, where no line gets all four points right; then "
            "see how a hidden layer of two units bends the plane so that one line does."
        ),
        "presets": "Lecture presets",
        "preset.and": "AND: learn it",
        "preset.or": "OR: learn it",
        "preset.xor": "XOR: the rule never stops",
        "preset.and_hand": "AND by hand (0.5, 0.5, −0.7)",
        "preset.xor_hand": "XOR by hand: best line",
        "preset.xor_mlp": "XOR with a hidden layer",
        "preset.and.text": (
            "Lecture (logic gates, learning steps 1–5): start from w = 0, b = 0, show the four "
            "rows in order, compare ŷ with y and, after each mistake, move the line: "
            "w ← w + lr·(y − ŷ)·x. Press **One step** a few times: which row triggers each "
            "update? Question: in which epoch does AND stop making mistakes? (The status line "
            "answers it.)"
        ),
        "preset.or.text": (
            "The same rule on OR. Question: does OR need more or fewer updates than AND from "
            "the same start? Compare the two status lines."
        ),
        "preset.xor.text": (
            "Lecture: “Is it possible to solve XOR using a single layer perceptron? No.” The rule "
            "runs until the weights come back exactly to an earlier state; the chart of w1, w2, "
            "b over the steps shows the loop."
        ),
        "preset.and_hand.text": (
            "The AND perceptron of Saito's *Deep Learning from Scratch*: w1 = w2 = 0.5 and "
            "b = −0.7 (threshold θ = 0.7). Move b: for which values does the table still read "
            "AND?"
        ),
        "preset.xor_hand.text": (
            "OR's line on XOR's table. Try every slider: the accuracy never reaches 4 of 4 (the "
            "caption says the best any line can do, computed over all lines)."
        ),
        "preset.xor_mlp.text": (
            "Lecture: “if we use a two-layer perceptron, we can solve XOR.” The hand-set net "
            "computes XOR = AND(NAND, OR); below it, the same 2-2-1 shape trained by gradient "
            "descent from many seeds."
        ),
        "step.and_hand.title": "A perceptron is a line",
        "step.and_hand.text": (
            "With w1 = w2 = 0.5 and b = −0.7, only (1, 1) lies on the ŷ = 1 side of the line, "
            "so the table reads AND. Open Controls and move b: for which values does it stay AND?"
        ),
        "step.and.title": "Learning AND",
        "step.and.text": (
            "Start from w = 0, b = 0 and press **One step**: each mistake moves the line by "
            "lr·(y − ŷ)·x. Epoch {e} is the first without a mistake."
        ),
        "step.or.title": "Learning OR",
        "step.or.text": (
            "The same rule from the same start: OR's first epoch without a mistake is epoch "
            "{e_or}, AND's was epoch {e_and}."
        ),
        "step.xor_hand.title": "No line for XOR",
        "step.xor_hand.text": (
            "Open Controls and move w1, w2 and b: no line gets all four XOR points right. The best "
            "any line can do is {best} of 4."
        ),
        "step.xor.title": "XOR: the rule never stops",
        "step.xor.text": (
            "The weights after epoch {e1} are exactly those after epoch {e0}, so the line goes "
            "round the same loop forever: see it in the chart of w1, w2, b."
        ),
        "step.xor_mlp.title": "A hidden layer solves XOR",
        "step.xor_mlp.text": (
            "Two hidden units, NAND and OR, move the four points so that one line separates "
            "them: XOR = AND(NAND, OR). Below, the same 2-2-1 network trained from {s} seeds."
        ),
        "view": "View",
        "view.rule": "Learning rule",
        "view.hand": "By hand",
        "view.mlp": "2-2-1 network",
        "data": "Data",
        "gate": "Points",
        "gate.and": "AND",
        "gate.or": "OR",
        "gate.nand": "NAND",
        "gate.xor": "XOR",
        "gate.xor_data": "Noisy XOR (2-D data set)",
        "n": "Points in the data set",
        "noise": "Noise (std)",
        "data_seed": "Data seed",
        "rule_settings": "Learning rule",
        "lr": "Learning rate lr",
        "w1_0": "Initial w1",
        "w2_0": "Initial w2",
        "b_0": "Initial b",
        "order": "Order of the samples",
        "order.fixed": "Fixed (table order)",
        "order.shuffle": "Shuffled each epoch",
        "seed": "Shuffle seed",
        "step": "Step",
        "step_help": "One step = one sample shown to the perceptron. The URL keeps it.",
        "hand_settings": "By hand",
        "hw1": "w1",
        "hw2": "w2",
        "hb": "b",
        "mlp_settings": "2-2-1 network",
        "act": "Hidden activation",
        "mlr": "Learning rate (gradient descent)",
        "epochs": "Epochs",
        "seeds": "Seeds to train",
        "pick": "Show seed",
        "btn.step": "One step",
        "btn.epoch": "One epoch",
        "btn.run": "Run to the end",
        "btn.reset": "Reset",
        "rule_converged": (
            "**Converged.** Epoch {e} is the first pass over the {n} points without a mistake. "
            "The rule made {updates} updates, the last one at step {last}; after that nothing "
            "changes."
        ),
        "rule_cycle": (
            "**Never converges.** The weights after epoch {e1} are exactly those after epoch "
            "{e0} (same order of samples), so {span} forever, with {k} mistakes "
            "every time around. Computed over every possible line, the best one gets "
            "{best} of {n} points right, so no weights can make an epoch mistake-free."
        ),
        "rule_capped_sep": (
            "No mistake-free epoch in the first {epochs} epochs ({steps} steps). A line does "
            "separate these points (the best gets {n} of {n}), so the rule converges later "
            "(Novikoff, 1962)."
        ),
        "rule_capped_nonsep": (
            "No mistake-free epoch in {epochs} epochs ({steps} steps), and none can come: the "
            "best possible line gets {best} of {n} points right ({pct}), so every epoch makes "
            "at least one mistake and the line keeps moving."
        ),
        "span_one": "epoch {e} repeats",
        "span_many": "epochs {a}–{b} repeat",
        "line_outside": "The line {w} lies outside this view: every point shown is on one side.",
        "no_line": "w = (0, 0): there is no line. Every point has z = b = {b}, so ŷ = {yhat} for all.",
        "step0": "**Step 0**: the initial weights. Press **One step**.",
        "step_text": (
            "**Step {t}** · epoch {e}, sample {k} of {n}: x = ({x1}, {x2}), y = {y}, ŷ = {yhat}"
        ),
        "step_mistake": "**mistake** → w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ)",
        "step_ok": "correct → no change",
        "same_state": "The state at step {t} equals the one at step {s} (the cycle repeats).",
        "now_right": "Now **{c} of {n}** points right.",
        "w_row": "step",
        "row.before": "before",
        "row.update": "update lr·(y − ŷ)·(x, 1)",
        "row.after": "after",
        "plane_title": "Input plane: the perceptron's line w·x + b = 0",
        "hand_title": "Your line w1·x1 + w2·x2 + b = 0",
        "x1": "x₁",
        "x2": "x₂",
        "class0": "y = 0",
        "class1": "y = 1",
        "region": "ŷ = 1 side",
        "line": "line after the step",
        "old_line": "line before the step",
        "hand_line": "w·x + b = 0",
        "current": "sample of this step",
        "weights_title": "Weights after every step",
        "weights_x": "step",
        "weights_y": "value",
        "mistakes_title": "Mistakes (= updates) per epoch",
        "mistakes_x": "epoch",
        "mistakes_y": "mistakes",
        "dl_rule": "Download the steps (CSV)",
        "truth_table": "Truth table",
        "col.z": "z = w·x + b",
        "col.yhat": "ŷ",
        "col.y": "y",
        "col.ok": "right?",
        "yes": "✓",
        "no": "✗",
        "hand_acc": (
            "**{c} of {n}** right with this line. The best any line can do on these points: "
            "**{best} of {n}** (computed over every line)."
        ),
        "sep_count": (
            "Of the 16 Boolean functions of two inputs, {k} are linearly separable; the ones no "
            "line separates are {names}."
        ),
        "dl_hand": "Download the table (CSV)",
        "hand_net": "A hand-set solution: XOR = AND(NAND, OR)",
        "hand_net_text": (
            "Hidden unit h₁ = NAND(x₁, x₂) = step(−x₁ − x₂ + 1.5), h₂ = OR(x₁, x₂) = "
            "step(x₁ + x₂ − 0.5); output AND(h₁, h₂) = step(h₁ + h₂ − 1.5). In the hidden space "
            "(0, 1) and (1, 0) both land on {p01}, (0, 0) on {p00} and (1, 1) on {p11}: one "
            "line now separates the classes, and the network gets {c} of 4 right."
        ),
        "diagram_title": "2-2-1 network (edge: weight, unit: bias)",
        "diagram_hidden_hand": "h₁ NAND,h₂ OR",
        "diagram_output_hand": "AND",
        "diagram_hidden": "h₁,h₂",
        "diagram_output": "out",
        "col.h1": "h₁ = NAND",
        "col.h2": "h₂ = OR",
        "col.out": "AND(h₁, h₂)",
        "col.xor": "XOR",
        "hidden_title": "Hidden space h = g(Wx + b) and the output's line",
        "h1": "h₁",
        "h2": "h₂",
        "out_line": "output line",
        "trained": "Trained by gradient descent",
        "trained_summary": (
            "**{k} of {s}** seeds reach 4 of 4 after {epochs} epochs ({act}, lr {lr}, "
            "binary cross-entropy, full batch)."
        ),
        "trained_fail": (
            " The other {m} end with {counts} of 4 right; their loss is {loss}, against at most "
            "{solved_max} for the solved ones."
        ),
        "trained_half": (
            " Seeds {seeds} are sure of two points and give p ≈ 0.5 (within {tol}) on the other "
            "two: that state's loss is ln 2 / 2 ≈ 0.347, and gradient descent only creeps toward "
            "it. More epochs do not help there; another seed does."
        ),
        "trained_other": " Seeds {seeds} are not in that state: more epochs may still help.",
        "trained_none": " No seed solved it: try more epochs or a larger learning rate.",
        "pick_text": "Seed {seed}: **{c} of 4** right, loss {loss}.",
        "pick_sep": (
            "In the hidden space the output unit's line separates the four points, which no "
            "line can do in the input plane."
        ),
        "pick_nosep": "Even in the hidden space the output unit's line gets only {c} of 4.",
        "diverged": "Seeds {seeds} blew up (a weight or the loss became too large): lower lr.",
        "loss_title": "Loss of every seed (log scale)",
        "loss_x": "epoch",
        "loss_y": "binary cross-entropy",
        "solved": "reaches 4/4",
        "stuck": "stuck below 4/4",
        "picked": "shown seed",
        "regions_title": "Input plane: the net's output p and its hidden units' lines",
        "prob": "p(y=1)",
        "hidden1": "h₁'s line",
        "hidden2": "h₂'s line",
        "col.seed": "seed",
        "col.right": "right of 4",
        "col.loss": "final loss",
        "dl_mlp": "Download every seed's loss curve (CSV)",
        "dl_net": "Download the shown network (JSON)",
        "spinner": "Training {s} networks for {epochs} epochs…",
    },
    ko={
        "title": "퍼셉트론과 XOR",
        "intro": (
            "퍼셉트론(perceptron)은 직선 하나 w·x + b = 0을 긋고 그 한쪽을 1이라고 답합니다. "
            "로젠블랫의 학습 규칙은 틀릴 때마다 이 직선을 옮깁니다. AND, OR, NAND에서는 직선이 "
            "자리를 잡고, 어떤 직선도 네 점을 모두 맞히지 못하는 XOR에서는 끝없이 맴도는 것을 "
            "보세요. 이어서 은닉층(hidden layer)의 유닛 두 개가 평면을 바꾸어 직선 하나로 "
            "나눌 수 있게 만드는 과정을 봅니다."
        ),
        "presets": "강의 예제",
        "preset.and": "AND 학습",
        "preset.or": "OR 학습",
        "preset.xor": "XOR: 학습이 끝나지 않음",
        "preset.and_hand": "직접 정한 AND (0.5, 0.5, −0.7)",
        "preset.xor_hand": "XOR에 직접 그은 직선",
        "preset.xor_mlp": "은닉층으로 푸는 XOR",
        "preset.and.text": (
            "강의(논리회로, 학습과정 1–5단계): w = 0, b = 0에서 시작해 진리표의 네 행을 차례로 "
            "보여 주고, ŷ을 y와 비교해 틀릴 때마다 직선을 옮깁니다: w ← w + lr·(y − ŷ)·x. "
            "**한 단계**를 몇 번 눌러 보세요. 어느 행이 갱신을 일으키나요? 질문: AND는 몇 번째 "
            "에포크부터 틀리지 않을까요? (상태 문장이 답합니다.)"
        ),
        "preset.or.text": (
            "같은 규칙을 OR에 적용합니다. 질문: 같은 출발점에서 OR은 AND보다 갱신이 많을까요, "
            "적을까요? 두 상태 문장을 비교해 보세요."
        ),
        "preset.xor.text": (
            "강의: “단층 퍼셉트론으로 XOR 문제를 풀 수 있을까? 없다.” 가중치가 예전 상태로 "
            "정확히 돌아올 때까지 규칙을 실행합니다. 단계별 w1, w2, b 그래프에서 반복되는 "
            "고리가 보입니다."
        ),
        "preset.and_hand.text": (
            "사이토 고키의 『밑바닥부터 시작하는 딥러닝』의 AND 퍼셉트론: w1 = w2 = 0.5, "
            "b = −0.7 (임계값 θ = 0.7). b를 움직여 보세요. b가 어느 범위에 있을 때 진리표가 "
            "AND로 남을까요?"
        ),
        "preset.xor_hand.text": (
            "OR의 직선을 XOR 진리표에 그었습니다. 슬라이더를 모두 움직여 보세요. 정확도는 "
            "4개 중 4개에 이르지 못합니다(캡션은 모든 직선을 계산해 찾은 최선을 보여 줍니다)."
        ),
        "preset.xor_mlp.text": (
            "강의: “2층 퍼셉트론을 쓰면 XOR 문제를 풀 수 있다.” 직접 정한 신경망은 "
            "XOR = AND(NAND, OR)를 계산합니다. 그 아래에서는 같은 2-2-1 구조를 여러 시드에서 "
            "경사 하강법으로 학습합니다."
        ),
        "step.and_hand.title": "퍼셉트론은 직선 하나",
        "step.and_hand.text": (
            "w1 = w2 = 0.5, b = −0.7이면 (1, 1)만 직선의 ŷ = 1 쪽에 있어 진리표가 AND가 됩니다. "
            "설정 조절을 열어 b를 움직여 보세요. 어디까지 AND로 남을까요?"
        ),
        "step.and.title": "AND 학습",
        "step.and.text": (
            "w = 0, b = 0에서 시작해 **한 단계**를 눌러 보세요. 틀릴 때마다 직선이 "
            "lr·(y − ŷ)·x만큼 움직입니다. 에포크 {e}에서 처음으로 하나도 틀리지 않습니다."
        ),
        "step.or.title": "OR 학습",
        "step.or.text": (
            "같은 출발점에서 같은 규칙으로 학습하면 OR은 에포크 {e_or}에서 처음으로 하나도 "
            "틀리지 않습니다. AND는 에포크 {e_and}였습니다."
        ),
        "step.xor_hand.title": "XOR을 가르는 직선은 없다",
        "step.xor_hand.text": (
            "설정 조절을 열어 w1, w2, b를 움직여 보세요. 네 XOR 점을 모두 맞히는 직선은 없습니다. 어떤 "
            "직선도 4개 중 {best}개가 최선입니다."
        ),
        "step.xor.title": "XOR: 학습이 끝나지 않음",
        "step.xor.text": (
            "에포크 {e1} 뒤의 가중치가 에포크 {e0} 뒤와 똑같아서 직선이 같은 고리를 영원히 "
            "돕니다. w1, w2, b 그래프에서 확인해 보세요."
        ),
        "step.xor_mlp.title": "은닉층이 XOR을 푼다",
        "step.xor_mlp.text": (
            "은닉 유닛 두 개(NAND와 OR)가 네 점을 옮겨 놓으면 직선 하나로 가를 수 있습니다: "
            "XOR = AND(NAND, OR). 아래는 같은 2-2-1 신경망을 시드 {s}개에서 학습한 결과입니다."
        ),
        "view": "보기",
        "view.rule": "학습 규칙",
        "view.hand": "직접 정하기",
        "view.mlp": "2-2-1 신경망",
        "data": "데이터",
        "gate": "점",
        "gate.and": "AND",
        "gate.or": "OR",
        "gate.nand": "NAND",
        "gate.xor": "XOR",
        "gate.xor_data": "잡음 있는 XOR (2차원 데이터셋)",
        "n": "데이터셋의 점 개수",
        "noise": "잡음 (표준편차)",
        "data_seed": "데이터 시드",
        "rule_settings": "학습 규칙",
        "lr": "학습률(learning rate) lr",
        "w1_0": "w1 초기값",
        "w2_0": "w2 초기값",
        "b_0": "b 초기값",
        "order": "샘플 순서",
        "order.fixed": "고정 (진리표 순서)",
        "order.shuffle": "에포크마다 섞기",
        "seed": "섞기 시드",
        "step": "단계",
        "step_help": "한 단계 = 퍼셉트론에 샘플 하나를 보여 주기. URL에 저장됩니다.",
        "hand_settings": "직접 정하기",
        "hw1": "w1",
        "hw2": "w2",
        "hb": "b",
        "mlp_settings": "2-2-1 신경망",
        "act": "은닉층 활성화 함수(activation function)",
        "mlr": "학습률 (경사 하강법)",
        "epochs": "에포크",
        "seeds": "학습할 시드 수",
        "pick": "보여 줄 시드",
        "btn.step": "한 단계",
        "btn.epoch": "한 에포크",
        "btn.run": "끝까지 실행",
        "btn.reset": "처음으로",
        "rule_converged": (
            "**수렴했습니다.** {e}번째 에포크에서 처음으로 {n}개 점을 하나도 틀리지 않았습니다. "
            "규칙은 {updates}번 갱신했고 마지막 갱신은 {last}단계였습니다. 그 뒤로는 아무것도 "
            "바뀌지 않습니다."
        ),
        "rule_cycle": (
            "**수렴하지 않습니다.** 에포크 {e1} 뒤의 가중치가 에포크 {e0} 뒤의 가중치와 정확히 "
            "같으므로(샘플 순서도 같음) {span} 영원히 반복되고, 한 바퀴마다 "
            "{k}번 틀립니다. 가능한 모든 직선을 계산해 보면 가장 좋은 직선도 {n}개 중 {best}개만 "
            "맞히므로, 어떤 가중치로도 틀리지 않는 에포크는 나올 수 없습니다."
        ),
        "rule_capped_sep": (
            "처음 {epochs}개 에포크({steps}단계) 동안 틀리지 않은 에포크가 없었습니다. 하지만 "
            "이 점들은 직선으로 나뉘므로(최선의 직선이 {n}개 중 {n}개를 맞힘) 규칙은 더 뒤에 "
            "수렴합니다(Novikoff, 1962)."
        ),
        "rule_capped_nonsep": (
            "{epochs}개 에포크({steps}단계) 동안 틀리지 않은 에포크가 없었고, 앞으로도 없습니다: "
            "가능한 가장 좋은 직선도 {n}개 중 {best}개({pct})만 맞히므로 매 에포크 적어도 한 번은 "
            "틀리고 직선은 계속 움직입니다."
        ),
        "span_one": "에포크 {e}의 과정이",
        "span_many": "에포크 {a}–{b}의 과정이",
        "line_outside": "직선 {w}: 이 화면 밖에 있어 보이는 점이 모두 한쪽에 있습니다.",
        "no_line": "w = (0, 0)이면 직선이 없습니다. 모든 점에서 z = b = {b}이므로 모두 ŷ = {yhat}입니다.",
        "step0": "**0단계**: 초기 가중치입니다. **한 단계**를 누르세요.",
        "step_text": (
            "**{t}단계** · 에포크 {e}, {n}개 중 {k}번째 샘플: x = ({x1}, {x2}), y = {y}, ŷ = {yhat}"
        ),
        "step_mistake": "**틀림** → w ← w + lr·(y − ŷ)·x, b ← b + lr·(y − ŷ)",
        "step_ok": "맞음 → 변화 없음",
        "same_state": "{t}단계의 상태는 {s}단계와 같습니다(고리가 반복됨).",
        "now_right": "지금 {n}개 중 **{c}개**를 맞힙니다.",
        "w_row": "단계",
        "row.before": "이전",
        "row.update": "갱신량 lr·(y − ŷ)·(x, 1)",
        "row.after": "이후",
        "plane_title": "입력 평면: 퍼셉트론의 직선 w·x + b = 0",
        "hand_title": "직접 정한 직선 w1·x1 + w2·x2 + b = 0",
        "x1": "x₁",
        "x2": "x₂",
        "class0": "y = 0",
        "class1": "y = 1",
        "region": "ŷ = 1 쪽",
        "line": "이번 단계 뒤의 직선",
        "old_line": "이번 단계 전의 직선",
        "hand_line": "w·x + b = 0",
        "current": "이번 단계의 샘플",
        "weights_title": "단계별 가중치",
        "weights_x": "단계",
        "weights_y": "값",
        "mistakes_title": "에포크별 틀린 횟수 (= 갱신 횟수)",
        "mistakes_x": "에포크",
        "mistakes_y": "틀린 횟수",
        "dl_rule": "단계 기록 내려받기 (CSV)",
        "truth_table": "진리표",
        "col.z": "z = w·x + b",
        "col.yhat": "ŷ",
        "col.y": "y",
        "col.ok": "정답?",
        "yes": "✓",
        "no": "✗",
        "hand_acc": (
            "이 직선으로 {n}개 중 **{c}개**를 맞힙니다. 직선 하나로 맞힐 수 있는 최대는 {n}개 중 "
            "**{best}개**입니다(모든 직선을 따져 계산)."
        ),
        "sep_count": (
            "입력이 두 개인 불 함수 16개 중 {k}개가 직선 하나로 나뉩니다. 어떤 직선으로도 "
            "나뉘지 않는 것은 {names}입니다."
        ),
        "dl_hand": "진리표 내려받기 (CSV)",
        "hand_net": "직접 정한 해: XOR = AND(NAND, OR)",
        "hand_net_text": (
            "은닉 유닛 h₁ = NAND(x₁, x₂) = step(−x₁ − x₂ + 1.5), h₂ = OR(x₁, x₂) = "
            "step(x₁ + x₂ − 0.5), 출력 AND(h₁, h₂) = step(h₁ + h₂ − 1.5). 은닉 공간에서 "
            "(0, 1)과 (1, 0)은 모두 {p01}에, (0, 0)은 {p00}에, (1, 1)은 {p11}에 놓입니다. 이제 "
            "직선 하나가 두 클래스를 나누고, 신경망은 4개 중 {c}개를 맞힙니다."
        ),
        "diagram_title": "2-2-1 신경망 (선: 가중치, 유닛: 편향)",
        "diagram_hidden_hand": "h₁ NAND,h₂ OR",
        "diagram_output_hand": "AND",
        "diagram_hidden": "h₁,h₂",
        "diagram_output": "출력",
        "col.h1": "h₁ = NAND",
        "col.h2": "h₂ = OR",
        "col.out": "AND(h₁, h₂)",
        "col.xor": "XOR",
        "hidden_title": "은닉 공간 h = g(Wx + b)와 출력 유닛의 직선",
        "h1": "h₁",
        "h2": "h₂",
        "out_line": "출력 직선",
        "trained": "경사 하강법으로 학습",
        "trained_summary": (
            "{s}개 시드 중 **{k}개**가 {epochs} 에포크 뒤 4개 중 4개를 맞힙니다({act}, 학습률 "
            "{lr}, 이진 교차 엔트로피, 전체 배치)."
        ),
        "trained_fail": (
            " 나머지 {m}개는 4개 중 {counts}개만 맞히고 손실(loss)이 {loss}입니다(성공한 "
            "시드는 최대 {solved_max})."
        ),
        "trained_half": (
            " 시드 {seeds}: 두 점은 확신하고 나머지 두 점에서는 p ≈ 0.5(차이 {tol} 이내)를 "
            "냅니다. 이 상태의 손실은 ln 2 / 2 ≈ 0.347이고 경사 하강법은 그 값으로 아주 천천히 "
            "다가갈 뿐입니다. 에포크를 늘려도 소용없고, 다른 시드에서는 풀립니다."
        ),
        "trained_other": " 시드 {seeds}: 이 상태가 아니므로 에포크를 늘리면 풀릴 수도 있습니다.",
        "trained_none": " 성공한 시드가 없습니다: 에포크를 늘리거나 학습률을 키워 보세요.",
        "pick_text": "시드 {seed}: 4개 중 **{c}개** 정답, 손실 {loss}.",
        "pick_sep": (
            "은닉 공간에서는 출력 유닛의 직선이 네 점을 나눕니다. 입력 평면에서는 어떤 "
            "직선도 하지 못하는 일입니다."
        ),
        "pick_nosep": "은닉 공간에서도 출력 유닛의 직선은 4개 중 {c}개만 맞힙니다.",
        "diverged": "발산한 시드(가중치나 손실이 너무 커짐): {seeds}. 학습률을 낮추세요.",
        "loss_title": "시드별 손실 (로그 눈금)",
        "loss_x": "에포크",
        "loss_y": "이진 교차 엔트로피",
        "solved": "4/4 도달",
        "stuck": "4/4 미만에 머묾",
        "picked": "보여 주는 시드",
        "regions_title": "입력 평면: 신경망의 출력 p와 은닉 유닛의 직선",
        "prob": "p(y=1)",
        "hidden1": "h₁의 직선",
        "hidden2": "h₂의 직선",
        "col.seed": "시드",
        "col.right": "정답 수 (4개 중)",
        "col.loss": "최종 손실",
        "dl_mlp": "모든 시드의 손실 곡선 내려받기 (CSV)",
        "dl_net": "보여 주는 신경망 내려받기 (JSON)",
        "spinner": "신경망 {s}개를 {epochs} 에포크 동안 학습하는 중…",
    },
)
