# shellcheck shell=bash
# Shared set-up for scripts/test.sh and scripts/run.sh. Source it; do not run it.
#
#   cleardesk_setup runtime   system packages for the Qt runtime + fonts, .venv, `pip install -e .`
#   cleardesk_setup test      the same plus the test tooling: `pip install -e '.[test]'`, xvfb, objdump
#
# Then the .qm translations are compiled from resources/translations/*.ts.
# Every step is skipped when already done, so a second run takes a few seconds.
#
# Environment knobs:
#   PYTHON=python3.12        interpreter used to create .venv (default: python3)
#   CLEARDESK_SKIP_APT=1     never touch system packages

CLEARDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CLEARDESK_ROOT
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
export PIP_NO_INPUT=1

# Qt runtime on Debian/Ubuntu: GL/EGL, fontconfig, D-Bus, GLib, xkbcommon and the xcb
# libraries the xcb platform plugin links to (Qt >= 6.5 also needs libxcb-cursor0),
# and CJK fonts so Chinese renders (also offscreen).
CLEARDESK_APT_RUNTIME=(
    python3-venv
    fonts-noto-cjk fonts-wqy-microhei
    libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
    libxkbcommon0 libxkbcommon-x11-0
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xinerama0
    libxcb-xkb1 libxrender1 libxi6 libsm6 libice6
    libcups2
    libportaudio2
    # Linux audio capture: PortAudio reaches PulseAudio/PipeWire through ALSA's `pulse` device
    # (libasound2-plugins); pactl lists the sources, monitors included (pulseaudio-utils).
    libasound2-plugins pulseaudio-utils
)
# Test tooling: a virtual X server for screenshots of real windows, objdump for PyInstaller;
# espeak-ng synthesises test speech, PulseAudio gives the tests a real null sink to record.
# A real PostgreSQL for the sync tests; the tests start their own cluster from its binaries.
CLEARDESK_APT_TEST=(xvfb binutils espeak-ng pulseaudio pulseaudio-utils postgresql)

_cd_log() { printf '==> %s\n' "$*"; }

# Installed already? Ubuntu 24.04 renamed some libraries with a t64 suffix
# (libglib2.0-0 -> libglib2.0-0t64); either name counts.
_cd_pkg_installed() {
    local p
    for p in "$1" "$1t64"; do
        if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            return 0
        fi
    done
    return 1
}

cleardesk_apt() {
    if [[ "${CLEARDESK_SKIP_APT:-}" == 1 ]] || ! command -v dpkg-query >/dev/null 2>&1; then
        return 0  # not Debian/Ubuntu (or asked not to): the README lists what to install
    fi
    local missing=() p
    for p in "$@"; do
        _cd_pkg_installed "$p" || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        _cd_log "installing system packages: ${missing[*]}"
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        printf 'note: missing system packages (not root, so not installing them):\n'
        printf '    sudo apt-get install %s\n' "${missing[*]}"
    fi
}

cleardesk_venv_python() {
    if [[ -x "$CLEARDESK_ROOT/.venv/bin/python" ]]; then
        echo "$CLEARDESK_ROOT/.venv/bin/python"
    else
        echo "$CLEARDESK_ROOT/.venv/Scripts/python.exe"  # Git Bash on Windows
    fi
}

cleardesk_venv() {
    local extras="$1" py stamp want
    py="$(cleardesk_venv_python)"
    if ! "$py" -c 'import sys' >/dev/null 2>&1; then
        _cd_log "creating .venv with ${PYTHON:-python3}"
        "${PYTHON:-python3}" -m venv --clear "$CLEARDESK_ROOT/.venv"
        py="$(cleardesk_venv_python)"
    fi
    # Reinstall only when pyproject.toml or the wanted extras changed (the install is editable,
    # so code changes never need one).
    stamp="$CLEARDESK_ROOT/.venv/.cleardesk-installed"
    want="$extras $(cksum <"$CLEARDESK_ROOT/pyproject.toml")"
    if [[ -f "$stamp" ]] && grep -qxF -- "$want" "$stamp"; then
        return 0
    fi
    _cd_log "installing ClearDesk into .venv (pip install -e '.$extras')"
    "$py" -m pip install -q --upgrade pip
    "$py" -m pip install -q -e "$CLEARDESK_ROOT$extras"
    # A test install also satisfies a plain one, not the other way round.
    if [[ -n "$extras" ]]; then
        printf '%s\n%s\n' "$want" " $(cksum <"$CLEARDESK_ROOT/pyproject.toml")" >"$stamp"
    else
        printf '%s\n' "$want" >"$stamp"
    fi
}

cleardesk_translations() {
    _cd_log "compiling translations"
    (cd "$CLEARDESK_ROOT" && "$(cleardesk_venv_python)" -c \
        "from ui.i18n import compile_all; compile_all()")
}

cleardesk_setup() {
    local mode="$1"
    if [[ "$mode" == test ]]; then
        cleardesk_apt "${CLEARDESK_APT_RUNTIME[@]}" "${CLEARDESK_APT_TEST[@]}"
        cleardesk_venv "[test]"
    else
        cleardesk_apt "${CLEARDESK_APT_RUNTIME[@]}"
        cleardesk_venv ""
    fi
    cleardesk_translations
}
