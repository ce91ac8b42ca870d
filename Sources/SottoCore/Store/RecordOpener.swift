import SottoCrypto
import SottoModel
import SottoStorage

/// Decrypts and checks records in bulk, one opener per worker thread.
///
/// Each opener owns its buffers and its copy of the associated-data prefix, so workers share no
/// reference-counted object in the loop: two threads retaining the same array on every record
/// spend more time fighting over its reference count than decrypting.
struct RecordOpener {
  private var associatedData: [UInt8]
  private let prefixLength: Int
  private var plaintext: [UInt8] = []
  /// Held, not pointed at: the opener keeps the key alive as long as it needs it.
  private let key: SecureBytes

  init(header: JournalHeader, key: SecureBytes) {
    associatedData = header.recordAssociatedDataPrefix
    prefixLength = associatedData.count
    associatedData.reserveCapacity(prefixLength + 32)
    self.key = key
  }

  /// Decrypts, unpads and decodes one record under `tag`; `nil` when any step fails.
  ///
  /// Returns the version shown (the first), a tombstone included, with the others still open.
  /// - Parameter checkingTime: also `nil` for an entry whose time is outside the accepted
  ///   range (older versions accepted any). Only re-keying and re-listing, which carry a record
  ///   over as it is and lay nothing out, pass `false`.
  mutating func open(
    id: Span<UInt8>, tag: RecordTag, nonce: Span<UInt8>, ciphertext: Span<UInt8>,
    checkingTime: Bool = true
  ) -> RecordVersion? {
    guard id.count == 16, nonce.count == Vault.nonceBytes, ciphertext.count >= Vault.tagBytes
    else { return nil }
    associatedData.removeSubrange(prefixLength...)
    for index in id.indices { associatedData.append(id[index]) }
    associatedData.append(contentsOf: tag.bytes)
    // A local reference (no copy: it is not written while held), as `plaintext` is written.
    let associatedData = associatedData
    let opened = AEAD.open(
      ciphertext, nonce: nonce, associatedData: associatedData.span, key: key, into: &plaintext)
    guard let written = opened, written > 0,
      let unpadded = RecordCodec.unpaddedLength(plaintext, count: Int(written)),
      let version = RecordCodec.decodeShown(json: plaintext, count: unpadded)
    else { return nil }
    guard isAcceptable(version.entry, id: id, checkingTime),
      // `others` is empty nearly always (only a sync conflict fills it).
      version.others.allSatisfy({ isAcceptable($0.entry, id: id, checkingTime) })
    else { return nil }
    return version
  }

  /// Whether a version's entry (none for a tombstone) may be returned for the row `id`.
  private func isAcceptable(
    _ entry: Entry?, id: Span<UInt8>, _ checkingTime: Bool
  ) -> Bool {
    guard let entry else { return true }
    // Only Sotto, holding the key, writes records, and it checks every entry on the way in;
    // but versions before the time range accepted any time (an import of year 292 billion),
    // and such a record must read as damaged, not stop a later step that lays it out.
    return entry.id.matches(id) && (!checkingTime || entry.at.isWithinAcceptedRange)
  }

  /// Convenience for single records held in arrays.
  mutating func open(
    id: [UInt8], tag: RecordTag, nonce: [UInt8], ciphertext: [UInt8], checkingTime: Bool = true
  ) -> RecordVersion? {
    open(
      id: id.span, tag: tag, nonce: nonce.span, ciphertext: ciphertext.span,
      checkingTime: checkingTime)
  }

  /// Opens and digests the rows `range` of `batch`: each row's digest, what it held and, with
  /// `keepingVersions`, its versions (a row that fails with the time checked is opened again
  /// without, to tell an old record from a damaged one). `each` makes what is returned of a row
  /// from that, the version opened with the time checked (`nil` when none) and the row's key.
  ///
  /// The rows are reached through spans of `batch`'s storage, borrowed for this call: a slice
  /// per row would retain the buffer three times a record, and two workers doing so fight
  /// over its reference count.
  mutating func open<T>(
    _ batch: RecordRows, rows range: Range<Int>, keepingVersions: Bool,
    _ each: (UnlockedJournal.OpenedRecord, RecordVersion?, RecordKey) -> T
  ) -> [T] {
    range.map { index in
      let storage = batch.storage.span
      let row = batch.rows[index]
      let id = storage.extracting(row.id)
      let nonce = storage.extracting(row.nonce)
      let ciphertext = storage.extracting(row.ciphertext)
      let digest = RecordDigest(
        digesting: storage.extracting(row.nonce.lowerBound..<row.ciphertext.upperBound))
      var opened = UnlockedJournal.OpenedRecord(digest: digest)
      let shown = open(id: id, tag: row.tag, nonce: nonce, ciphertext: ciphertext)
      if let shown {
        opened.outcome = shown.entry == nil ? .deleted : .entry
        if keepingVersions { opened.version = shown }
      } else if let version = open(
        id: id, tag: row.tag, nonce: nonce, ciphertext: ciphertext, checkingTime: false)
      {
        opened.outcome = .outOfRange
        if keepingVersions { opened.version = version }
      } else {
        opened.outcome = .undecryptable
      }
      return each(opened, shown, row.key)
    }
  }
}

extension RecordDigest {
  /// The digest kept of a record (Docs/FORMAT.md §5): BLAKE2b-128 of `row`, its nonce followed
  /// by its ciphertext, as they lie side by side in a batch read or sealed in bulk, digested
  /// where they lie.
  init(digesting row: Span<UInt8>) {
    let (high, low) = BLAKE2b.digest128(row)
    self.init(high: high, low: low)
  }
}
