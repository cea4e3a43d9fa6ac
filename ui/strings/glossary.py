"""The lecture's terms in Korean and English: what each means and where to see it in the lab.

``TERMS`` is data: (id, page id or None, the page's control or view to look at). The text of each
term lives in ``T`` under '<id>.ko', '<id>.en' (the term itself in each language, shown in both),
'<id>.meaning' and '<id>.where' (translated).
"""

from ui.i18n import Strings

# (term id, page id where to see it)
TERMS: list[tuple[str, str]] = [
    ("perceptron", "perceptron"),
    ("linearly_separable", "perceptron"),
    ("hidden_layer", "perceptron"),
    ("activation", "activations"),
    ("forward", "backprop"),
    ("backprop", "backprop"),
    ("chain_rule", "backprop"),
    ("loss", "backprop"),
    ("gradient_descent", "optimizers"),
    ("learning_rate", "optimizers"),
    ("minibatch", "playground"),
    ("epoch", "playground"),
    ("decision_boundary", "playground"),
    ("vanishing", "activations"),
    ("exploding", "init_lab"),
    ("saturation", "init_lab"),
    ("dead_relu", "init_lab"),
    ("initialization", "init_lab"),
    ("batchnorm", "batchnorm"),
    ("momentum", "optimizers"),
    ("adaptive", "optimizers"),
    ("overfitting", "regularization"),
    ("regularization", "regularization"),
    ("dropout", "regularization"),
    ("early_stopping", "regularization"),
    ("space_warping", "space_warp"),
    ("linear_regions", "space_warp"),
    ("universal_approximation", "approximation"),
    ("autoencoder", "autoencoder"),
]

_TERMS_KO_EN = {
    "perceptron": ("퍼셉트론", "perceptron"),
    "linearly_separable": ("선형 분리 가능", "linearly separable"),
    "hidden_layer": ("은닉층", "hidden layer"),
    "activation": ("활성화 함수", "activation function"),
    "forward": ("순전파", "forward propagation"),
    "backprop": ("역전파", "backpropagation"),
    "chain_rule": ("연쇄 법칙", "chain rule"),
    "loss": ("손실 함수", "loss function"),
    "gradient_descent": ("경사 하강법", "gradient descent"),
    "learning_rate": ("학습률", "learning rate"),
    "minibatch": ("미니배치", "minibatch"),
    "epoch": ("에포크", "epoch"),
    "decision_boundary": ("결정 경계", "decision boundary"),
    "vanishing": ("기울기 소실", "vanishing gradient"),
    "exploding": ("기울기 폭발", "exploding gradient"),
    "saturation": ("포화", "saturation"),
    "dead_relu": ("죽은 ReLU", "dead ReLU"),
    "initialization": ("가중치 초기화", "weight initialization"),
    "batchnorm": ("배치 정규화", "batch normalization"),
    "momentum": ("모멘텀", "momentum"),
    "adaptive": ("적응적 학습률", "adaptive learning rate"),
    "overfitting": ("과적합", "overfitting"),
    "regularization": ("규제 (규제화)", "regularization"),
    "dropout": ("드롭아웃", "dropout"),
    "early_stopping": ("조기 종료", "early stopping"),
    "space_warping": ("공간 왜곡", "space warping"),
    "linear_regions": ("선형 영역", "linear regions"),
    "universal_approximation": ("보편 근사 정리", "universal approximation theorem"),
    "autoencoder": ("오토인코더", "autoencoder"),
}

