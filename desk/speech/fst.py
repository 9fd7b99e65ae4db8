"""Just enough of OpenFst's file header to tell a graph file from junk or a truncated copy,
without loading it (vosk reads graphs of hundreds of MB; this reads 4 KiB)."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

FST_MAGIC = 2125659606   # OpenFst's kFstMagicNumber
HAS_ISYMBOLS = 0x1
HAS_OSYMBOLS = 0x2       # the graph carries its word list (then words.txt is not needed)
CONST_STATE_BYTES = 20   # ConstFst state: weight, pos, narcs, niepsilons, noepsilons (32-bit)
STD_ARC_BYTES = 16       # StdArc: ilabel, olabel, weight, nextstate
_FIELDS = "<iiQqqq"      # version, flags, properties, start, states, arcs


class FstError(ValueError):
    """The file is no OpenFst graph, or is shorter than its header says."""


@dataclass(frozen=True)
class FstHeader:
    fst_type: str
    flags: int
    num_states: int
    num_arcs: int
    end: int  # offset just after the header (before any symbol tables)


def _read_str(data: bytes, pos: int) -> tuple[str, int]:
    (n,) = struct.unpack_from("<i", data, pos)
    if not 0 <= n <= 256:
        raise FstError("bad string length")
    return data[pos + 4:pos + 4 + n].decode("ascii", "replace"), pos + 4 + n


def read_header(data: bytes, pos: int = 0) -> FstHeader:
    """OpenFst's FstHeader at ``pos`` of ``data`` (FstError when it is not one)."""
    try:
        (magic,) = struct.unpack_from("<i", data, pos)
        if magic != FST_MAGIC:
            raise FstError("not an OpenFst file")
        fst_type, pos = _read_str(data, pos + 4)
        _arc, pos = _read_str(data, pos)
        _version, flags, _props, _start, states, arcs = struct.unpack_from(_FIELDS, data, pos)
    except struct.error as exc:
        raise FstError(str(exc)) from None
    return FstHeader(fst_type, flags, states, arcs, pos + struct.calcsize(_FIELDS))


def check_fst(path: Path) -> FstHeader:
    """The header of graph file ``path``. FstError when it is no OpenFst file, or when a ConstFst
    (also the one inside an olabel_lookahead graph, vosk's HCLr.fst) is shorter than its
    states and arcs need."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise FstError(f"cannot be read ({exc.strerror})") from None
    try:
        header = read_header(head)
    except FstError:
        raise FstError("is not an OpenFst graph file") from None
    const = header
    if header.fst_type.endswith("lookahead"):  # a MatcherFst: add-on magic, then a ConstFst
        try:
            const = read_header(head, header.end + 4)
        except FstError:
            return header
    if const.fst_type == "const" and not const.flags & (HAS_ISYMBOLS | HAS_OSYMBOLS):
        need = const.end + const.num_states * CONST_STATE_BYTES + const.num_arcs * STD_ARC_BYTES
        size = path.stat().st_size
        if size < need:
            raise FstError(f"is truncated ({size} of at least {need} bytes)")
    return header
