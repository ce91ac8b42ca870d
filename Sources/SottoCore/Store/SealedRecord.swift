import SottoCrypto
import SottoModel
import SottoStorage

/// A record encrypted for its row: the nonce, ciphertext and tag the records table holds, and
/// the digest the manifest keeps of them (Docs/FORMAT.md §4 and §5).
struct SealedRecord {
  let nonce: [UInt8]
  let ciphertext: [UInt8]
  let tag: RecordTag
  let digest: RecordDigest

  init(nonce: [UInt8], ciphertext: [UInt8], tag: RecordTag, digest: RecordDigest) {
    self.nonce = nonce
    self.ciphertext = ciphertext
    self.tag = tag
    self.digest = digest
  }

  /// Encodes, pads and encrypts `version` as the record `id`, under a fresh random tag and
  /// nonce.
  init(_ version: RecordVersion, id: EntryID, header: JournalHeader, key: SecureBytes) {
    var sealer = RecordSealer(header: header, key: key)
    self = sealer.seal(version, id: id)
  }

  /// What the manifest records of this row, which holds `version`, and what the time index
  /// lists of it.
  func manifestItem(id: [UInt8], of version: RecordVersion) -> ManifestItem {
    let key = RecordKey(id)
    return ManifestItem(
      id: key, tag: tag, digest: digest, indexed: IndexItem(version, id: key, digest: digest))
  }
}