_MEANING = {  # id: (English meaning, Korean meaning)
    "perceptron": (
        "One unit that outputs 1 when w·x + b > 0 and 0 otherwise (Rosenblatt, 1957): a line "
        "that splits the plane in two.",
        "w·x + b > 0이면 1, 아니면 0을 내는 유닛 하나(로젠블랫, 1957): 평면을 둘로 나누는 직선.",
    ),
    "linearly_separable": (
        "Two classes that one straight line (a hyperplane) can separate. AND and OR are; XOR "
        "is not.",
        "직선(초평면) 하나로 나눌 수 있는 두 클래스. AND와 OR은 그렇고 XOR은 아닙니다.",
    ),
    "hidden_layer": (
        "A layer between input and output. It re-draws the data so that the next layer can "
        "separate it with a line.",
        "입력과 출력 사이의 층. 다음 층이 직선으로 나눌 수 있도록 데이터를 다시 그립니다.",
    ),
    "activation": (
        "The non-linear function g in a = g(z) applied to each unit. Without it, any stack "
        "of layers is one linear map.",
        "각 유닛에 적용하는 비선형 함수 g (a = g(z)). 이것이 없으면 층을 아무리 쌓아도 하나의 "
        "선형 사상입니다.",
    ),
    "forward": (
        "Computing the network's output layer by layer from the input: z = a·W + b, a = g(z).",
        "입력에서 출발해 층마다 z = a·W + b, a = g(z)를 계산해 출력을 얻는 과정.",
    ),
    "backprop": (
        "Computing the gradient of the loss with respect to every weight by applying the "
        "chain rule backwards through the network.",
        "연쇄 법칙을 신경망을 거꾸로 따라 적용해 모든 가중치에 대한 손실의 기울기를 계산하는 방법.",
    ),
    "chain_rule": (
        "dL/dx = dL/dy · dy/dx: the upstream gradient times the local gradient, at every node.",
        "dL/dx = dL/dy · dy/dx: 모든 노드에서 상류 기울기(upstream gradient) × 국소 기울기"
        "(local gradient).",
    ),
    "loss": (
        "The number training lowers: how far the outputs are from the targets (cross-entropy, "
        "MSE), plus any penalty.",
        "학습이 낮추는 값: 출력이 목표에서 얼마나 먼지(교차 엔트로피, MSE)에, 있다면 규제 항을 "
        "더한 값.",
    ),
    "gradient_descent": (
        "Repeating w ← w − α·dL/dw: a step against the gradient, of size set by the learning "
        "rate α.",
        "w ← w − α·dL/dw를 반복하는 것: 학습률 α만큼 기울기 반대 방향으로 한 걸음.",
    ),
    "learning_rate": (
        "The step size α. Too small: slow; too large: the loss oscillates or diverges.",
        "한 걸음의 크기 α. 너무 작으면 느리고, 너무 크면 손실이 진동하거나 발산합니다.",
    ),
    "minibatch": (
        "The few samples whose average gradient makes one update step.",
        "기울기를 평균 내어 한 번 갱신하는 데 쓰는 작은 샘플 묶음.",
    ),
    "epoch": (
        "One pass over all the training data.",
        "훈련 데이터 전체를 한 번 다 보는 것.",
    ),
    "decision_boundary": (
        "Where the network's prediction switches from one class to another.",
        "신경망의 예측이 한 클래스에서 다른 클래스로 바뀌는 경계.",
    ),
    "vanishing": (
        "The gradient reaching early layers is a product of many factors (local derivative × "
        "weight); when they are small it shrinks towards 0 and those layers stop learning.",
        "앞쪽 층에 도달하는 기울기는 여러 인수(국소 도함수 × 가중치)의 곱이라, 인수가 작으면 "
        "0으로 줄어들어 그 층들이 학습을 멈춥니다.",
    ),
    "exploding": (
        "The same product with factors above 1: the gradient grows layer after layer.",
        "같은 곱에서 인수가 1보다 크면 기울기가 층마다 커집니다.",
    ),
    "saturation": (
        "Inputs of tanh or sigmoid so large that the output sits on the flat part: the "
        "derivative is nearly 0.",
        "tanh나 sigmoid의 입력이 너무 커서 출력이 평평한 부분에 머무는 상태: 도함수가 거의 0.",
    ),
    "dead_relu": (
        "A ReLU unit whose input is negative for every sample: its output and gradient are 0, "
        "so its own weights stop changing (earlier layers can still move it back).",
        "모든 샘플에서 입력이 음수인 ReLU 유닛: 출력과 기울기가 0이라 자기 가중치는 더 이상 "
        "바뀌지 않습니다(앞쪽 층이 바뀌면 다시 살아날 수는 있습니다).",
    ),
    "initialization": (
        "The scale of the first weights: LeCun std 1/√n, Xavier/Glorot √(2/(n_in+n_out)), "
        "He √(2/n) (the lecture notes' 'Xavier' is std 1/√n: LeCun here). It decides whether "
        "signals keep their spread through depth.",
        "처음 가중치의 크기: LeCun 표준편차 1/√n, Xavier/Glorot √(2/(n_in+n_out)), He √(2/n) "
        "(강의 노트의 'Xavier'는 표준편차 1/√n으로, 여기서는 LeCun입니다). 신호가 깊이를 지나도 "
        "퍼짐을 유지하는지를 정합니다.",
    ),
    "batchnorm": (
        "Normalizing each unit's pre-activation over the batch (mean 0, variance 1), then "
        "scaling by γ and shifting by β; running statistics at test time.",
        "각 유닛의 활성화 함수 입력(pre-activation)을 배치에서 평균 0, 분산 1로 정규화한 뒤 "
        "γ로 늘리고 β로 옮기는 것. 평가(시험) 때는 이동 평균 통계를 씁니다.",
    ),
    "momentum": (
        "Adding a fraction of the previous step to the current one, so steps build speed "
        "along a consistent direction.",
        "이전 걸음의 일부를 지금 걸음에 더해 일정한 방향으로는 속도가 붙게 하는 것.",
    ),
    "adaptive": (
        "Per-weight step sizes from the history of squared gradients (AdaGrad, RMSProp, Adam).",
        "기울기 제곱의 기록으로 가중치마다 걸음 크기를 정하는 방법(AdaGrad, RMSProp, Adam).",
    ),
    "overfitting": (
        "Fitting the training data's noise: training loss keeps falling while test loss "
        "rises.",
        "훈련 데이터의 잡음까지 맞추는 것: 훈련 손실은 계속 줄지만 시험 손실은 늘어납니다.",
    ),
    "regularization": (
        "Anything that limits a model to reduce overfitting: L2 (shrinks weights), L1 (sets "
        "some to 0), dropout, early stopping. Not the same as normalization (정규화).",
        "과적합을 줄이려고 모델을 제한하는 모든 방법: L2(가중치를 줄임), L1(일부를 0으로), "
        "드롭아웃, 조기 종료. 정규화(normalization)와는 다릅니다.",
    ),
    "dropout": (
        "In training, zeroing each unit with probability p and scaling the rest by 1/(1−p); "
        "at test time every unit is used.",
        "학습 중에 유닛을 확률 p로 0으로 만들고 나머지를 1/(1−p)배 하는 것. 시험 때는 모든 "
        "유닛을 씁니다.",
    ),
    "early_stopping": (
        "Keeping the weights of the epoch with the best validation loss.",
        "검증 손실이 가장 좋았던 에포크의 가중치를 쓰는 것.",
    ),
    "space_warping": (
        "What a layer does to the input space: Wx + b turns, stretches and shifts it; ReLU "
        "clamps negative coordinates onto the axes.",
        "층이 입력 공간에 하는 일: Wx + b는 돌리고 늘이고 옮기며, ReLU는 음수 좌표를 축 위로 "
        "눌러 붙입니다.",
    ),
    "linear_regions": (
        "The pieces of input space on which a ReLU network is one affine map.",
        "ReLU 신경망이 하나의 아핀 사상이 되는 입력 공간의 조각들.",
    ),
    "universal_approximation": (
        "One hidden layer with enough units can approximate any continuous function on a "
        "closed interval [a, b] as closely as wanted; depth can need far fewer units.",
        "유닛이 충분한 은닉층 하나로 닫힌 구간 [a, b]의 어떤 연속 함수든 원하는 만큼 가깝게 "
        "근사할 수 있다는 정리. 깊이를 쓰면 훨씬 적은 유닛으로 될 수 있습니다.",
    ),
    "autoencoder": (
        "A network trained to output its input through a narrow bottleneck: the bottleneck "
        "learns a code of the data.",
        "좁은 병목을 지나 입력을 그대로 출력하도록 학습하는 신경망: 병목이 데이터의 코드를 "
        "배웁니다.",
    ),
}

