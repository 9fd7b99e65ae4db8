"""Offline speech recognition with vosk, Qt-free: finding, checking, downloading and loading
models (vosk is imported only when a model loads), and a streaming recognizer that turns a
channel's audio into TranscriptSegments with word times on the call's clock."""

from desk.speech.download import (
    MODEL_LIST_URL,
    RemoteModel,
    download_model,
    fetch_model_list,
    install_zip,
    unpack,
)
from desk.speech.loader import FAILED, IDLE, LOADING, READY, ModelLoader, load_model
from desk.speech.models import (
    ModelError,
    ModelInfo,
    detect_lang,
    find_models,
    models_dir,
    validate_model,
    vosk_cache_dirs,
)
from desk.speech.recognizer import StreamingRecognizer, grammar_words

__all__ = [
    "FAILED", "IDLE", "LOADING", "MODEL_LIST_URL", "READY", "ModelError", "ModelInfo",
    "ModelLoader", "RemoteModel", "StreamingRecognizer", "detect_lang", "download_model",
    "fetch_model_list", "find_models", "grammar_words", "install_zip", "load_model",
    "models_dir", "unpack", "validate_model", "vosk_cache_dirs",
]
