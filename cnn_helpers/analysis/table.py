"""모델 요약 표: 층마다 이름, 종류, 출력 모양, 매개변수, MAC 수, 수용 영역 (`model_table`, `layer_table`),
블록마다 더한 표 (`block_table`), 모델끼리 견주는 표 (`compare_models`)."""

from __future__ import annotations

from .._validate import check_model
from ._common import data_format_of, squeeze
from ._graph import flatten, functional_graph, is_a, nodes_in_order
from .macs import graph_shapes, macs_walk, resolve_input_shapes
from .rf import Spatial, check_input_fits, layer_rf_states

__all__ = ["model_table", "layer_table", "block_table", "compare_models"]

KOREAN_COLUMNS = {"layer": "계층", "type": "종류", "output_shape": "출력 모양", "params": "매개변수", "macs": "곱셈-누산",
                  "rf": "수용 영역", "convs": "합성곱 수"}


def _korean(table, index_name=None):
    """보여 주기용 표: 열 이름을 한국어로 바꾸고, 매개변수·곱셈-누산은 천 단위 쉼표를 넣은 글자로 씁니다."""
    shown = table.rename(columns=KOREAN_COLUMNS)
    for column in ("매개변수", "곱셈-누산"):
        if column in shown:
            shown[column] = shown[column].map("{:,}".format)
    if index_name is not None:
        shown = shown.rename_axis(index_name)
    return shown


def _check_korean(korean):
    if not isinstance(korean, bool):
        raise TypeError(f"korean은 True 또는 False여야 합니다: {korean!r}")


def model_table(model, input_shape=None, korean=False):
    """층마다 한 줄인 요약 표를 만듭니다.

    Args:
        model: 빌드된 keras.Model / keras.Sequential.
        input_shape: 모델 입력의 None 인 축을 채울 입력 모양(배치 제외).
        korean: True면 보여 주기용 표(열 이름은 한국어, 매개변수·곱셈-누산은 천 단위 쉼표를 넣은 글자, 수용 영역이 없는 계층은 —)를
            돌려줍니다. 계산에 쓸 표는 기본값(False)으로 받으세요.

    Returns:
        pandas.DataFrame. 열: ``layer``(이름), ``type``(층 종류),
        ``output_shape``(배치를 뺀 출력 모양 튜플), ``params``(파라미터 수,
        학습되지 않는 것 포함: 합계 = model.count_params()), ``macs``(MAC 수,
        :func:`count_macs` 기준), ``rf``(출력의 이론적 수용 영역: 정수 또는
        (높이, 너비) 튜플, 공간 의미가 없거나 지원하지 않는 층은 None).
        행은 ``model.layers`` 순서이며 중첩 모델은 한 줄로 요약합니다.
        여러 번 호출된(공유) 층의 macs 는 모든 호출의 합이고, output_shape 와
        rf 는 첫 호출 기준입니다.
    """
    import pandas as pd

    _check_korean(korean)
    check_model(model)
    graph = functional_graph(model)
    data_format = data_format_of(model)
    shapes_in = resolve_input_shapes(graph, input_shape)
    if shapes_in is not None:
        check_input_fits(model, shapes_in[0][1:])
    per_layer = {}
    macs_walk(graph, shapes_in, data_format, per_layer=per_layer)
    shapes = graph_shapes(graph, shapes_in)
    rf_input = None if shapes_in is None else shapes_in[0][1:]
    rf_states = layer_rf_states(model, rf_input)

    first_outputs = {}
    for node in nodes_in_order(graph):
        first_outputs.setdefault(id(node.operation), node.outputs)

    rows = []
    for layer in model.layers:
        outs = first_outputs.get(id(layer), [])
        out_shapes = [shapes.get(id(t), tuple(t.shape))[1:] for t in outs]
        if len(out_shapes) == 1:
            out_shape = out_shapes[0]
        else:
            out_shape = out_shapes
        state = rf_states.get(id(layer))
        rf = squeeze(a.rf for a in state.axes) if isinstance(state, Spatial) else None
        rows.append(
            {
                "layer": layer.name,
                "type": type(layer).__name__,
                "output_shape": out_shape,
                "params": int(layer.count_params()) if layer.built else 0,
                "macs": int(per_layer.get(id(layer), 0)),
                "rf": rf,
            }
        )
    columns = ["layer", "type", "output_shape", "params", "macs", "rf"]
    table = pd.DataFrame(rows, columns=columns)
    # None 이 섞여도 정수가 1.0 처럼 실수로 바뀌지 않도록 object 열로 둡니다.
    table["rf"] = pd.Series([row["rf"] for row in rows], index=table.index, dtype=object)
    if not korean:
        return table
    if table["rf"].isna().any():  # 보여 주기용: 공간 축이 없는 계층은 — (없으면 열을 그대로 둠)
        table["rf"] = table["rf"].map(lambda rf: "—" if rf is None else rf)
    return _korean(table)


# ---------------------------------------------------------------------------
# 유효 수용 영역(effective receptive field)


