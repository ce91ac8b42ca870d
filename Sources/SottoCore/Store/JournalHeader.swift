import SottoStorage

/// The plaintext header row: everything needed to derive the key and unwrap the key bundle.
///
/// Byte layouts are specified in Docs/FORMAT.md, "Header" and "Associated data".
struct JournalHeader: Sendable, Equatable {
  /// The on-disk format this code reads and writes. Bump it with every format change.
  static let formatVersion: UInt32 = 2
  /// `PRAGMA application_id`: "Sott" in ASCII, so `file(1)` and Sotto can tell its files apart.
  static let applicationID: Int32 = 0x536F_7474
  /// The `magic` column's value.
  static let magic = "sotto-journal"

  var formatVersion: UInt32
  var journalID: [UInt8]
  var kdf: KDFParameters
  var salt: [UInt8]
  var envelopeNonce: [UInt8]
  var envelope: [UInt8]
  var inboxPublicKey: [UInt8]
  var quickCapture: Bool

  /// Associated data of the key envelope: binds every other header field to the wrapped keys,
  /// so a changed salt, KDF setting, inbox key or quick-capture flag fails to unlock.
  var envelopeAssociatedData: [UInt8] {
    var writer = ByteWriter()
    writer.append("sotto-envelope")
    writer.append(u32: formatVersion)
    writer.append(journalID)
    writer.append(u32: UInt32(bitPattern: kdf.algorithm))
    writer.append(u64: kdf.opsLimit)
    writer.append(u64: kdf.memLimit)
    writer.append(salt)
    writer.append(inboxPublicKey)
    writer.append(u8: quickCapture ? 1 : 0)
    return writer.bytes
  }

  /// Associated data of a record: binds the ciphertext to its journal, id and tag.
  /// ``recordAssociatedData(id:tag:)`` without its last 32 bytes (the id and tag), for bulk
  /// sealing and opening, which append those to one buffer per record.
  var recordAssociatedDataPrefix: [UInt8] {
    Array(
      recordAssociatedData(id: [UInt8](repeating: 0, count: 16), tag: RecordTag(high: 0, low: 0))
        .dropLast(32))
  }

  func recordAssociatedData(id: [UInt8], tag: RecordTag) -> [UInt8] {
    var writer = ByteWriter()
    writer.append("sotto-record")
    writer.append(u32: formatVersion)
    writer.append(journalID)
    writer.append(id)
    writer.append(tag.bytes)
    return writer.bytes
  }

  /// Associated data of a row of `pages` (sync's, the time index's): binds it to this journal
  /// and its id, as records are bound.
  func pageAssociatedData(id: [UInt8]) -> [UInt8] {
    var writer = ByteWriter()
    writer.append("sotto-page")
    writer.append(u32: formatVersion)
    writer.append(journalID)
    writer.append(id)
    return writer.bytes
  }

  /// Format 1's associated data of a record, which bound a revision number instead of a tag;
  /// read only to migrate.
  func format1RecordAssociatedData(id: [UInt8], revision: UInt64) -> [UInt8] {
    var writer = ByteWriter()
    writer.append("sotto-record")
    writer.append(u32: 1)
    writer.append(journalID)
    writer.append(id)
    writer.append(u64: revision)
    return writer.bytes
  }

  /// Associated data of a manifest slot (0 is the head, 1...256 the buckets).
  func manifestAssociatedData(slot: Int) -> [UInt8] {
    var writer = ByteWriter()
    writer.append("sotto-manifest")
    writer.append(u32: formatVersion)
    writer.append(journalID)
    writer.append(u32: UInt32(slot))
    return writer.bytes
  }

  /// Checks sizes and bounds of a header read from a file that may be hostile.
  func validate() throws(SottoError) {
    guard formatVersion <= Self.formatVersion else {
      throw SottoError(
        .newerFormat,
        "This journal was written by a newer version of Sotto (format \(formatVersion); this "
          + "version reads format \(Self.formatVersion)). Update Sotto to open it. Nothing was "
          + "changed.")
    }
    guard formatVersion >= 1 else { throw .notAJournal("unknown format version") }
    guard journalID.count == 16 else { throw .notAJournal("journal id has the wrong size") }
    try kdf.validate()
    guard salt.count == Vault.saltBytes else { throw .notAJournal("salt has the wrong size") }
    guard envelopeNonce.count == Vault.nonceBytes,
      envelope.count == KeyBundle.byteCount + Vault.tagBytes
    else { throw .notAJournal("key envelope has the wrong size") }
    guard inboxPublicKey.count == Vault.keyBytes else {
      throw .notAJournal("inbox key has the wrong size")
    }
  }
}
