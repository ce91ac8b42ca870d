#!/usr/bin/env python3
"""Reads a Sotto journal with only Docs/FORMAT.md, the passphrase and libsodium.

An independent reader: no Sotto code, just Python's sqlite3 and libsodium through ctypes. It
proves the published format is enough to get your data out, and CI runs it against a journal
written by the `sotto` binary.

Reads format 2 (Sotto 0.2 and later) and format 1 (Sotto 0.1). For format 2 it also makes the
checks FORMAT.md asks of a reader: the manifest (§5) lists exactly the records, by id, tag and
digest, and the time index (§5.1), when there is one, lists exactly the entries, in order.

Usage: read-journal.py JOURNAL PASSPHRASE_FILE   -> prints the entries as a JSON array
Exit status 6, with the findings on stderr, when a record or a check fails.
"""
import ctypes
import hashlib
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
KINDS = {"urge": 1, "use": 2, "goal": 3, "rule": 4}
# Entry times Sotto accepts (EXPORT.md, Entry JSON): 1900-01-01 up to 2200-01-01 UTC, ±14 hours.
ACCEPTED_UNIX = range(-2208988800, 7258118400)
ACCEPTED_OFFSET = range(-50400, 50401)
# The lowest id of an index page: sync's rows of `pages` lie below it (§5.1).
LOWEST_PAGE = bytes(7) + b"\x01" + bytes(8)


def fail(message):
    sys.exit("read-journal: " + message)


def aead_open(ciphertext, ad, nonce, key):
    out = ctypes.create_string_buffer(max(len(ciphertext) - 16, 1))
    out_len = ctypes.c_ulonglong(0)
    rc = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        out, ctypes.byref(out_len), None, ciphertext, ctypes.c_ulonglong(len(ciphertext)),
        ad, ctypes.c_ulonglong(len(ad)), nonce, key)
    return None if rc != 0 else out.raw[: out_len.value]


def digest(data):
    out = ctypes.create_string_buffer(16)
    sodium.crypto_generichash(out, ctypes.c_size_t(16), data, ctypes.c_ulonglong(len(data)),
                              None, ctypes.c_size_t(0))
    return out.raw


def check_manifest(db, journal_id, record_key, records, problems):
    """§5: the head and buckets open and agree; (id, tag, digest) of every row is listed.

    `records` maps each row's id to (tag, record_digest). Returns the head's index_reference."""
    def open_slot(slot, nonce, ciphertext):
        ad = b"sotto-manifest" + struct.pack(">I", FORMAT_VERSION) + journal_id + struct.pack(">I", slot)
        return aead_open(ciphertext, ad, nonce, record_key)

    slots = {slot: (nonce, ct) for slot, nonce, ct in
             db.execute("SELECT slot, nonce, ciphertext FROM manifest")}
    if 0 not in slots:
        problems.append("the manifest head is missing")
        return None
    head = open_slot(0, *slots[0])
    if head is None or len(head) != 5731 or head[0] != 2:
        problems.append("the manifest head does not open")
        return None
    _, _, record_count = struct.unpack(">BQQ", head[:17])
    index_reference = head[547:611]
    listed = {}
    for bucket in range(256):
        count, expected_digest = struct.unpack(">I16s", head[611 + 20 * bucket: 631 + 20 * bucket])
        row = slots.pop(bucket + 1, None)
        if count == 0:
            if row is not None:
                problems.append("manifest bucket %d is listed empty but has a row" % bucket)
            continue
        if row is None or digest(row[0] + row[1]) != expected_digest:
            problems.append("manifest bucket %d is missing or replaced" % bucket)
            continue
        body = open_slot(bucket + 1, *row)
        if body is None or body[0] != 2 or struct.unpack(">I", body[1:5])[0] != count \
                or len(body) != 5 + 48 * count:
            problems.append("manifest bucket %d does not open" % bucket)
            continue
        previous = None
        for n in range(count):
            rid, tag, record_digest = struct.unpack(">16s16s16s", body[5 + 48 * n: 53 + 48 * n])
            if rid[0] != bucket or (previous is not None and rid <= previous):
                problems.append("manifest bucket %d is out of order" % bucket)
            previous = rid
            listed[rid] = (tag, record_digest)
    slots.pop(0)
    if slots:
        problems.append("the manifest has rows of no bucket: %s" % sorted(slots))
    if len(listed) != record_count:
        problems.append("the manifest head counts %d records, its buckets %d"
                        % (record_count, len(listed)))
    for rid in sorted(set(listed) | set(records)):
        if rid not in records:
            problems.append("record %s is missing" % rid.hex())
        elif rid not in listed:
            problems.append("record %s is not in the manifest" % rid.hex())
        elif listed[rid][0] != records[rid][0]:
            problems.append("record %s has another tag than the manifest's" % rid.hex())
        elif listed[rid][1] != records[rid][1]:
            problems.append("record %s differs from the manifest's" % rid.hex())
    return index_reference


