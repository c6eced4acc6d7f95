"""tests/analysis 의 시험 파일들이 함께 쓰는 도우미 (표에서 행 찾기, 작은 함수형 모델, 상대 오차)."""

from __future__ import annotations


def row(df, name):
    """표에서 이름이 name 인 행(Series)."""
    hits = df[df["layer"] == name]
    assert len(hits) == 1, f"{name!r} 행이 {len(hits)}개"
    return hits.iloc[0]


def rf_triple(df, name):
    r = row(df, name)
    return (r["rf"], r["jump"], r["padding"])


def functional(input_shape, build):
    import keras

    inp = keras.Input(input_shape)
    return keras.Model(inp, build(inp))


def rel_err(value, reference):
    return abs(value - reference) / reference
