# The contributed hook copies the metadata of a distribution called "webrtcvad"; we install
# the same module from "webrtcvad-wheels", and nothing reads its metadata at run time.
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("webrtcvad-wheels")
