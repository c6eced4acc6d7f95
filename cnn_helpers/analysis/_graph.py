"""Keras의 공개되지 않은 내부(private internals)에 닿는 유일한 곳: 작은 어댑터.

분석 함수(수용 영역, MAC, ERF, 요약 표)는 층 사이의 연결 그래프가 필요한데, Keras 3에는 그것을 읽는
공개 API가 없습니다. 그래서 다음 내부를 씁니다 (Keras 3.x에서 확인; 바뀌면 `tests/analysis/test_graph.py`가
Keras 판 번호와 함께 실패합니다):

- `Sequential._functional`: 빌드된 Sequential 안의 함수형 그래프
- `Functional._nodes_by_depth`, `Functional._inputs`: 깊이별 노드, 함수형 모델인지 알아보는 표시
- 노드(`keras.src.ops.node.Node`)의 `operation`, `is_input`, `input_tensors`, `outputs`,
  `arguments.fill_in(...)`
- `Layer._inbound_nodes`: 층이 처음 호출된 노드
- 층 종류는 `keras.src`의 기반 클래스 이름(`BaseConv`, `BasePooling`, `Merge`…)으로 알아봅니다
  (`keras.layers`에는 기반 클래스가 공개되어 있지 않습니다).

이 모듈 밖의 코드는 아래 함수와 `GraphNode`만 씁니다.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import _lazy

__all__ = ["functional_graph", "has_graph", "nodes_in_order", "first_call", "is_a", "flatten", "KINDS", "producer",
           "input_tensors"]

# 종류 이름 → 그 종류임을 알려 주는 keras.src 기반 클래스 이름들 (클래스의 MRO에 하나라도 있으면 그 종류)
KINDS = {
    "layer": ("Layer",),
    "conv": ("BaseConv",),
    "depthwise_conv": ("BaseDepthwiseConv",),
    "separable_conv": ("BaseSeparableConv",),
    "conv_transpose": ("BaseConvTranspose",),
    "pooling": ("BasePooling",),
    "global_pooling": ("BaseGlobalPooling",),
    "merge": ("Merge",),
    "dense": ("Dense",),
    "upsampling": ("UpSampling1D", "UpSampling2D", "UpSampling3D"),
}


@dataclass(frozen=True, eq=False)
class GraphNode:
    """그래프의 노드 하나(연산 한 번 호출): 연산(층 또는 keras.ops 연산), 입력·출력 텐서."""

    operation: object
    is_input: bool
    input_tensors: tuple
    outputs: tuple
    _node: object

    def output_spec(self, tensors: dict):
        """입력 텐서를 `tensors`(원래 텐서 id → 새 KerasTensor)로 바꿔 넣었을 때의 출력 (평탄한 목록)."""
        args, kwargs = self._node.arguments.fill_in(tensors)
        return flatten(self.operation.compute_output_spec(*args, **kwargs))


def _wrap(node) -> GraphNode:
    return GraphNode(node.operation, bool(node.is_input), tuple(node.input_tensors), tuple(node.outputs), node)


def functional_graph(model, argname="model"):
    """모델의 함수형(functional) 그래프 객체를 돌려줍니다 (`.inputs`, `.outputs`, `.layers`가 있음).

    Sequential 모델은 빌드되면 내부에 함수형 그래프(``_functional``)를 갖습니다.
    """
    keras = _lazy.keras()
    if isinstance(model, keras.Sequential):
        graph = getattr(model, "_functional", None)
        if graph is None:
            raise ValueError(
                f"{argname}: Sequential 모델 {model.name!r} 이(가) 아직 빌드되지 "
                "않아 층 사이의 연결과 크기를 알 수 없습니다. "
                "keras.Input(shape=(높이, 너비, 채널))을 첫 층으로 넣거나 "
                "model.build((None, 높이, 너비, 채널))을 먼저 호출하세요."
            )
        return graph
    if getattr(model, "_nodes_by_depth", None) is not None and hasattr(model, "_inputs"):
        return model
    raise TypeError(
        f"{argname}: 서브클래싱으로 만든 모델 {model.name!r} "
        f"(자료형 {type(model).__name__})은 층 사이의 연결 그래프가 없어 "
        "분석할 수 없습니다. 함수형 API(keras.Model(inputs, outputs)) 또는 "
        "keras.Sequential 로 만든 모델을 넘겨 주세요."
    )


def has_graph(model) -> bool:
    """함수형 그래프가 있는(함수형 또는 빌드된 Sequential) 모델인지."""
    keras = _lazy.keras()
    if isinstance(model, keras.Sequential):
        return getattr(model, "_functional", None) is not None
    return getattr(model, "_nodes_by_depth", None) is not None and hasattr(model, "_inputs")


def nodes_in_order(graph) -> list[GraphNode]:
    """그래프의 노드를 위상 순서(입력 → 출력)로 돌려줍니다."""
    nodes = []
    for depth in sorted(graph._nodes_by_depth, reverse=True):
        nodes.extend(_wrap(node) for node in graph._nodes_by_depth[depth])
    return nodes


def first_call(layer) -> GraphNode | None:
    """층이 처음 호출된 노드 (아직 호출되지 않았으면 None)."""
    nodes = getattr(layer, "_inbound_nodes", None) or []
    return _wrap(nodes[0]) if nodes else None


def is_a(op, *kinds: str) -> bool:
    """op(층 또는 연산)가 `KINDS`의 종류 가운데 하나인지. 예: ``is_a(layer, "conv", "pooling")``."""
    names = {cls.__name__ for cls in type(op).__mro__}
    return any(base in names for kind in kinds for base in KINDS[kind])


def flatten(structure) -> list:
    """중첩된 텐서 구조를 평탄한 목록으로 (keras.tree.flatten)."""
    return list(_lazy.keras().tree.flatten(structure))


def producer(tensor):
    """Keras 텐서를 만든 연산(계층)."""
    return tensor._keras_history.operation


def input_tensors(operation) -> list:
    """연산(계층)이 호출될 때마다 받은 입력 텐서들 (여러 번 호출됐으면 모두)."""
    return [tensor for node in operation._inbound_nodes for tensor in node.input_tensors]