_WHERE = {  # page id: (English, Korean) what to do there
    "perceptron": ("step the learning rule on AND and XOR", "AND와 XOR에서 학습 규칙을 한 단계씩"),
    "activations": ("compare f and f′, and the gradient over depth",
                    "f와 f′, 깊이에 따른 기울기를 비교"),
    "backprop": ("step through the graph forward and back", "그래프를 앞으로, 뒤로 한 단계씩"),
    "optimizers": ("race the optimizers on a surface", "곡면 위에서 최적화 함수 경주"),
    "playground": ("train a network and scrub the timeline", "신경망을 학습시키고 타임라인 이동"),
    "init_lab": ("pick a preset and read each layer's histogram",
                 "강의 예제를 고르고 층마다 히스토그램 읽기"),
    "batchnorm": ("train with and without batch norm", "배치 정규화 없이, 그리고 함께 학습"),
    "regularization": ("add dropout, L1, L2 or early stopping",
                       "드롭아웃, L1, L2, 조기 종료를 추가"),
    "space_warp": ("move the weights of a 2×2 layer", "2×2 층의 가중치를 움직이기"),
    "approximation": ("add units and watch the fit", "유닛을 늘리며 근사를 보기"),
    "autoencoder": ("change the bottleneck size k", "병목 크기 k를 바꾸기"),
}

