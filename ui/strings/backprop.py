"""Text of the backpropagation page (labs/backprop.py), English and Korean."""

from ui.i18n import Strings

T = Strings(
    "backprop",
    en={
        "title": "Backpropagation step by step",
        "intro": (
            "A 2-2-1 or 2-2-2 network on **one** training example, drawn as a computational graph. "
            "**Next** computes one node forward (its formula with the numbers filled in), then "
            "sends the gradient back node by node: on every edge the **local gradient × upstream "
            "gradient = product**, the chain rule in numbers. At the last step every "
            "∂L/∂w is listed, and one update w ← w − lr·∂L/∂w with a small enough learning "
            "rate lowers the loss."
        ),
        "presets": "Lecture examples",
        "preset.classic": "Classic worked example (sigmoid, MSE)",
        "preset.dead_relu": "ReLU with a dead unit",
        "preset.tanh_ce": "tanh + cross-entropy",
        "classic_note": (
            "These are the numbers of the widely used worked example (Matt Mazur, *A Step by Step "
            "Backpropagation Example*, 2015): total error L = **{L}** and ∂L/∂v₁₁ (his w₅) = "
            "**{dv11}**. His w₁…w₈ are w₁₁ w₂₁ w₁₂ w₂₂ v₁₁ v₂₁ v₁₂ v₂₂ here; his two shared biases "
            "are one bias per unit here, and they are updated too."
        ),
        "dead_note": (
            "ReLU unit h{j} is **dead** for this example: z{j} = {z} ≤ 0, so ReLU′(z{j}) = 0 and "
            "∂L/∂z{j} = 0. Its incoming weights and bias ({ins}) get gradient exactly 0, so "
            "gradient descent on this example never changes them and the unit stays dead; its "
            "outgoing weights ({outs}) get 0 as well, because h{j} = 0."
        ),
        "step.forward.title": "Forward pass",
        "step.forward.text": (
            "Each node is computed from its inputs, left to right: first z₁ = w₁₁x₁ + w₂₁x₂ + b₁, "
            "then h₁ = σ(z₁). Press **Next**: {n} forward steps lead to the loss."
        ),
        "step.loss.title": "The loss",
        "step.loss.text": (
            "The forward pass ends at the loss of this one example, L = {L}. From here the "
            "backward pass runs the same graph in reverse."
        ),
        "step.chain.title": "Backward: the chain rule",
        "step.chain.text": (
            "Every backward step gives each input m of a node n its share: local gradient "
            "∂n/∂m × upstream gradient ∂L/∂n. The table lists the three numbers per edge."
        ),
        "step.guess.title": "Your turn: guess first",
        "step.guess.text": (
            "The next number is hidden. Work it out from the table (local × upstream), type it "
            "in, then press **Reveal**."
        ),
        "step.v11.title": "The gradient of a weight",
        "step.v11.text": (
            "∂L/∂v₁₁ = h₁ × ∂L/∂u₁ = {h1} × {du1} = {dv11}: the value at the weight's input "
            "times the upstream gradient."
        ),
        "step.update.title": "One gradient-descent update",
        "step.update.text": (
            "Every ∂L/∂θ is known, so every parameter moves by −lr·∂L/∂θ: with lr = {lr}, one "
            "update lowers the loss from {a} to {b}."
        ),
        "step.dead_relu.title": "A dead ReLU unit",
        "step.dead_relu.text": (
            "z₂ = {z2} < 0, where ReLU's slope is 0: w₁₂, w₂₂ and b₂ get gradient exactly 0, "
            "so this example never changes them."
        ),
        "step.tanh_ce.title": "Cross-entropy's shortcut",
        "step.tanh_ce.text": (
            "With cross-entropy on a sigmoid output, σ′ cancels: ∂L/∂u₁ = o₁ − t₁ = {o1} − {t1} "
            "= {du1}."
        ),
        "network": "Network",
        "activation": "Hidden activation g",
        "loss": "Loss",
        "loss.mse": "MSE (½Σ)",
        "loss.ce": "Cross-entropy",
        "outputs": "Outputs",
        "example": "Training example",
        "params": "Weights and biases",
        "params_help": "w_ij: input i → hidden j; v_jk: hidden j → output k; b, c: biases.",
        "step": "Step",
        "prev": "Back",
        "next": "Next",
        "to_end": "Jump to the end",
        "restart": "Start over",
        "guess": "Guess first",
        "guess_help": "Hide the next number until you have typed your prediction.",
        "step0": "Step 0 of {n}: only the inputs are known. Press **Next** to compute z₁.",
        "step_fwd": "Step {s} of {n} · **forward**: compute {node}.",
        "step_bwd": (
            "Step {s} of {n} · **backward** at {node}: every input m of {node} gets "
            "∂L/∂m = (∂{node}/∂m) × ∂L/∂{node}."
        ),
        "graph_title": "Computational graph · step {s} of {n}",
        "edge_legend": (
            "Orange labels: on a weight's edge, (value at the edge's start) × upstream = the "
            "weight's gradient; on an edge without a weight, local gradient × upstream."
        ),
        "edge_legend_u": " What {node} passes on to h₁ and h₂ (weight × upstream) is in the table above.",
        "your_guess": "Your prediction for {name}",
        "reveal": "Reveal",
        "fb_spot": "Spot on: you said {g}, the value is {v} (off by {err}, {rel} %).",
        "fb_close": "Close: you said {g}, the value is {v} (off by {err}, {rel} %).",
        "fb_off": "Not yet: you said {g}, the value is {v} (off by {err}, {rel} %).",
        "fb_sign": " Check the sign: the value is {sign}.",
        "sign.neg": "negative",
        "sign.pos": "positive",
        "no_guess": "Type a prediction above, or reveal the value directly.",
        "col.edge": "edge m → n",
        "col.local": "local ∂n/∂m",
        "col.up": "upstream ∂L/∂n",
        "col.prod": "product (into ∂L/∂m)",
        "convention": (
            "**Conventions.** W is (fan_in, fan_out) as in `nncore.mlp`: w_ij joins input i to "
            "hidden unit j. Outputs o_k = σ(u_k). The loss is for this one example, summed over "
            "the outputs: MSE L = ½Σ_k (o_k − t_k)², the ½ of the worked example, so ∂L/∂o_k = "
            "o_k − t_k. `nncore.losses.mse` and PyTorch's `MSELoss` take the mean without ½, "
            "(1/K)Σ(o − t)²: {mse_note} Cross-entropy L = −Σ_k [t_k ln o_k + (1 − t_k) "
            "ln(1 − o_k)] is `nncore.losses.bce` per output, and σ′ cancels: ∂L/∂u_k = o_k − t_k."
        ),
        "mse_note.2": "the same number for two outputs.",
        "mse_note.1": "twice this number for one output.",
        "end_hint": (
            "After the last backward step (step {n}), the table of every ∂L/∂w and the "
            "gradient-descent update appear here."
        ),
        "grads_header": "Every gradient, and one update",
        "grads_note": (
            "The nodes' gradients (∂L/∂z, ∂L/∂h, ∂L/∂u, ∂L/∂o on the graph) are intermediate "
            "results of the chain rule; only the parameters' gradients in this table enter the "
            "update. The lecture notes say the same of their example: the intermediate gradients "
            "are not used by gradient descent directly, w₀, w₁, w₂ are the nodes that get updated."
        ),
        "col.param": "parameter",
        "col.value": "value",
        "col.grad": "∂L/∂(parameter)",
        "col.new": "after one update",
        "lr": "Learning rate lr",
        "updates": "Number of updates",
        "update_rule": "Update: every parameter θ ← θ − lr·∂L/∂θ, with lr = {lr}.",
        "fell": "After one update the loss **fell** from {a} to {b} ({pct} % lower).",
        "rose": (
            "After one update the loss **rose** from {a} to {b}: with lr = {lr} the step "
            "overshoots. Try a smaller learning rate."
        ),
        "same": "After one update the loss is unchanged: {a}.",
        "after_n": "After {n} updates: L = {l} ({pct} % of the starting loss).",
        "diverged": (
            "Update {k} produced a number too large for float64 (learning rate {lr}); the curve "
            "stops after update {last}."
        ),
        "curve_title": "Loss over gradient-descent updates on this example",
        "curve_x": "update",
        "curve_y": "loss L",
        "nonfinite": (
            "With these numbers an output is rounded to exactly 0 or 1 in float64, so a "
            "gradient is infinite. Use smaller weights or inputs."
        ),
        "dl_graph": "Download node values and gradients (CSV)",
        "dl_curve": "Download the loss curve and parameters (CSV)",
    },
    ko={
        "title": "역전파 한 단계씩",
        "intro": (
            "훈련 샘플 **하나**에 대한 2-2-1 또는 2-2-2 신경망을 계산 그래프(computational graph)로 "
            "그렸습니다. **다음**을 누를 때마다 노드 하나를 순전파(forward pass)로 계산하고(식에 "
            "숫자를 넣어 보여 줍니다), 이어서 역전파(backpropagation)로 기울기를 노드 하나씩 거꾸로 "
            "보냅니다. 간선마다 **국소 기울기(local gradient) × 상류 기울기(upstream gradient) = 곱**, 즉 숫자로 보는 연쇄 법칙(chain rule)입니다. 마지막 단계에서 모든 "
            "∂L/∂w를 표로 보고, 학습률(learning rate)이 충분히 작으면 w ← w − lr·∂L/∂w 한 번의 갱신으로 손실(loss)이 "
            "줄어드는 것을 확인합니다."
        ),
        "presets": "강의 예제",
        "preset.classic": "고전 예제 (sigmoid, MSE)",
        "preset.dead_relu": "죽은 유닛이 있는 ReLU",
        "preset.tanh_ce": "tanh + 교차 엔트로피",
        "classic_note": (
            "널리 쓰이는 풀이 예제(Matt Mazur, *A Step by Step Backpropagation Example*, 2015)와 "
            "같은 숫자입니다. 전체 오차 L = **{L}**, ∂L/∂v₁₁(원문의 w₅) = **{dv11}**. 원문의 "
            "w₁…w₈은 여기서 w₁₁ w₂₁ w₁₂ w₂₂ v₁₁ v₂₁ v₁₂ v₂₂이고, 원문에서 층마다 공유하던 편향은 "
            "여기서 유닛마다 하나씩이며 함께 갱신됩니다."
        ),
        "dead_note": (
            "이 샘플에서 ReLU 유닛 h{j}는 **죽은 유닛**(dead unit)입니다. z{j} = {z} ≤ 0이므로 "
            "ReLU′(z{j}) = 0이고 ∂L/∂z{j} = 0입니다. 들어오는 가중치와 편향({ins})의 기울기가 "
            "정확히 0이라 이 샘플로 경사 하강법을 아무리 해도 값이 바뀌지 않고, 유닛은 계속 죽어 "
            "있습니다. h{j} = 0이므로 나가는 가중치({outs})의 기울기도 0입니다."
        ),
        "step.forward.title": "순전파(forward pass)",
        "step.forward.text": (
            "노드마다 입력으로부터 왼쪽에서 오른쪽으로 계산합니다. 먼저 z₁ = w₁₁x₁ + w₂₁x₂ + b₁, "
            "그다음 h₁ = σ(z₁). **다음**을 누르세요. 순전파 {n}단계 끝에 손실이 나옵니다."
        ),
        "step.loss.title": "손실",
        "step.loss.text": (
            "순전파는 이 예제 하나의 손실 L = {L}에서 끝납니다. 여기서부터 역전파가 같은 그래프를 "
            "거꾸로 따라갑니다."
        ),
        "step.chain.title": "역전파: 연쇄 법칙",
        "step.chain.text": (
            "역전파의 각 단계는 노드 n의 입력 m마다 몫을 나눠 줍니다: 국소 기울기 ∂n/∂m × 상류 "
            "기울기 ∂L/∂n. 표에 간선마다 세 숫자가 있습니다."
        ),
        "step.guess.title": "직접 계산해 보기",
        "step.guess.text": (
            "다음 숫자는 가려져 있습니다. 표에서 (국소 기울기 × 상류 기울기)로 계산해 입력한 "
            "뒤 **값 보기**를 누르세요."
        ),
        "step.v11.title": "가중치의 기울기",
        "step.v11.text": (
            "∂L/∂v₁₁ = h₁ × ∂L/∂u₁ = {h1} × {du1} = {dv11}: 가중치의 입력 쪽 값 × 상류 "
            "기울기입니다."
        ),
        "step.update.title": "경사 하강법 한 번",
        "step.update.text": (
            "모든 ∂L/∂θ를 알았으니 매개변수마다 −lr·∂L/∂θ만큼 움직입니다. lr = {lr}이면 한 번의 "
            "갱신으로 손실이 {a}에서 {b}로 줄어듭니다."
        ),
        "step.dead_relu.title": "죽은 ReLU 유닛",
        "step.dead_relu.text": (
            "z₂ = {z2} < 0에서는 ReLU의 기울기가 0이라 w₁₂, w₂₂, b₂의 기울기가 정확히 0입니다. "
            "이 예제로는 이 값들이 절대 바뀌지 않습니다."
        ),
        "step.tanh_ce.title": "교차 엔트로피의 지름길",
        "step.tanh_ce.text": (
            "sigmoid 출력에 교차 엔트로피를 쓰면 σ′가 약분되어 ∂L/∂u₁ = o₁ − t₁ = {o1} − {t1} "
            "= {du1}입니다."
        ),
        "network": "신경망",
        "activation": "은닉층(hidden layer) 활성화 함수(activation function) g",
        "loss": "손실(loss)",
        "loss.mse": "MSE (½Σ)",
        "loss.ce": "교차 엔트로피",
        "outputs": "출력 수",
        "example": "훈련 샘플",
        "params": "가중치와 편향",
        "params_help": "w_ij: 입력 i → 은닉 j, v_jk: 은닉 j → 출력 k, b와 c: 편향.",
        "step": "단계",
        "prev": "이전",
        "next": "다음",
        "to_end": "마지막 단계로",
        "restart": "처음부터",
        "guess": "먼저 예측하기",
        "guess_help": "다음 숫자를 예측해 입력할 때까지 값을 가립니다.",
        "step0": "{n}단계 중 0단계: 입력만 알고 있습니다. **다음**을 눌러 z₁을 계산하세요.",
        "step_fwd": "{n}단계 중 {s}단계 · **순전파**: {node} 계산.",
        "step_bwd": (
            "{n}단계 중 {s}단계 · {node}에서 **역전파**: {node}의 입력 m마다 "
            "∂L/∂m = (∂{node}/∂m) × ∂L/∂{node}."
        ),
        "graph_title": "계산 그래프 · {n}단계 중 {s}단계",
        "edge_legend": (
            "주황색 글자: 가중치가 있는 간선에서는 (간선 시작 노드의 값) × 상류 기울기 = 그 "
            "가중치의 기울기, 가중치가 없는 간선에서는 국소 기울기 × 상류 기울기입니다."
        ),
        "edge_legend_u": " {node}가 h₁, h₂로 넘기는 몫(가중치 × 상류 기울기)은 위 표에 있습니다.",
        "your_guess": "{name}의 예측값",
        "reveal": "값 보기",
        "fb_spot": "정확합니다. 예측 {g}, 실제 값 {v} (차이 {err}, {rel} %).",
        "fb_close": "거의 맞았습니다. 예측 {g}, 실제 값 {v} (차이 {err}, {rel} %).",
        "fb_off": "아직 멀었습니다. 예측 {g}, 실제 값 {v} (차이 {err}, {rel} %).",
        "fb_sign": " 부호를 확인하세요. 실제 값은 {sign}입니다.",
        "sign.neg": "음수",
        "sign.pos": "양수",
        "no_guess": "위에 예측값을 입력하거나 바로 값을 확인하세요.",
        "col.edge": "간선 m → n",
        "col.local": "국소 기울기 ∂n/∂m",
        "col.up": "상류 기울기 ∂L/∂n",
        "col.prod": "곱 (∂L/∂m에 더해짐)",
        "convention": (
            "**표기 규약.** W는 `nncore.mlp`와 같이 (fan_in, fan_out) 모양이며 w_ij는 입력 i와 "
            "은닉 유닛 j를 잇습니다. 출력은 o_k = σ(u_k)입니다. 손실은 이 샘플 하나에 대한 값으로 "
            "출력들에 대해 더합니다. MSE는 풀이 예제처럼 ½을 붙인 L = ½Σ_k (o_k − t_k)²이므로 "
            "∂L/∂o_k = o_k − t_k입니다. `nncore.losses.mse`와 PyTorch의 `MSELoss`는 ½ 없이 평균 "
            "(1/K)Σ(o − t)²을 쓰므로 {mse_note} 교차 엔트로피(cross-entropy) L = −Σ_k [t_k ln o_k + (1 − t_k) "
            "ln(1 − o_k)]는 출력마다 `nncore.losses.bce`와 같고, σ′이 약분되어 ∂L/∂u_k = "
            "o_k − t_k입니다."
        ),
        "mse_note.2": "출력이 둘이면 같은 값입니다.",
        "mse_note.1": "출력이 하나이면 이 값의 두 배입니다.",
        "end_hint": (
            "마지막 역전파 단계({n}단계)에 이르면 모든 ∂L/∂w 표와 경사 하강법 갱신이 여기에 "
            "나타납니다."
        ),
        "grads_header": "모든 기울기와 한 번의 갱신",
        "grads_note": (
            "그래프에 보이는 노드의 기울기(∂L/∂z, ∂L/∂h, ∂L/∂u, ∂L/∂o)는 연쇄 법칙의 중간 "
            "결과물이고, 갱신에는 이 표에 있는 매개변수의 기울기만 쓰입니다. 강의 노트의 예제에서도 "
            "중간에 계산한 기울기는 경사 하강법에 직접 쓰이지 않고, 갱신되는 노드는 w₀, w₁, w₂입니다."
        ),
        "col.param": "매개변수",
        "col.value": "값",
        "col.grad": "∂L/∂(매개변수)",
        "col.new": "한 번 갱신 후",
        "lr": "학습률 lr",
        "updates": "갱신 횟수",
        "update_rule": "갱신: 모든 매개변수 θ ← θ − lr·∂L/∂θ, lr = {lr}.",
        "fell": "한 번 갱신하자 손실이 {a}에서 {b}로 **줄었습니다** ({pct} % 감소).",
        "rose": (
            "한 번 갱신하자 손실이 {a}에서 {b}로 **늘었습니다**. lr = {lr}이면 한 걸음이 너무 "
            "큽니다. 학습률을 줄여 보세요."
        ),
        "same": "한 번 갱신해도 손실이 그대로입니다: {a}.",
        "after_n": "{n}번 갱신한 뒤: L = {l} (처음 손실의 {pct} %).",
        "diverged": (
            "{k}번째 갱신에서 float64로 나타낼 수 없을 만큼 큰 수가 나왔습니다(학습률 {lr}). "
            "곡선은 {last}번째 갱신에서 멈춥니다."
        ),
        "curve_title": "이 샘플에 대한 경사 하강법 갱신별 손실",
        "curve_x": "갱신 횟수",
        "curve_y": "손실 L",
        "nonfinite": (
            "이 숫자들로는 출력이 float64에서 정확히 0이나 1로 반올림되어 기울기가 무한대가 "
            "됩니다. 가중치나 입력을 더 작게 하세요."
        ),
        "dl_graph": "노드 값과 기울기 내려받기 (CSV)",
        "dl_curve": "손실 곡선과 매개변수 내려받기 (CSV)",
    },
)
