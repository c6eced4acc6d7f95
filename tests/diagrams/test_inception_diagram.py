"""7강 그림: 단순·차원 축소 인셉션 모듈에 적힌 채널 수와 매개변수 수가 실제로 만든 블록과 같은지."""

import keras
import pytest
from matplotlib import pyplot as plt

from cnn_helpers import count_macs, diagrams, models
from cnn_helpers.diagrams import _draw
from cnn_helpers.diagrams.inception import inception_module_specs


def built(block, input_shape, *args):
    inputs = keras.Input(input_shape)
    return keras.Model(inputs, block(inputs, *args, name="m"))


@pytest.fixture(scope="module")
def drawn():
    fig = diagrams.draw_inception_modules()
    yield _draw.texts(fig)
    plt.close(fig)


def test_drawn_numbers_are_the_built_blocks(drawn):
    text = "\n".join(drawn)
    naive = built(models.naive_inception_block, (28, 28, 192), 64, 128, 32)
    reduced = built(models.inception_block, (28, 28, 192), *models.GOOGLENET_TABLE1["3a"])
    for model in (naive, reduced):
        assert f"매개변수 {model.count_params():,}개" in text
        assert f"곱셈-누산 {count_macs(model) / 1e6:.1f}M" in text
        out = model.output.shape[1:]
        assert f"이어 붙이기 {out[0]}×{out[1]}×{out[2]}" in text
        for layer in model.layers:
            if isinstance(layer, keras.layers.Conv2D):
                k = layer.kernel_size[0]
                shape = "×".join(map(str, layer.output.shape[1:]))
                assert f"{k}×{k} 합성곱 {layer.filters}\n{shape}\n매개변수 {layer.count_params():,}" in drawn
    # 이어 붙인 채널 = 가지 네 개의 채널 합: 단순 블록에서는 풀링 가지가 입력 192채널을 그대로 넘깁니다.
    assert "64 + 128 + 32 + 192 = 416채널" in text
    assert "64 + 128 + 32 + 32 = 256채널" in text
    assert drawn.count("3×3 최대 풀링\n28×28×192\n매개변수 0") == 2
    assert "(나) 차원 축소 인셉션 모듈 (GoogLeNet 3a)" in drawn


def test_branches_follow_the_paper_figure():
    specs = inception_module_specs()
    naive = [[layer["label"] for layer in branch] for branch in specs["naive"]["branches"]]
    reduced = [[layer["label"] for layer in branch] for branch in specs["reduced"]["branches"]]
    assert naive == [["1×1 합성곱 64"], ["3×3 합성곱 128"], ["5×5 합성곱 32"], ["3×3 최대 풀링"]]
    assert reduced == [["1×1 합성곱 64"], ["1×1 합성곱 96", "3×3 합성곱 128"], ["1×1 합성곱 16", "5×5 합성곱 32"],
                       ["3×3 최대 풀링", "1×1 합성곱 32"]]
    flags = [[layer["reduction"] for layer in branch] for branch in specs["reduced"]["branches"]]
    assert flags == [[False], [True, False], [True, False], [False, True]]
    for module in specs.values():  # 계층별 매개변수의 합이 블록 전체와 같습니다 (빠뜨린 계층 없음).
        assert sum(layer["params"] for branch in module["branches"] for layer in branch) == module["params"]


def test_other_filters_are_drawn_from_their_own_blocks():
    fig = diagrams.draw_inception_modules((14, 14, 480), (192, 208, 48), models.GOOGLENET_TABLE1["4a"])
    drawn = _draw.texts(fig)
    plt.close(fig)
    reduced = built(models.inception_block, (14, 14, 480), *models.GOOGLENET_TABLE1["4a"])
    assert f"매개변수 {reduced.count_params():,}개" in "\n".join(drawn)
    assert "(나) 차원 축소 인셉션 모듈" in drawn  # 3a가 아니면 3a라고 적지 않습니다.
    assert "192 + 208 + 48 + 480 = 928채널" in "\n".join(drawn)


def test_docstring_example():
    import doctest

    from cnn_helpers.diagrams import inception

    assert doctest.testmod(inception).failed == 0


# ---- GoogLeNet 전체 그림 (draw_googlenet) ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def googlenet_aux():
    return models.googlenet(aux_heads=True)


@pytest.fixture(scope="module")
def googlenet_drawn(googlenet_aux):
    fig = diagrams.draw_googlenet(googlenet_aux)
    yield _draw.texts(fig), fig
    plt.close(fig)


def _shape(layer):
    return "×".join(str(int(d)) for d in layer.output.shape[1:])