def layer_table(model, macs=False):
    """층마다 이름·종류·출력 모양·매개변수 수와 전체에서의 비율(%)을 한국어 열 이름으로 보여 주는 표.

    `model_table`의 앞 네 열(layer, type, output_shape, params)을 한국어 열 이름 계층, 종류, 출력 모양(글자),
    매개변수로 바꾸고 비율(%) 열(소수 첫째 자리)을 더한 것입니다 (3강의 매개변수 비교 표).
    macs=True면 비율 대신 곱셈-누산 열(`count_macs` 기준)을 둡니다 (8강의 블록 표).
    """
    if not isinstance(macs, bool):
        raise TypeError(f"macs는 True 또는 False여야 합니다. 받은 값: {macs!r}")
    table = model_table(model)
    total = int(model.count_params())
    out = table[["layer", "type", "output_shape", "params"]].rename(columns=KOREAN_COLUMNS)
    out["출력 모양"] = out["출력 모양"].map(str)
    out["매개변수"] = out["매개변수"].astype(int)
    if macs:
        out["곱셈-누산"] = table["macs"].astype(int)
    else:
        out["비율(%)"] = (100 * out["매개변수"] / total).round(1)
    return out


def block_table(model, input_shape=None, korean=False, group=None):
    r"""`model_table`을 계층 이름의 앞부분(``block3_conv2`` → ``block3``, ``fc1`` → ``fc1``)으로 묶어 더한 표.

    ``korean=True``면 `model_table`처럼 보여 주기용 표(한국어 열 이름, 천 단위 쉼표)를 돌려줍니다.
    ``group``에 괄호 묶음이 하나 있는 정규식을 주면 계층 이름에서 그 묶음이 잡은 글자로 묶습니다.
    예: ``r"_(1x1|3x3|5x5|pool)"``이면 ``inception_3a_3x3_reduce``와 ``inception_3a_3x3``이 같은 ``3x3`` 가지가 되고,
    ``r"^inception_(\w\w)_"``이면 모듈(``3a``, ``3b`` …)마다 묶입니다. 정규식에 맞지 않는 계층은 뺍니다.

    Returns:
        pandas.DataFrame. 행은 묶음(처음 나온 순서, 입력 계층은 뺌), 열: ``convs``(Conv2D 계층 수),
        ``params``, ``macs``. 6강의 "매개변수는 어디에, 계산은 어디에" 표입니다.
    """
    import re

    import pandas as pd

    _check_korean(korean)
    if group is not None:
        if not isinstance(group, str):
            raise TypeError(f"group은 괄호 묶음이 하나 있는 정규식 글자여야 합니다. 받은 값: {group!r}")
        try:
            pattern = re.compile(group)
        except re.error as error:
            raise ValueError(f"group 정규식이 잘못되었습니다: {group!r} ({error})") from None
        if pattern.groups != 1:
            raise ValueError(f"group 정규식에는 괄호 묶음이 꼭 하나 있어야 합니다(지금 {pattern.groups}개): {group!r}")
    table = model_table(model, input_shape)
    table = table[table["type"] != "InputLayer"]
    if group is None:
        keys = table["layer"].str.split("_").str[0]
    else:
        keys = table["layer"].map(lambda name: (found := pattern.search(name)) and found.group(1))
        table, keys = table[keys.notna()], keys[keys.notna()]
    columns = pd.DataFrame({"convs": (table["type"] == "Conv2D").astype(int),
                            "params": table["params"].astype(int), "macs": table["macs"].astype(int)})
    summed = columns.groupby(keys.rename("block"), sort=False).sum()
    return _korean(summed, index_name="블록 / 계층") if korean else summed


def weight_depth(model):
    """입력에서 출력까지 가장 긴 경로에 있는 가중치 계층(합성곱, 완전 연결)의 수.

    논문이 말하는 깊이입니다: VGG-16은 16, GoogLeNet은 22(가지가 나란히 있어도 한 경로만 셈),
    ResNet-50은 50(지름길의 1×1 투영은 더 짧은 경로라 세지 않음).
    """
    check_model(model)
    depth = {}  # 텐서 id → 그 텐서까지 가장 긴 경로의 가중치 계층 수
    for node in nodes_in_order(functional_graph(model)):
        before = max((depth.get(id(t), 0) for t in flatten(node.input_tensors)), default=0)
        here = before + int(not node.is_input and is_a(node.operation, "conv", "dense"))
        for tensor in node.outputs:
            depth[id(tensor)] = here
    return max(depth.get(id(t), 0) for t in flatten(model.outputs))


def compare_models(models):
    """이름 → 모델의 사전을 받아 모델마다 입력 모양, 깊이(`weight_depth`), 매개변수, 곱셈-누산(백만 단위, M)을 한 줄씩 적은 보여 주기용 표
    (숫자는 천 단위 쉼표를 넣은 글자).

    곱셈-누산은 각 모델의 입력 크기 그대로 `count_macs`로 셉니다. 매개변수는 ``count_params()``입니다
    (배치 정규화의 추론용 평균·분산 포함).
    """
    import pandas as pd

    from .macs import count_macs

    if not isinstance(models, dict) or not models:
        raise TypeError(f"models는 이름 → keras 모델의 비어 있지 않은 사전이어야 합니다. 받은 값의 자료형: {type(models).__name__}")
    rows = {name: {"입력": "×".join(str(d) for d in model.input_shape[1:]), "깊이 (가중치 계층)": weight_depth(model),
                   "매개변수": f"{model.count_params():,}", "곱셈-누산 (M)": f"{count_macs(model) / 1e6:,.2f}"}
            for name, model in models.items()}
    return pd.DataFrame.from_dict(rows, orient="index")
