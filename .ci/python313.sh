#!/usr/bin/env bash
# Colab의 파이썬(CPython 3.13.5)을 한 번 빌드해 저장소 밖의 캐시 폴더에 두고, 그 인터프리터 경로를 출력합니다.
#
#   .ci/python313.sh         # → /var/cache/cnn-course/python-3.13.5/bin/python3.13 (있으면 빌드하지 않음)
#   CNN_PYTHON_CACHE=/곳 .ci/python313.sh   (noxfile.py의 colab 세션이 먼저 부름)
#
# 원본: Debian 소스 패키지 python3.13(trixie)에 들어 있는 upstream tarball python3.13_3.13.5.orig.tar.xz
# (= CPython 3.13.5). apt-get source가 Debian 저장소의 서명된 목록으로 파일의 체크섬을 확인합니다.
# 2코어에서 빌드에 약 4–5분 걸립니다. 진행 기록은 표준 오류로, 경로만 표준 출력으로 나갑니다.
set -euo pipefail

VERSION=3.13.5
CACHE="${CNN_PYTHON_CACHE:-/var/cache/cnn-course}"
PREFIX="$CACHE/python-$VERSION"
PYTHON="$PREFIX/bin/python3.13"

if [ -x "$PYTHON" ] && "$PYTHON" -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, readline" 2>/dev/null; then
    echo "$PYTHON"
    exit 0
fi

log() { echo "[python313 $(date +%H:%M:%S)] $*" >&2; }
export DEBIAN_FRONTEND=noninteractive

# 빌드에 필요한 -dev 라이브러리 (새 기계에 없으면 설치)
need=()
for pkg in build-essential libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev libreadline-dev xz-utils dpkg-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

# trixie의 소스 목록만 더합니다 (deb-src: 바이너리 패키지는 그대로 bookworm에서 옵니다).
SRC_LIST=/etc/apt/sources.list.d/cnn-course-trixie-src.sources
if [ ! -f "$SRC_LIST" ]; then
    cat > "$SRC_LIST" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
fi
log "apt-get update"
apt-get update -qq >&2
if [ ${#need[@]} -gt 0 ]; then
    log "설치: ${need[*]}"
    apt-get install -y -qq "${need[@]}" >&2
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
log "apt-get source --download-only python3.13"
apt-get source --download-only python3.13 >&2
TARBALL=$(ls python3.13_"$VERSION".orig.tar.xz)
tar xf "$TARBALL"
cd "Python-$VERSION"
log "configure (prefix $PREFIX)"
./configure --prefix="$PREFIX" --with-ensurepip=install >"$WORK/configure.log" 2>&1 || { tail -30 "$WORK/configure.log" >&2; exit 1; }
log "make -j$(nproc)"
make -j"$(nproc)" >"$WORK/make.log" 2>&1 || { tail -40 "$WORK/make.log" >&2; exit 1; }
mkdir -p "$CACHE"
make install >"$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log" >&2; exit 1; }
"$PYTHON" -c "import ssl, sqlite3, lzma, bz2, zlib, ctypes, readline" >&2
log "완료: $("$PYTHON" --version)"
echo "$PYTHON"
