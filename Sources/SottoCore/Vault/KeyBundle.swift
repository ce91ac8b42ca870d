import CSodium

/// The random keys a journal's passphrase unlocks: the record key and the inbox key pair.
///
/// Wrapped (encrypted) in the header under the key derived from the passphrase. Changing the
/// passphrase draws a new bundle, so an old copy of the envelope cannot open new records.
/// - Warning: holds secrets in ``SecureBytes``; never copy them out.
final class KeyBundle: Sendable {
  /// The size of the wrapped plaintext: record key, then inbox secret key.
  static let byteCount = 64

  /// Encrypts records and the manifest (XChaCha20-Poly1305, 32 bytes).
  let recordKey: SecureBytes
  /// Opens quick-capture inbox entries (X25519, 32 bytes).
  let inboxSecretKey: SecureBytes
  /// Anyone may seal inbox entries to this key; stored in plaintext in the header.
  let inboxPublicKey: [UInt8]

  private init(recordKey: SecureBytes, inboxSecretKey: SecureBytes) throws(SottoError) {
    self.recordKey = recordKey
    self.inboxSecretKey = inboxSecretKey
    var publicKey = [UInt8](repeating: 0, count: Int(crypto_box_publickeybytes()))
    let result = inboxSecretKey.withUnsafeBytes { secret in
      crypto_scalarmult_base(&publicKey, secret.bindMemory(to: UInt8.self).baseAddress!)
    }
    guard result == 0 else {
      throw SottoError(.crypto, "The inbox key could not be derived. Nothing was written.")
    }
    self.inboxPublicKey = publicKey
  }

  /// Draws a fresh bundle from the secure random source.
  static func generate() throws(SottoError) -> KeyBundle {
    try KeyBundle(
      recordKey: .random(count: Vault.keyBytes), inboxSecretKey: .random(count: Vault.keyBytes))
  }

  /// Rebuilds a bundle from its 64 unwrapped bytes.
  static func from(unwrapped bytes: SecureBytes) throws(SottoError) -> KeyBundle {
    guard bytes.count == byteCount else {
      throw .notAJournal("key bundle has the wrong size")
    }
    let record = try SecureBytes(count: Vault.keyBytes)
    let inbox = try SecureBytes(count: Vault.keyBytes)
    bytes.withUnsafeBytes { source in
      record.withUnsafeMutableBytes {
        $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<32]))
      }
      inbox.withUnsafeMutableBytes {
        $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[32..<64]))
      }
    }
    return try KeyBundle(recordKey: record, inboxSecretKey: inbox)
  }

  /// The 64 bytes to wrap, in secure memory.
  func serialized() throws(SottoError) -> SecureBytes {
    let out = try SecureBytes(count: Self.byteCount)
    out.withUnsafeMutableBytes { target in
      recordKey.withUnsafeBytes {
        UnsafeMutableRawBufferPointer(rebasing: target[0..<32]).copyMemory(from: $0)
      }
      inboxSecretKey.withUnsafeBytes {
        UnsafeMutableRawBufferPointer(rebasing: target[32..<64]).copyMemory(from: $0)
      }
    }
    return out
  }
}
