import CSodium
import SottoModel

/// Decrypts and checks records in bulk, one opener per worker thread.
///
/// Each opener owns its buffers and its copy of the associated-data prefix, so workers share no
/// reference-counted object in the loop: two threads retaining the same array on every record
/// spend more time fighting over its reference count than decrypting.
struct RecordOpener {
  private var associatedData: [UInt8]
  private let prefixLength: Int
  private var plaintext: [UInt8] = []
  private var digestInput: [UInt8] = []
  private let key: UnsafePointer<UInt8>

  /// - Parameter key: the record key; it must outlive the opener.
  init(header: JournalHeader, key: SecureBytes) {
    // The associated data is the record layout with the id and revision left out.
    let full = header.recordAssociatedData(id: [UInt8](repeating: 0, count: 16), revision: 0)
    prefixLength = full.count - 24
    associatedData = Array(full.prefix(prefixLength))
    associatedData.reserveCapacity(full.count)
    self.key = UnsafePointer(key.bytePointer)
  }

  /// The record's digest as the manifest stores it.
  mutating func digest(nonce: [UInt8], ciphertext: [UInt8]) -> [UInt8] {
    digestInput.removeAll(keepingCapacity: true)
    digestInput.append(contentsOf: nonce)
    digestInput.append(contentsOf: ciphertext)
    var out = [UInt8](repeating: 0, count: Manifest.digestBytes)
    crypto_generichash(&out, out.count, digestInput, UInt64(digestInput.count), nil, 0)
    return out
  }

  /// Decrypts, unpads and decodes one record; `nil` when any step fails.
  mutating func open(id: [UInt8], revision: UInt64, nonce: [UInt8], ciphertext: [UInt8]) -> Entry? {
    guard id.count == 16, nonce.count == Vault.nonceBytes, ciphertext.count >= Vault.tagBytes
    else { return nil }
    associatedData.removeSubrange(prefixLength...)
    associatedData.append(contentsOf: id)
    for shift in stride(from: 56, through: 0, by: -8) {
      associatedData.append(UInt8(truncatingIfNeeded: revision >> UInt64(shift)))
    }
    let length = ciphertext.count - Vault.tagBytes
    if plaintext.count < max(length, 1) {
      plaintext = [UInt8](repeating: 0, count: max(length, 1))
    }
    var written: UInt64 = 0
    let result = plaintext.withUnsafeMutableBufferPointer { buffer in
      crypto_aead_xchacha20poly1305_ietf_decrypt(
        buffer.baseAddress, &written, nil, ciphertext, UInt64(ciphertext.count),
        associatedData, UInt64(associatedData.count), nonce, key)
    }
    guard result == 0, written > 0 else { return nil }
    var unpadded = 0
    let unpadResult = plaintext.withUnsafeBufferPointer {
      sodium_unpad(&unpadded, $0.baseAddress!, Int(written), Vault.paddingBlock)
    }
    guard unpadResult == 0,
      let entry = RecordCodec.decode(json: plaintext, count: unpadded), entry.id.bytes == id
    else { return nil }
    return entry
  }
}
