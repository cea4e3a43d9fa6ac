"""Page titles and Home-page summaries, in both languages (keys: '<page id>.title/.summary')."""

from ui.i18n import Strings

T = Strings(
    "catalog",
    en={
        "app.title": "Neural Network Lab",
        "home.title": "Home",
        "home.summary": "What the lab is and where to start.",
        "perceptron.title": "Perceptron and XOR",
        "perceptron.summary": (
            "Run Rosenblatt's learning rule one mistake at a time on AND, OR, NAND and XOR; see "
            "why no single line separates XOR and how a 2-2-1 network does."
        ),
        "backprop.title": "Backpropagation step by step",
        "backprop.summary": (
            "Evaluate a tiny network node by node, then send the gradient back edge by edge: "
            "the chain rule in numbers, and an update that lowers the loss when the learning "
            "rate is small enough."
        ),
        "activations.title": "Activations and vanishing gradients",
        "activations.summary": (
            "Every activation and its derivative, why a network needs a non-linearity, and how "
            "a product of small derivatives makes the gradient vanish with depth."
        ),
        "playground.title": "Training playground",
        "playground.summary": (
            "Train a small network on 2D data and watch the decision boundary and every neuron "
            "learn; upload your own data, compare runs, export the weights."
        ),
        "init_lab.title": "Initialization lab",
        "init_lab.summary": (
            "Push Gaussian inputs through a deep tanh/ReLU stack and watch each layer's "
            "activations and gradients collapse, saturate or keep their spread: 0.01, 0.05, "
            "LeCun, Xavier, He, batch norm."
        ),
        "batchnorm.title": "Batch normalization",
        "batchnorm.summary": (
            "Train the same deep network with and without batch normalization; see the "
            "normalized pre-activations, the learned γ and β, and the range of learning rates "
            "that still train."
        ),
        "optimizers.title": "Optimizer lab",
        "optimizers.summary": (
            "Race SGD, Momentum, AdaGrad, RMSProp, Adam and more across 2D loss surfaces; "
            "replay every path and look inside each update rule."
        ),
        "regularization.title": "Overfitting: dropout, L1 and L2",
        "regularization.summary": (
            "Make a wide network overfit a few noisy points, then close the gap with dropout, "
            "L2, L1 or early stopping, and see why L1 makes weights exactly zero."
        ),
        "space_warp.title": "Space warping",
        "space_warp.summary": (
            "Watch Wx + b and ReLU bend the plane until the data is linearly separable; count "
            "the linear regions of a network, deeper vs wider."
        ),
        "approximation.title": "Universal approximation and depth",
        "approximation.summary": (
            "Build any 1-D function from ReLU ramps by hand, train the same network, and count "
            "how many linear pieces a deep narrow net makes with few units."
        ),
        "autoencoder.title": "Autoencoders",
        "autoencoder.summary": (
            "Squeeze handwritten digits through a bottleneck of k units and back: "
            "reconstructions, the 2-D code space next to PCA, denoising and pre-training."
        ),
        "glossary.title": "Glossary",
        "glossary.summary": (
            "The lecture's terms in Korean and English, a one-line meaning each, and the page "
            "where you can see it happen."
        ),
        "lang.label": "Language · 언어",
    },
    ko={
        "app.title": "신경망 실험실",
        "home.title": "홈",
        "home.summary": "실험실 소개와 시작하는 곳.",
        "perceptron.title": "퍼셉트론과 XOR",
        "perceptron.summary": (
            "AND, OR, NAND, XOR에서 로젠블랫의 학습 규칙을 실수 하나마다 한 번씩 실행해 봅니다. "
            "직선 하나로는 XOR을 나눌 수 없는 이유와 2-2-1 신경망이 나누는 방법을 봅니다."
        ),
        "backprop.title": "역전파 한 단계씩",
        "backprop.summary": (
            "작은 신경망을 노드 하나씩 계산한 뒤 기울기를 간선 하나씩 거꾸로 보냅니다. "
            "숫자로 보는 연쇄 법칙(chain rule)과, 학습률이 충분히 작을 때 손실을 낮추는 갱신."
        ),
        "activations.title": "활성화 함수와 기울기 소실",
        "activations.summary": (
            "모든 활성화 함수와 그 도함수, 신경망에 비선형성이 필요한 이유, 그리고 작은 "
            "도함수들의 곱 때문에 깊어질수록 기울기가 사라지는 과정을 봅니다."
        ),
        "playground.title": "학습 놀이터",
        "playground.summary": (
            "2차원 데이터로 작은 신경망을 학습시키며 결정 경계와 모든 뉴런이 배우는 모습을 봅니다. "
            "직접 만든 데이터를 올리고, 실행을 비교하고, 가중치를 내보낼 수 있습니다."
        ),
        "init_lab.title": "가중치 초기화 실험",
        "init_lab.summary": (
            "가우시안 입력을 깊은 tanh/ReLU 층에 통과시키며 층마다 활성값과 기울기가 0으로 "
            "줄어드는지, 포화되는지, 퍼짐을 유지하는지 봅니다: 0.01, 0.05, LeCun, Xavier, He, "
            "배치 정규화."
        ),
        "batchnorm.title": "배치 정규화",
        "batchnorm.summary": (
            "같은 깊은 신경망을 배치 정규화 없이, 그리고 함께 학습시킵니다. 정규화된 활성화 "
            "함수 입력, 학습된 γ와 β, 그리고 학습이 되는 학습률의 범위를 봅니다."
        ),
        "optimizers.title": "최적화 함수 실험",
        "optimizers.summary": (
            "SGD, Momentum, AdaGrad, RMSProp, Adam 등을 2차원 손실 곡면 위에서 경주시키고, "
            "모든 경로를 다시 재생하며 각 갱신 규칙의 속을 들여다봅니다."
        ),
        "regularization.title": "과적합: 드롭아웃, L1·L2 규제",
        "regularization.summary": (
            "넓은 신경망이 잡음 섞인 적은 점들에 과적합하게 만든 뒤, 드롭아웃, L2, L1, "
            "조기 종료로 그 차이를 줄이고, L1이 가중치를 정확히 0으로 만드는 이유를 봅니다."
        ),
        "space_warp.title": "공간 왜곡",
        "space_warp.summary": (
            "Wx + b와 ReLU가 평면을 휘어 데이터가 직선으로 나뉠 때까지 변형하는 모습을 봅니다. "
            "신경망의 선형 영역 개수를 세어 깊은 망과 넓은 망을 비교합니다."
        ),
        "approximation.title": "보편 근사와 깊이",
        "approximation.summary": (
            "1차원 함수를 ReLU 경사로 직접 쌓아 만들고, 같은 신경망을 학습시키고, 깊고 좁은 "
            "신경망이 적은 유닛으로 만드는 선형 조각의 수를 셉니다."
        ),
        "autoencoder.title": "오토인코더",
        "autoencoder.summary": (
            "손글씨 숫자를 k개 유닛의 병목으로 압축했다가 되살립니다: 복원 결과, PCA와 나란히 "
            "놓은 2차원 코드 공간, 잡음 제거와 사전 학습."
        ),
        "glossary.title": "용어집",
        "glossary.summary": "강의 용어를 한국어와 영어로, 한 줄 뜻과 직접 볼 수 있는 페이지와 함께.",
        "lang.label": "Language · 언어",
    },
)