def test_googlenet_modules_are_drawn_from_the_model(googlenet_aux, googlenet_drawn):
    drawn, _ = googlenet_drawn
    text = "\n".join(drawn)
    for key in models.GOOGLENET_TABLE1:  # 모듈 아홉 개: 이름, 이어 붙인 출력 모양, 모듈의 매개변수 합
        out = googlenet_aux.get_layer(f"inception_{key}_output")
        params = sum(layer.count_params() for layer in googlenet_aux.layers if layer.name.startswith(f"inception_{key}_"))
        assert f"인셉션 {key}\n{_shape(out)}\n매개변수 {params / 1e3:,.0f}K" in drawn
    for name in ("conv1_7x7_s2", "pool1_3x3_s2", "conv2_3x3_reduce", "conv2_3x3", "pool2_3x3_s2",
                 "pool3_3x3_s2", "pool4_3x3_s2"):  # 줄기와 모듈 사이 풀링: 모양을 모델에서
        assert _shape(googlenet_aux.get_layer(name)) in text
    main = keras.Model(googlenet_aux.inputs, googlenet_aux.outputs[0])
    assert f"매개변수 {main.count_params():,}개" in text
    assert "가중치 계층 22개" in text
    assert "인셉션 모듈 9개" in text


def test_googlenet_downsampling_is_marked_where_the_model_has_stride_2(googlenet_aux, googlenet_drawn):
    drawn, fig = googlenet_drawn
    strided = [layer for layer in googlenet_aux.layers
               if not layer.name.startswith("aux") and getattr(layer, "strides", (1, 1)) != (1, 1)]
    assert [layer.name for layer in strided] == ["conv1_7x7_s2", "pool1_3x3_s2", "pool2_3x3_s2", "pool3_3x3_s2",
                                                 "pool4_3x3_s2"]
    assert drawn.count("가로·세로 ½") == len(strided)
    from cnn_helpers.diagrams.inception import googlenet_specs

    assert [u["name"] for u in googlenet_specs(googlenet_aux)["units"] if u["strided"]] == [layer.name for layer in strided]


def test_googlenet_aux_heads_come_from_the_model(googlenet_aux, googlenet_drawn):
    drawn, _ = googlenet_drawn
    text = "\n".join(drawn)
    for i, after in ((1, "4a"), (2, "4d")):
        params = sum(layer.count_params() for layer in googlenet_aux.layers if layer.name.startswith(f"aux{i}_"))
        assert f"보조 분류기 {i} ({after} 뒤)" in text
        assert f"매개변수 {params:,}" in text
        conv = googlenet_aux.get_layer(f"aux{i}_conv")
        fc = googlenet_aux.get_layer(f"aux{i}_fc")
        assert f"1×1 합성곱 {conv.filters}" in text and f"완전 연결 {fc.units:,}" in text


def test_googlenet_without_aux_and_small_input():
    model = models.googlenet(input_shape=(28, 28, 1), classes=10, small_input=True, width_multiplier=1 / 16)
    fig = diagrams.draw_googlenet(model)
    drawn = "\n".join(_draw.texts(fig))
    plt.close(fig)
    assert "보조 분류기" not in drawn.split("\n빨간")[0]
    assert f"매개변수 {model.count_params():,}개" in drawn
    assert "28×28×1" in drawn


def test_googlenet_aux_heads_have_their_own_colour(googlenet_drawn):
    """범례의 '회색 점선 상자'는 보조 분류기뿐입니다: 주 경로의 분류 상자는 다른 색이고, 출력 크기를 한 번만 적습니다."""
    from matplotlib.colors import to_hex
    from matplotlib.patches import FancyBboxPatch

    from cnn_helpers.diagrams.inception import _AUX_FACE

    drawn, fig = googlenet_drawn
    boxes = [(p, t) for p in fig.axes[0].patches if isinstance(p, FancyBboxPatch)
             for t in fig.axes[0].texts if p.contains_point(fig.axes[0].transData.transform(t.get_position()))]
    aux_faces = {to_hex(p.get_facecolor()) for p, t in boxes if t.get_text().startswith("보조 분류기")}
    main = [(p, t) for p, t in boxes if "분류" in t.get_text() and not t.get_text().startswith("보조")]
    assert aux_faces == {_AUX_FACE}
    assert len(main) == 1 and to_hex(main[0][0].get_facecolor()) != _AUX_FACE
    assert main[0][1].get_text().count("1,000") == 1
    assert "회색 점선 상자: 보조 분류기" in "\n".join(drawn)
