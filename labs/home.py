"""Home: what the lab is, the order of the pages, and a link to every one."""

import streamlit as st

from ui.catalog import LABS
from ui.i18n import Strings
from ui.strings.catalog import T as CATALOG

T = Strings(
    "home",
    en={
        "intro": (
            "An interactive lab for **seeing** how neural networks learn. Every page is an "
            "experiment: move a slider and the network is re-run on the spot. All numbers come "
            "from `nncore`, a small NumPy library you can also import in a notebook. Every page "
            "keeps its settings in the URL, so a copied link opens the same experiment, in "
            "English or Korean."
        ),
        "order": (
            "The pages follow the lecture: a single perceptron and why XOR needs a hidden "
            "layer; how backpropagation computes every gradient; activations and the vanishing "
            "gradient; then training a network end to end, initialization, batch normalization, "
            "optimizers and regularization; and last what the layers do to space, what one "
            "hidden layer can approximate, and autoencoders."
        ),
        "none": "No lab pages are installed.",
    },
    ko={
        "intro": (
            "신경망이 배우는 과정을 **눈으로 보는** 실험실입니다. 모든 페이지는 실험입니다: "
            "슬라이더를 움직이면 신경망이 그 자리에서 다시 계산됩니다. 모든 숫자는 노트북에서도 "
            "불러 쓸 수 있는 작은 NumPy 라이브러리 `nncore`에서 나옵니다. 모든 설정은 URL에 "
            "담기므로 복사한 링크는 한국어로든 영어로든 같은 실험을 엽니다."
        ),
        "order": (
            "페이지는 강의 순서를 따릅니다: 퍼셉트론 하나와 XOR에 은닉층이 필요한 이유, "
            "역전파(backpropagation)가 모든 기울기를 계산하는 방법, 활성화 함수와 기울기 소실"
            "(vanishing gradient), 그다음 신경망 학습 전체, 가중치 초기화, 배치 정규화, 최적화 "
            "함수와 규제(regularization), 마지막으로 층이 공간에 하는 일, 은닉층 하나로 근사할 "
            "수 있는 것, 오토인코더."
        ),
        "none": "설치된 실험 페이지가 없습니다.",
    },
)


def main() -> None:
    st.title(CATALOG("app.title"))
    st.markdown(T("intro"))
    st.caption(T("order"))
    if not LABS:
        st.warning(T("none"))
    for info in LABS:
        with st.container(border=True):
            st.page_link(info.path, label=info.title, icon=info.icon)
            st.caption(info.summary)


if __name__ == "__main__":
    main()
