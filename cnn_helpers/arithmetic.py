"""합성곱·풀링의 출력 크기와 SAME 패딩 계산 (순수 파이썬).

출력 크기 공식 (패딩 p, 스트라이드 s, 팽창 d):

    o = (n + 2p - d(f-1) - 1) / s + 1

d = 1이면 강의의 공식 OH = (H + 2P - FH)/S + 1 과 같습니다.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ._validate import check_bool, check_int

# 한쪽 패딩의 한도: 이보다 큰 패딩은 배열·그림을 터뜨리기만 합니다.
MAX_PADDING = 10_000

__all__ = ["conv_output_size", "same_padding"]


def effective_kernel_size(f: int, d: int = 1) -> int:
    """팽창(dilation) d를 적용한 커널이 실제로 덮는 길이 d(f-1)+1을 돌려줍니다.

    >>> effective_kernel_size(3, 2)
    5
    """
    f = check_int("f(커널 크기)", f, minimum=1)
    d = check_int("d(팽창)", d, minimum=1)
    return d * (f - 1) + 1


def same_padding(n: int, f: int, s: int = 1, d: int = 1) -> tuple[int, int]:
    """TensorFlow가 padding='SAME'에서 넣는 (앞, 뒤) 패딩 칸 수를 돌려줍니다.

    출력 크기는 ceil(n/s)이고, 모자라는 칸 수를 둘로 나눠 남는 한 칸은 뒤(아래·오른쪽)에 둡니다.

    >>> same_padding(5, 3)
    (1, 1)
    >>> same_padding(6, 2, 2)
    (0, 0)
    >>> same_padding(5, 4)
    (1, 2)
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    f_eff = effective_kernel_size(f, d)
    out = math.ceil(n / s)
    total = max((out - 1) * s + f_eff - n, 0)
    return total // 2, total - total // 2


def parse_padding(p, name: str = "p(패딩)"):
    """패딩 인자를 확인해 'valid', 'same' 또는 0 이상의 정수로 돌려줍니다 (대소문자 무시).

    패키지에서 패딩 인자를 해석하는 곳은 여기 하나뿐입니다.

    >>> parse_padding("SAME"), parse_padding(2)
    ('same', 2)
    """
    if isinstance(p, str):
        mode = p.lower()
        if mode in ("valid", "same"):
            return mode
        raise ValueError(f"{name}는 0 이상의 정수, 'valid', 'same' 중 하나여야 합니다. 받은 값: {p!r}")
    return check_int(name, p, minimum=0, maximum=MAX_PADDING, why="한쪽 패딩의 한도")


def resolve_padding(n: int, f: int, p=0, s: int = 1, d: int = 1, *, name: str = "p(패딩)") -> tuple[int, int]:
    """한 축의 패딩 인자 p(정수, 'valid', 'same')를 실제로 넣는 (앞, 뒤) 칸 수로 바꿉니다.

    >>> resolve_padding(5, 3, "same"), resolve_padding(5, 4, "same"), resolve_padding(5, 3, 2)
    ((1, 1), (1, 2), (2, 2))
    """
    mode = parse_padding(p, name)
    if mode == "valid":
        return 0, 0
    if mode == "same":
        return same_padding(n, f, s, d)
    return mode, mode


@dataclass(frozen=True)
class DivisibilityFixes:
    """(n + 2p − d(f−1) − 1)이 s로 나누어떨어지게 만드는 가까운 설정들. 후보마다 **하나만** 바꿉니다.

    padding: 스트라이드는 그대로 두고 양쪽에 같은 p를 넣는 후보 (작은 쪽 하나, 큰 쪽 하나까지),
    stride: 패딩은 그대로 두는 다른 스트라이드 후보. 어느 후보든 실제 입력 화소를 하나도 빠뜨리지 않습니다
    (스트라이드 후보는 필터가 덮는 길이 d(f−1)+1 이하라서 창 사이에 빈칸이 없습니다).
    """

    padding: tuple[int, ...]
    stride: tuple[int, ...]

    def describe(self) -> str:
        """'패딩만 바꾸려면 p=1, 스트라이드만 바꾸려면 s=1 또는 s=2'처럼 한 줄로 씁니다 (둘을 함께 바꾸는 뜻이 아님)."""
        hints = []
        if self.padding:
            hints.append("패딩만 바꾸려면 " + " 또는 ".join(f"p={p}" for p in self.padding))
        if self.stride:
            hints.append("스트라이드만 바꾸려면 " + " 또는 ".join(f"s={t}" for t in self.stride))
        return ", ".join(hints)


