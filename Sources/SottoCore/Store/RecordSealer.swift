import CSodium
import SottoModel

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
  private let key: UnsafePointer<UInt8>
  private static let noncesPerDraw = 64

  /// - Parameter key: the record key; it must outlive the sealer.
  init(header: JournalHeader, key: SecureBytes) {
    associatedData = header.recordAssociatedDataPrefix
    prefixLength = associatedData.count
    associatedData.reserveCapacity(prefixLength + 24)
    self.key = UnsafePointer(key.bytePointer)
  }

  /// Appends the next unused nonce of the pool to `output`.
  private mutating func appendNonce(to output: inout [UInt8]) {
    if noncesUsed == Self.noncesPerDraw {
      nonces.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
      noncesUsed = 0
    }
    let start = noncesUsed * Vault.nonceBytes
    noncesUsed += 1
    // Each nonce is used once: the pool is never read twice at the same place.
    output.append(contentsOf: nonces[start..<start + Vault.nonceBytes])
  }

  /// Seals `entry` as revision `revision`, with a fresh random nonce.
  mutating func seal(_ entry: Entry, revision: UInt64) -> SealedRecord {
    var row: [UInt8] = []
    let digest = seal(entry, revision: revision, appendingTo: &row)
    return SealedRecord(
      nonce: Array(row[..<Vault.nonceBytes]), ciphertext: Array(row[Vault.nonceBytes...]),
      digest: digest)
  }

  /// Seals `entry` as revision `revision` with a fresh random nonce, appending the nonce and
  /// then the ciphertext to `output` (a chunk of rows in one buffer); returns the digest of the
  /// two, which the manifest keeps.
  mutating func seal(
    _ entry: Entry, revision: UInt64, appendingTo output: inout [UInt8]
  ) -> RecordDigest {
    RecordCodec.encodeUnpadded(entry, into: &writer)
    Sodium.pad(writer.bytes, block: Vault.paddingBlock, into: &padded)
    let paddedCount = padded.count
    associatedData.removeSubrange(prefixLength...)
    entry.id.withUnsafeBytes { associatedData.append(contentsOf: $0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      associatedData.append(UInt8(truncatingIfNeeded: revision >> UInt64(shift)))
    }
    let start = output.count
    appendNonce(to: &output)
    output.append(contentsOf: repeatElement(0, count: paddedCount + Vault.tagBytes))
    return output.withUnsafeMutableBufferPointer { buffer in
      let row = UnsafeMutableBufferPointer(rebasing: buffer[start...])
      let nonce = UnsafePointer(row.baseAddress!)
      var length: UInt64 = 0
      let result = crypto_aead_xchacha20poly1305_ietf_encrypt(
        row.baseAddress! + Vault.nonceBytes, &length, padded, UInt64(paddedCount),
        associatedData, UInt64(associatedData.count), nil, nonce, key)
      precondition(result == 0, "XChaCha20-Poly1305 encryption cannot fail")
      return Manifest.recordDigest(UnsafeBufferPointer(row))
    }
  }
}
