import SottoCrypto

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
    do {
      self.inboxPublicKey = try SealedBox.publicKey(of: inboxSecretKey)
    } catch {
      throw SottoError(.crypto, "The inbox key could not be derived. Nothing was written.")
    }
  }

  /// Draws a fresh bundle from the secure random source.
  static func generate() throws(SottoError) -> KeyBundle {
    let keys = try Sodium.mapped { () throws(CryptoError) in
      (try SecureBytes.random(count: Vault.keyBytes), try SecureBytes.random(count: Vault.keyBytes))
    }
    return try KeyBundle(recordKey: keys.0, inboxSecretKey: keys.1)
  }

  /// Rebuilds a bundle from its 64 unwrapped bytes.
  static func from(unwrapped bytes: SecureBytes) throws(SottoError) -> KeyBundle {
    guard bytes.count == byteCount else {
      throw .notAJournal("key bundle has the wrong size")
    }
    func part(_ range: Range<Int>) throws(SottoError) -> SecureBytes {
      try Sodium.mapped { () throws(CryptoError) in try bytes.part(range) }
    }
    return try KeyBundle(recordKey: part(0..<32), inboxSecretKey: part(32..<64))
  }

  /// The 64 bytes to wrap, in secure memory.
  func serialized() throws(SottoError) -> SecureBytes {
    try Sodium.mapped { () throws(CryptoError) in
      try SecureBytes.joining([recordKey, inboxSecretKey])
    }
  }
}
