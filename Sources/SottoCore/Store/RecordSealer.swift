import SottoCrypto
import SottoModel
import SottoStorage

/// Encodes, pads and encrypts records, one sealer per worker thread: the mirror of
/// ``RecordOpener``, and the only place records are sealed (Docs/FORMAT.md §4).
///
/// It keeps its buffers between records and draws nonces from a pool filled 64 at a time: a
/// restore seals 100,000 records, and a call into the kernel's random source for each nonce,
/// plus half a dozen arrays each, cost more than the encryption.
struct RecordSealer {
  private var associatedData: [UInt8]
  private let prefixLength: Int
  private var writer = JSONWriter()
  private var padded: [UInt8] = []
  private var nonces = [UInt8](repeating: 0, count: Vault.nonceBytes * Self.noncesPerDraw)
  private var noncesUsed = Self.noncesPerDraw
  /// Held, not pointed at: the sealer keeps the key alive as long as it needs it.
  private let key: SecureBytes
  private static let noncesPerDraw = 64

  init(header: JournalHeader, key: SecureBytes) {
    associatedData = header.recordAssociatedDataPrefix
    prefixLength = associatedData.count
    associatedData.reserveCapacity(prefixLength + 32)
    self.key = key
  }

  /// Appends the next unused nonce of the pool to `output`.
  private mutating func appendNonce(to output: inout [UInt8]) {
    if noncesUsed == Self.noncesPerDraw {
      SecureRandom.fill(&nonces)
      noncesUsed = 0
    }
    let start = noncesUsed * Vault.nonceBytes
    noncesUsed += 1
    // Each nonce is used once: the pool is never read twice at the same place.
    output.append(contentsOf: nonces[start..<start + Vault.nonceBytes])
  }

  /// A fresh random tag, from the same pool as the nonces.
  mutating func nextTag() -> RecordTag {
    var bytes: [UInt8] = []
    appendNonce(to: &bytes)
    return RecordTag(Array(bytes.prefix(16)))
  }

  /// Seals `version` as the record `id` under a fresh random tag and nonce.
  mutating func seal(_ version: RecordVersion, id: EntryID) -> SealedRecord {
    var row: [UInt8] = []
    let tag = nextTag()
    let digest = seal(version, id: id, tag: tag, appendingTo: &row)
    return SealedRecord(
      nonce: Array(row[..<Vault.nonceBytes]), ciphertext: Array(row[Vault.nonceBytes...]),
      tag: tag, digest: digest)
  }

  /// Seals `version` as the record `id` under `tag` with a fresh random nonce, appending the
  /// nonce and then the ciphertext to `output` (a chunk of rows in one buffer); returns the
  /// digest of the two, which the manifest keeps.
  mutating func seal(
    _ version: RecordVersion, id: EntryID, tag: RecordTag, appendingTo output: inout [UInt8]
  ) -> RecordDigest {
    RecordCodec.encodeUnpadded(version, into: &writer)
    RecordCodec.pad(writer.bytes, into: &padded)
    let paddedCount = padded.count
    associatedData.removeSubrange(prefixLength...)
    id.withUnsafeBytes { associatedData.append(contentsOf: $0) }
    associatedData.append(contentsOf: tag.bytes)
    let start = output.count
    appendNonce(to: &output)
    output.append(contentsOf: repeatElement(0, count: paddedCount + Vault.tagBytes))
    return output.withUnsafeMutableBytes { buffer in
      let row = UnsafeMutableRawBufferPointer(rebasing: buffer[start...])
      padded.withUnsafeBytes { padded in
        associatedData.withUnsafeBytes { associatedData in
          AEAD.seal(
            padded, nonce: UnsafeRawBufferPointer(rebasing: row[..<Vault.nonceBytes]),
            associatedData: associatedData, key: key,
            into: UnsafeMutableRawBufferPointer(rebasing: row[Vault.nonceBytes...]))
        }
      }
      return RecordDigest(digesting: UnsafeBufferPointer(row.bindMemory(to: UInt8.self)))
    }
  }
}
