#!/usr/bin/env python3
"""Reads a Sotto journal with only Docs/FORMAT.md, the passphrase and libsodium.

An independent reader: no Sotto code, just Python's sqlite3 and libsodium through ctypes. It
proves the published format is enough to get your data out, and CI runs it against a journal
written by the `sotto` binary.

Reads format 2 (Sotto 0.2 and later) and format 1 (Sotto 0.1), without the manifest checks.

Usage: read-journal.py JOURNAL PASSPHRASE_FILE   -> prints the entries as a JSON array
"""
import ctypes
import ctypes.util
import json
import sqlite3
import struct
import sys
import unicodedata

sodium = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
if sodium.sodium_init() < 0:
    sys.exit("libsodium failed to start")

APPLICATION_ID = 0x536F7474
FORMAT_VERSION = 2


def fail(message):
    sys.exit("read-journal: " + message)


def aead_open(ciphertext, ad, nonce, key):
    out = ctypes.create_string_buffer(max(len(ciphertext) - 16, 1))
    out_len = ctypes.c_ulonglong(0)
    rc = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        out, ctypes.byref(out_len), None, ciphertext, ctypes.c_ulonglong(len(ciphertext)),
        ad, ctypes.c_ulonglong(len(ad)), nonce, key)
    return None if rc != 0 else out.raw[: out_len.value]


def unpad(data, block=None):
    # Format 2 pads to a size class (512 * 2^k, the whole plaintext); format 1 to 256-byte
    # blocks. Either way the plaintext is followed by 0x80 and zeros.
    block = block or len(data)
    out_len = ctypes.c_size_t(0)
    if sodium.sodium_unpad(ctypes.byref(out_len), data, ctypes.c_size_t(len(data)),
                           ctypes.c_size_t(block)) != 0:
        return None
    return data[: out_len.value]


def main():
    if len(sys.argv) != 3:
        fail("usage: read-journal.py JOURNAL PASSPHRASE_FILE")
    path, passphrase_file = sys.argv[1], sys.argv[2]
    db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        fail("not a Sotto journal")
    if db.execute("PRAGMA user_version").fetchone()[0] > FORMAT_VERSION:
        fail("written by a newer Sotto")
    (magic, version, journal_id, alg, ops, mem, salt, env_nonce, envelope, inbox_pk,
     quick) = db.execute(
        "SELECT magic, format_version, journal_id, kdf_algorithm, kdf_opslimit, kdf_memlimit, "
        "kdf_salt, envelope_nonce, envelope, inbox_public_key, quick_capture FROM header").fetchone()
    if magic != "sotto-journal" or alg != 2 or not (1 <= ops <= 6) or not (8192 <= mem <= 1 << 30):
        fail("header out of bounds")

    raw = open(passphrase_file, "rb").read().split(b"\n")[0].rstrip(b"\r")
    passphrase = unicodedata.normalize("NFC", raw.decode("utf-8")).encode("utf-8")
    kek = ctypes.create_string_buffer(32)
    if sodium.crypto_pwhash(kek, ctypes.c_ulonglong(32), passphrase,
                            ctypes.c_ulonglong(len(passphrase)), salt, ctypes.c_ulonglong(ops),
                            ctypes.c_size_t(mem), ctypes.c_int(alg)) != 0:
        fail("key derivation failed (out of memory?)")

    envelope_ad = (b"sotto-envelope" + struct.pack(">I", version) + journal_id
                   + struct.pack(">IQQ", alg, ops, mem) + salt + inbox_pk + bytes([quick]))
    bundle = aead_open(envelope, envelope_ad, env_nonce, kek.raw)
    if bundle is None:
        fail("the passphrase does not open this journal")
    record_key, inbox_sk = bundle[:32], bundle[32:64]
    derived_pk = ctypes.create_string_buffer(32)
    sodium.crypto_scalarmult_base(derived_pk, inbox_sk)
    if derived_pk.raw != inbox_pk:
        fail("the inbox key does not match the bundle")

    entries, damaged = [], []
    if version == 1:
        rows = db.execute("SELECT id, revision, nonce, ciphertext FROM records")
    else:
        rows = db.execute("SELECT id, tag, nonce, ciphertext FROM records")
    for rid, bound, nonce, ciphertext in rows:
        # Format 1 bound a revision number (u64); format 2 binds the row's 16-byte random tag.
        suffix = struct.pack(">Q", bound) if version == 1 else bound
        ad = b"sotto-record" + struct.pack(">I", version) + journal_id + rid + suffix
        padded = aead_open(ciphertext, ad, nonce, record_key)
        if padded is not None and version == 2:
            size = len(padded)
            if size < 512 or size % 512 or (size // 512) & (size // 512 - 1):
                padded = None
        plain = unpad(padded, 256 if version == 1 else None) if padded is not None else None
        if plain is None:
            damaged.append(rid.hex())
            continue
        document = json.loads(plain.decode("utf-8"))
        if version == 1:
            entry = document["entry"] if document.get("v") == 1 else None
        else:
            versions = document.get("versions") if document.get("v") == 2 else None
            if not versions:
                damaged.append(rid.hex())
                continue
            # The first version is the one shown; a tombstone is a deleted entry.
            if versions[0].get("deleted"):
                continue
            entry = versions[0].get("entry")
        if entry is None or entry["id"] != rid.hex():
            damaged.append(rid.hex())
            continue
        entries.append(entry)

    # Quick-capture entries not yet moved in: sealed boxes to the inbox key.
    for rid, sealed in db.execute("SELECT id, sealed FROM inbox"):
        out = ctypes.create_string_buffer(max(len(sealed) - 48, 1))
        if sodium.crypto_box_seal_open(out, sealed, ctypes.c_ulonglong(len(sealed)), inbox_pk,
                                       inbox_sk) != 0:
            damaged.append(rid.hex())
            continue
        plain = unpad(out.raw[: len(sealed) - 48])
        entries.append(json.loads(plain.decode("utf-8"))["entry"])

    entries.sort(key=lambda e: (e["at"]["unix"], e["id"]))
    json.dump(entries, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    print()
    if damaged:
        print("damaged records: " + ", ".join(damaged), file=sys.stderr)
        sys.exit(6)


if __name__ == "__main__":
    main()
