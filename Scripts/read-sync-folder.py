#!/usr/bin/env python3
"""Reads a Sotto sync folder with only Docs/SYNC.md, the folder passphrase and libsodium.

A second independent reader (beside read-journal.py): no Sotto code, just Python and libsodium
through ctypes. It opens the key file, authenticates and decrypts every change file, merges
the versions by SYNC.md §7, and prints each entry's shown version as JSON, so the folder is
enough to get your data out even without any device's journal.

Usage: read-sync-folder.py DIR PASSPHRASE_FILE
  -> {"entries": [entry JSON of the shown version, deleted ones left out],
      "conflicts": [ids with more than one head], "deleted": [ids], "refused": [names]}
"""
import ctypes
import hashlib
import importlib.util
import json
import os
import struct
import sys
import unicodedata

# libsodium and the AEAD call come from the journal reader beside this one (also no Sotto code).
_spec = importlib.util.spec_from_file_location(
    "read_journal", os.path.join(os.path.dirname(os.path.abspath(__file__)), "read-journal.py"))
_reader = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reader)
sodium, aead_open = _reader.sodium, _reader.aead_open


def fail(message):
    sys.exit("read-sync-folder: " + message)


def content_name(data):
    # BLAKE2b-256, no key: hashlib's blake2b is the same function as crypto_generichash.
    return hashlib.blake2b(data, digest_size=32).hexdigest()


def is_name(name):
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def folder_key(folder, passphrase):
    keys = os.path.join(folder, "keys")
    for name in sorted(os.listdir(keys)):
        data = open(os.path.join(keys, name), "rb").read()
        if not is_name(name) or content_name(data) != name or len(data) != 152:
            continue
        if data[:8] != b"SOTTOKEY" or struct.unpack(">I", data[8:12])[0] != 1:
            continue
        folder_id, key_id = data[12:28], data[28:44]
        alg, ops, mem = struct.unpack(">IQQ", data[44:64])
        salt, nonce, wrapped = data[64:80], data[80:104], data[104:152]
        if alg != 2 or not (1 <= ops <= 6) or not (8192 <= mem <= 1 << 30):
            continue
        kek = ctypes.create_string_buffer(32)
        if sodium.crypto_pwhash(kek, ctypes.c_ulonglong(32), passphrase,
                                ctypes.c_ulonglong(len(passphrase)), salt,
                                ctypes.c_ulonglong(ops), ctypes.c_size_t(mem),
                                ctypes.c_int(alg)) != 0:
            fail("key derivation failed (out of memory?)")
        key = aead_open(wrapped, data[:104], nonce, kek.raw)
        if key is not None:
            return folder_id, key_id, key
    fail("no key file in keys/ opens with this passphrase")


def open_change_file(data, folder_id, key_id, key):
    if len(data) < 68 + 16 + 4096 or data[:8] != b"SOTTOSYN" or data[8:12] != b"\0\0\0\1":
        return None
    if data[12:28] != folder_id or data[28:44] != key_id:
        return None
    padded = aead_open(data[68:], data[:68], data[44:68], key)
    # Padded to a power of two of at least 4,096 bytes, or above 1 MiB to whole MiB.
    if padded is None or len(padded) < 4096 or (
            len(padded) & (len(padded) - 1) if len(padded) <= 1 << 20 else len(padded) % (1 << 20)):
        return None
    out_len = ctypes.c_size_t(0)
    if sodium.sodium_unpad(ctypes.byref(out_len), padded, ctypes.c_size_t(len(padded)),
                           ctypes.c_size_t(len(padded))) != 0:
        return None
    document = json.loads(padded[: out_len.value].decode("utf-8"))
    return document if document.get("v") in (1, 2) else None


def supersedes(newer, older):
    # SYNC.md §7: same device and a later clock, or the writer had seen the older version.
    if newer["device"] == older["device"]:
        return int(newer["hlc"], 16) > int(older["hlc"], 16)
    seen = newer.get("context", {}).get(older["device"])
    return seen is not None and int(seen, 16) >= int(older["hlc"], 16)


def main():
    if len(sys.argv) != 3:
        fail("usage: read-sync-folder.py DIR PASSPHRASE_FILE")
    folder, passphrase_file = sys.argv[1], sys.argv[2]
    raw = open(passphrase_file, "rb").read().split(b"\n")[0].rstrip(b"\r")
    passphrase = unicodedata.normalize("NFC", raw.decode("utf-8")).encode("utf-8")
    folder_id, key_id, key = folder_key(folder, passphrase)

    versions, refused = {}, []
    data_dir = os.path.join(folder, "data")
    for shard in sorted(os.listdir(data_dir)):
        shard_dir = os.path.join(data_dir, shard)
        if len(shard) != 2 or not os.path.isdir(shard_dir):
            continue
        for name in sorted(os.listdir(shard_dir)):
            if not is_name(name) or not name.startswith(shard):
                continue  # sync tools' copies and temporary files
            data = open(os.path.join(shard_dir, name), "rb").read()
            if content_name(data) != name:
                continue  # still being copied
            document = open_change_file(data, folder_id, key_id, key)
            if document is None:
                refused.append(name)
                continue
            for entry in document["entries"]:
                # v 2 leaves out an entry's id when a version carries the entry, and a
                # version's device when it is the file's author (SYNC.md §4).
                entry_id = entry.get("id") or next(
                    v["entry"]["id"] for v in entry["versions"] if "entry" in v)
                for version in entry["versions"]:
                    version.setdefault("device", document["author"])
                    stamp = (version["device"], version["hlc"])
                    versions.setdefault(entry_id, {})[stamp] = version

    entries, conflicts, deleted = [], [], []
    for entry_id, known in sorted(versions.items()):
        heads = [v for v in known.values()
                 if not any(supersedes(w, v) for w in known.values() if w is not v)]
        heads.sort(key=lambda v: (int(v["hlc"], 16), int(v["device"], 16)), reverse=True)
        if len(heads) > 1:
            conflicts.append(entry_id)
        if heads[0].get("deleted"):
            deleted.append(entry_id)
        else:
            entries.append(heads[0]["entry"])
    entries.sort(key=lambda e: (e["at"]["unix"], e["id"]))
    json.dump({"entries": entries, "conflicts": conflicts, "deleted": deleted,
               "refused": refused}, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