def check_index(db, journal_id, record_key, index_reference, expected, problems):
    """§5.1: the root and leaves open and agree with the head; they list exactly `expected`,
    the (unix, id, offset, record_digest, kind, substance tag) of every entry, in order."""
    if index_reference is None or index_reference[0] != 2:
        return  # No index (or a version-1 one): Sotto builds one at the next unlock.
    root_id, root_digest, entries = struct.unpack(">16s16sQ", index_reference[8:48])

    def page(pid, page_digest):
        row = db.execute("SELECT nonce, ciphertext FROM pages WHERE id = ?", (pid,)).fetchone()
        # A page's parent keeps its Poly1305 tag, the ciphertext's last 16 bytes (§5.1).
        if row is None or len(row[1]) < 16 or row[1][-16:] != page_digest:
            return None
        ad = b"sotto-page" + struct.pack(">I", FORMAT_VERSION) + journal_id + pid
        return aead_open(row[1], ad, row[0], record_key)

    root = page(root_id, root_digest)
    if root is None or root[:2] != b"\x02\x01" or len(root) % 8192:
        problems.append("the time index root does not open")
        return
    (n,) = struct.unpack(">I", root[2:6])
    items = []
    total = 0
    for number in range(n):
        first_unix, first_id, leaf_id, leaf_digest, count = struct.unpack(
            ">q16s16s16sI", root[6 + 60 * number: 66 + 60 * number])
        total += count
        leaf = page(leaf_id, leaf_digest)
        if leaf is None or leaf[:2] != b"\x02\x02" or len(leaf) != 32768 \
                or struct.unpack(">H", leaf[2:4])[0] != count:
            problems.append("time index leaf %d does not open" % number)
            return
        leaf_items = []
        for k in range(count):
            unix, offset, rid, record_digest, kind, tag = struct.unpack(
                ">qi16s16sB8s", leaf[4 + 53 * k: 57 + 53 * k])
            leaf_items.append((unix, rid, offset, record_digest, kind, tag))
        if not leaf_items or leaf_items[0][:2] != (first_unix, first_id):
            problems.append("time index leaf %d does not start where the root says" % number)
        items += leaf_items
    if total != entries:
        problems.append("the time index counts %d entries, its leaves %d" % (entries, total))
    keys = [item[:2] for item in items]
    if any(b <= a for a, b in zip(keys, keys[1:])):
        problems.append("the time index is out of order")
    if items != sorted(expected):
        problems.append("the time index does not list exactly the entries")
    (pages,) = db.execute("SELECT count(*) FROM pages WHERE id >= ?", (LOWEST_PAGE,)).fetchone()
    if pages != n + 1:
        problems.append("pages holds %d rows besides sync's, the index %d" % (pages, n + 1))


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
    records, indexable = {}, []
    if version == 1:
        rows = db.execute("SELECT id, revision, nonce, ciphertext FROM records")
    else:
        rows = db.execute("SELECT id, tag, nonce, ciphertext FROM records")
    for rid, bound, nonce, ciphertext in rows:
        # Format 1 bound a revision number (u64); format 2 binds the row's 16-byte random tag.
        suffix = struct.pack(">Q", bound) if version == 1 else bound
        if version == 2:
            records[rid] = (bound, digest(nonce + ciphertext))
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
        if version == 2 and entry["at"]["unix"] in ACCEPTED_UNIX \
                and entry["at"]["offset"] in ACCEPTED_OFFSET:
            # A use's substance tag: the first 8 bytes of the BLAKE2b-128 of its name as written.
            tag = hashlib.blake2b(entry["use"]["substance"].encode("utf-8"), digest_size=16) \
                .digest()[:8] if entry["kind"] == "use" else bytes(8)
            indexable.append((entry["at"]["unix"], rid, entry["at"]["offset"], records[rid][1],
                              KINDS[entry["kind"]], tag))

    problems = []
    if version == 2:
        reference = check_manifest(db, journal_id, record_key, records, problems)
        check_index(db, journal_id, record_key, reference, indexable, problems)

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
    for problem in problems:
        print("check failed: " + problem, file=sys.stderr)
    if damaged or problems:
        sys.exit(6)


if __name__ == "__main__":
    main()