_EN = {
    "title": "Glossary",
    "intro": (
        "The lecture's terms in Korean and English, each with a one-line meaning and the page "
        "where you can see it happen. Type in the box to filter in either language."
    ),
    "filter": "Filter terms",
    "filter_placeholder": "e.g. 기울기 or gradient",
    "col_ko": "Korean",
    "col_en": "English",
    "col_meaning": "Meaning",
    "col_where": "Where in the lab",
    "none": "No term matches “{query}”.",
    "download": "Glossary (CSV)",
    "go": "Open",
}
_KO = {
    "title": "용어집",
    "intro": (
        "강의의 용어를 한국어와 영어로, 한 줄 뜻과 그 현상을 직접 볼 수 있는 페이지와 함께 "
        "모았습니다. 상자에 입력하면 어느 언어로든 걸러 볼 수 있습니다."
    ),
    "filter": "용어 거르기",
    "filter_placeholder": "예: 기울기 또는 gradient",
    "col_ko": "한국어",
    "col_en": "영어",
    "col_meaning": "뜻",
    "col_where": "실험실에서 볼 곳",
    "none": "“{query}”에 맞는 용어가 없습니다.",
    "download": "용어집 (CSV)",
    "go": "열기",
}
for _id, (_ko, _en) in _TERMS_KO_EN.items():
    _EN[f"{_id}.ko"] = _KO[f"{_id}.ko"] = _ko
    _EN[f"{_id}.en"] = _KO[f"{_id}.en"] = _en
    _EN[f"{_id}.meaning"], _KO[f"{_id}.meaning"] = _MEANING[_id]
for _page, (_en_where, _ko_where) in _WHERE.items():
    _EN[f"where.{_page}"], _KO[f"where.{_page}"] = _en_where, _ko_where

T = Strings("glossary", en=_EN, ko=_KO)
