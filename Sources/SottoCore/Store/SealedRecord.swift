import SottoCrypto
import SottoModel

/// An entry encrypted for its row: the nonce and ciphertext the records table holds, and the
/// digest the manifest keeps of them (Docs/FORMAT.md §4 and §5).
struct SealedRecord {
  let nonce: [UInt8]
  let ciphertext: [UInt8]
  let digest: RecordDigest

  init(nonce: [UInt8], ciphertext: [UInt8], digest: RecordDigest) {
    self.nonce = nonce
    self.ciphertext = ciphertext
    self.digest = digest
  }

  /// Encodes, pads and encrypts `entry` for `revision`, with a fresh random nonce.
  init(_ entry: Entry, revision: UInt64, header: JournalHeader, key: SecureBytes) {
    var sealer = RecordSealer(header: header, key: key)
    self = sealer.seal(entry, revision: revision)
  }

  /// What the manifest records of this row.
  func manifestItem(id: [UInt8], revision: UInt64) -> ManifestItem {
    ManifestItem(id: RecordKey(id), revision: revision, digest: digest)
  }
}