def _reads_every_pixel(n: int, f_eff: int, before: int, s: int) -> bool:
    """창이 (패딩한) 입력 끝에 정확히 닿을 때(나누어떨어질 때) 실제 화소를 하나도 빠뜨리지 않는지.

    s ≤ f_eff이면 창이 이어지거나 겹쳐 빈칸이 없습니다. s > f_eff이면 창 사이마다 s − f_eff칸이 비므로,
    실제 화소 n칸이 창 하나 안에 모두 들어갈 때만 빠짐없이 읽힙니다.
    """
    return s <= f_eff or before % s + n <= f_eff


def divisibility_fixes(n: int, f: int, p=0, s: int = 1, d: int = 1) -> DivisibilityFixes:
    """나누어떨어지지 않는 설정을 나누어떨어지게 만드는 패딩·스트라이드 후보를 데이터로 돌려줍니다.

    후보마다 패딩이나 스트라이드 하나만 바꾸고, 어느 후보도 실제 입력 화소를 빠뜨리지 않습니다:
    스트라이드 후보는 d(f−1)+1 이하(창 사이에 빈칸 없음), 패딩 후보는 지금 스트라이드로 모든 화소를 읽는 것만.
    이미 나누어떨어지면 빈 후보를 돌려줍니다.

    >>> divisibility_fixes(7, 3, 0, 3)
    DivisibilityFixes(padding=(1,), stride=(1, 2))
    >>> divisibility_fixes(7, 3, 0, 3).describe()
    '패딩만 바꾸려면 p=1, 스트라이드만 바꾸려면 s=1 또는 s=2'
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    f_eff = effective_kernel_size(f, d)
    before, after = resolve_padding(n, f, p, s, d)
    pad_total = before + after
    span = n + pad_total - f_eff
    if span >= 0 and span % s == 0:
        return DivisibilityFixes((), ())
    base = pad_total // 2
    lowest = max(0, -((n - f_eff) // 2))  # n + 2p − f_eff ≥ 0 이 되는 가장 작은 p
    paddings = []
    solution = _half_residue(f_eff - n, s)  # 2p ≡ f_eff − n (mod s) 인 p의 (나머지, 주기)
    if solution is not None:
        r, m = solution
        # 모든 화소를 읽는지는 p mod s에만 달려 있고, 주기 m인 후보는 mod s로 많아야 두 가지입니다: 두 개씩만 봅니다.
        below = base - 1 - ((base - 1 - r) % m)  # base보다 작은 가장 큰 후보 (패딩을 줄이는 쪽)
        for q in (below, below - m):
            if q >= lowest and _reads_every_pixel(n, f_eff, q, s):
                paddings.append(q)
                break
        start = max(base + 1, lowest)
        above = start + ((r - start) % m)  # base보다 큰 가장 작은 후보 (양쪽 같은 p)
        for q in (above, above + m):
            if _reads_every_pixel(n, f_eff, q, s):
                paddings.append(q)
                break
    strides = [t for t in _divisors_up_to(span, min(s + 2, f_eff)) if t != s]
    return DivisibilityFixes(tuple(paddings), tuple(strides[-2:]))


def _half_residue(c: int, s: int):
    """2p ≡ c (mod s)의 해 p를 (나머지 r, 주기 m)으로 돌려줍니다 (해가 없으면 None). s에 비례하는 반복이 없습니다."""
    g = math.gcd(2, s)
    if c % g:
        return None
    m = s // g
    if m == 1:
        return 0, 1
    return (c // g) * pow(2 // g, -1, m) % m, m


def _divisors_up_to(span: int, limit: int) -> list[int]:
    """span(≥ 1)의 약수 가운데 limit 이하인 것을 오름차순으로 (span ≤ 0이면 없음).

    span = 0은 어떤 s로도 나누어떨어지므로 divisibility_fixes가 여기 오기 전에 끝냅니다.
    span이 아주 커도 멈추도록 √span이 10⁶을 넘으면 10⁶ 이하의 약수와 그 짝만 찾습니다.
    """
    if span < 1:
        return []
    found = set()
    for t in range(1, min(math.isqrt(span), 10**6) + 1):
        if span % t == 0:
            found.update((t, span // t))
    return sorted(t for t in found if t <= limit)


def conv_output_size(n: int, f: int, p=0, s: int = 1, d: int = 1, *, strict: bool = True) -> int:
    """합성곱·풀링 한 축의 출력 크기를 계산합니다.

    n: 입력 크기, f: 커널(필터) 크기, p: 한쪽 패딩(정수) 또는 'valid'/'same',
    s: 스트라이드, d: 팽창(dilation).
    strict=True이면 (n + 2p - d(f-1) - 1)이 s로 나누어떨어지지 않아 **실제 입력 화소**(패딩이 아닌 칸)가 끝에
    남을 때 고칠 방법을 알려 주는 ValueError를 냅니다. 남는 칸이 모두 패딩이면(예: ResNet의 첫 계층 224, 7, 3, 2)
    잃는 화소가 없으므로 TensorFlow처럼 내림한 값을 돌려줍니다. strict=False이면 언제나 내림합니다.
    'same'은 언제나 ceil(n/s)입니다. s가 d(f-1)+1보다 크면 창 사이의 칸도 건너뛰는데(1×1 합성곱, 스트라이드 2),
    이것은 설계로 고르는 것이라 오류로 보지 않습니다.

    >>> conv_output_size(5, 3)
    3
    >>> conv_output_size(5, 3, p=1)
    5
    >>> conv_output_size(7, 3, s=2)
    3
    >>> conv_output_size(6, 3, s=2, strict=False)
    2
    >>> conv_output_size(224, 7, p=3, s=2)  # 남는 한 줄은 패딩
    112
    """
    n = check_int("n(입력 크기)", n, minimum=1)
    s = check_int("s(스트라이드)", s, minimum=1)
    f_eff = effective_kernel_size(f, d)
    strict = check_bool("strict", strict)
    before, after = resolve_padding(n, f, p, s, d)
    span = n + before + after - f_eff
    if span < 0:
        raise ValueError(
            f"커널이 패딩을 더한 입력보다 큽니다: 커널이 덮는 길이 {f_eff} > 입력 {n} + 패딩 {before + after} "
            f"= {n + before + after}. 커널을 {n + before + after} 이하로 줄이거나 패딩을 늘리세요."
        )
    if parse_padding(p) == "same":
        return math.ceil(n / s)
    lost = span % s - after  # 창에 들어가지 않는 끝의 칸 가운데 실제 화소의 줄 수
    if strict and lost > 0:
        suggestion = divisibility_fixes(n, f, p, s, d).describe()
        if d == 1:  # 팽창이 없으면 d가 나오지 않는 식으로 (02강 4절의 공식)
            formula = f"(n + 2p - f) / s = ({n} + {before + after} - {f}) / {s}"
        else:
            formula = f"(n + 2p - d(f-1) - 1) / s = ({n} + {before + after} - {f_eff - 1} - 1) / {s}"
        where = "입력" if after == 0 else "패딩을 뺀 실제 입력"
        raise ValueError(
            f"{formula} = {span}/{s}: 정수로 나누어떨어지지 않아 {where}의 마지막 {lost}줄은 "
            f"한 번도 창에 들어가지 않습니다. "
            f"나누어떨어지게 하는 값 — {suggestion}. "
            f"(TensorFlow처럼 내림하려면 strict=False)"
        )
    return span // s + 1
