#!/usr/bin/env bash
# Sets up a Debian 12 machine for Activation Explorer, builds it, then runs it or its tests.
#
#   scripts/setup.sh run  [APP ARGS...]    install what is missing, build, launch the app
#   scripts/setup.sh test [CTEST ARGS...]  install what is missing, build, run every test (ctest),
#                                          then build build-asan/ and run them again under ASan+UBSan
#                                          (AE_SKIP_ASAN=1: the normal suite only)
#
# Safe to run again: packages already installed are not touched, and the build is incremental.
set -euo pipefail

usage() {
    sed -n '2,8s/^# \{0,1\}//p' "$0"
}

mode="${1:-}"
case "$mode" in
    run | test) shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
build_dir="$repo/build"
jobs="$(nproc 2>/dev/null || echo 2)"

step() { printf '==> %s\n' "$*"; }
fail() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

# Everything the build, the tests and the screenshots need, from Debian 12's own archive.
# libqt6gui6 (pulled in by qt6-base-dev) carries the xcb and offscreen platform plugins;
# libxkbcommon-dev only completes Qt6Gui's optional CMake dependencies. Qt6Charts' CMake config
# needs Qt6OpenGL's, which qt6-charts-dev does not pull in on a minimal Debian 12: libqt6opengl6-dev.
packages=(
    cmake ninja-build g++
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libxkbcommon-dev
    libgif-dev                   # giflib: encodes the animated GIF export (--animate), decodes it in the tests
    poppler-utils                # pdfinfo and pdftotext: the tests read the PDF export's pages and text
    xvfb xauth imagemagick x11-utils xdotool fonts-dejavu-core
    fonts-wqy-microhei qt6-translations-l10n  # CJK glyphs (else boxes); Qt's own zh_CN strings
    libboost1.74-dev             # Boost.Math (header-only): autodiff of typed expressions, the network theory's quadrature
    libeigen3-dev                # Eigen 3 (header-only): the network simulation's matrix products
    libopenblas-serial-dev       # OpenBLAS, one thread: the BLAS under Eigen's products (EIGEN_USE_BLAS); also libblas.so.3 for python3-torch
    clang libclang-rt-14-dev     # libFuzzer for the fuzz tests (tests/fuzz/); skipped without them
    desktop-file-utils appstream # validate the desktop entry and the AppStream metainfo (packaging/)
    dpkg-dev file                # cpack -G DEB: dpkg-shlibdeps finds the .deb's dependencies
    lintian                      # Debian's policy checks of the .deb (packaging/check_deb.sh)
)

step "Checking ${#packages[@]} Debian packages"
missing=()
for pkg in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == ii* ]] || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
    step "Installing missing packages: ${missing[*]}"
    sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || fail "not root and sudo is not installed; install as root: apt-get install ${missing[*]}"
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
else
    step "All packages present"
fi

# A build/ made by hand with another generator is reused as it is; the preset wants Ninja.
cached_generator=""
if [[ -f "$build_dir/CMakeCache.txt" ]]; then
    cached_generator="$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$build_dir/CMakeCache.txt")"
fi
if [[ -z "$cached_generator" || "$cached_generator" == "Ninja" ]]; then
    step "Configuring (cmake --preset default → build/)"
    cmake --preset default
else
    step "Configuring build/ (existing $cached_generator tree)"
    cmake -S "$repo" -B "$build_dir"
fi

step "Building with $jobs parallel jobs"
cmake --build "$build_dir" --parallel "$jobs"

case "$mode" in
    run)
        app="$build_dir/app/activation-explorer"
        [[ -x "$app" ]] || fail "the build did not produce $app"
        if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
            printf 'setup.sh: no DISPLAY or WAYLAND_DISPLAY is set; to try it headless use\n' >&2
            printf '  xvfb-run -a -s "-screen 0 1280x900x24" %s\n' "$app" >&2
        fi
        step "Launching $app $*"
        exec "$app" "$@"
        ;;
    test)
        step "Running the test suite (ctest)"
        status=0
        ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs" "$@" || status=$?
        # AE_SKIP_ASAN=1 stops here; so does a failure, its summary then being the last word.
        if ((status != 0)) || [[ "${AE_SKIP_ASAN:-0}" == 1 ]]; then
            exit "$status"
        fi
        # The same suite again under AddressSanitizer + UBSan (+ LeakSanitizer), in build-asan/.
        step "Configuring the sanitizer build (cmake --preset asan → build-asan/)"
        cmake --preset asan
        step "Building build-asan/ with $jobs parallel jobs"
        cmake --build --preset asan --parallel "$jobs"
        step "Running the test suite under AddressSanitizer and UBSan (ctest --preset asan)"
        # exec: ctest's summary is the last thing printed and its status is ours.
        exec ctest --preset asan --parallel "$jobs" "$@"
        ;;
esac
