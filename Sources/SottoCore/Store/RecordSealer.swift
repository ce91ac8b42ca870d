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
  private var padded: [UInt8] = []
  private var digestInput: [UInt8] = []
  private var nonces: [UInt8] = []
  private var noncesUsed = 0
  private let key: UnsafePointer<UInt8>
  private static let noncesPerDraw = 64

  /// - Parameter key: the record key; it must outlive the sealer.
  init(header: JournalHeader, key: SecureBytes) {
    associatedData = header.recordAssociatedDataPrefix
    prefixLength = associatedData.count
    associatedData.reserveCapacity(prefixLength + 24)
    self.key = UnsafePointer(key.bytePointer)
  }

  private mutating func nextNonce() -> [UInt8] {
    if noncesUsed == 0 || noncesUsed == Self.noncesPerDraw {
      nonces = [UInt8](repeating: 0, count: Vault.nonceBytes * Self.noncesPerDraw)
      nonces.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
      noncesUsed = 0
    }
    let start = noncesUsed * Vault.nonceBytes
    noncesUsed += 1
    // Each nonce is used once: the pool is never read twice at the same place.
    return Array(nonces[start..<start + Vault.nonceBytes])
  }

  /// Seals `entry` as revision `revision`, with a fresh random nonce.
  mutating func seal(_ entry: Entry, revision: UInt64) -> SealedRecord {
    Sodium.pad(RecordCodec.encodeUnpadded(entry), block: Vault.paddingBlock, into: &padded)
    let paddedCount = padded.count
    associatedData.removeSubrange(prefixLength...)
    associatedData.append(contentsOf: entry.id.bytes)
    for shift in stride(from: 56, through: 0, by: -8) {
      associatedData.append(UInt8(truncatingIfNeeded: revision >> UInt64(shift)))
    }
    let nonce = nextNonce()
    var ciphertext = [UInt8](repeating: 0, count: paddedCount + Vault.tagBytes)
    var length: UInt64 = 0
    let result = crypto_aead_xchacha20poly1305_ietf_encrypt(
      &ciphertext, &length, padded, UInt64(paddedCount), associatedData,
      UInt64(associatedData.count), nil, nonce, key)
    precondition(result == 0, "XChaCha20-Poly1305 encryption cannot fail")
    digestInput.removeAll(keepingCapacity: true)
    digestInput.append(contentsOf: nonce)
    digestInput.append(contentsOf: ciphertext)
    let digest = digestInput.withUnsafeBufferPointer { RecordOpener.digest($0) }
    return SealedRecord(nonce: nonce, ciphertext: ciphertext, digest: digest)
  }
}
