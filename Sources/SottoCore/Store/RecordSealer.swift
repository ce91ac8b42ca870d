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

  /// The place in `nonces` of the next unused nonce of the pool.
  private mutating func nextNonce() -> Range<Int> {
    if noncesUsed == Self.noncesPerDraw {
      SecureRandom.fill(&nonces)
      noncesUsed = 0
    }
    let start = noncesUsed * Vault.nonceBytes
    noncesUsed += 1
    // Each nonce is used once: the pool is never read twice at the same place.
    return start..<start + Vault.nonceBytes
  }

  /// A fresh random tag, from the same pool as the nonces.
  mutating func nextTag() -> RecordTag {
    let nonce = nextNonce()
    return RecordTag(Array(nonces[nonce.prefix(16)]))
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
    associatedData.removeSubrange(prefixLength...)
    id.appendBytes(to: &associatedData)
    associatedData.append(contentsOf: tag.bytes)
    let start = output.count
    let nonce = nextNonce()
    output.append(contentsOf: nonces[nonce])
    AEAD.seal(
      padded.span, nonce: nonces.span.extracting(nonce), associatedData: associatedData.span,
      key: key, appendingTo: &output)
    let row = output[start...]
    return RecordDigest(digesting: row.span)
  }
}
