import SottoCrypto

/// The cryptography of a journal: key derivation, key wrapping, record sealing, the inbox.
///
/// The journal's uses of SottoCrypto, with the checks and error messages of the format; the
/// byte layouts they take and return are specified in Docs/FORMAT.md.
enum Vault {
  /// XChaCha20-Poly1305 and X25519 keys are 32 bytes.
  static let keyBytes = 32
  /// XChaCha20-Poly1305-IETF nonces are 24 bytes.
  static let nonceBytes = AEAD.nonceBytes
  /// The Poly1305 tag is 16 bytes.
  static let tagBytes = AEAD.tagBytes
  /// Argon2id salts are 16 bytes.
  static let saltBytes = PasswordHash.saltBytes
  /// What `crypto_box_seal` adds to a message: an ephemeral public key and a tag.
  static let sealOverheadBytes = SealedBox.overheadBytes

  /// Derives the 32-byte key-encryption key from a passphrase with Argon2id.
  static func deriveKEK(
    passphrase: Passphrase, salt: [UInt8], parameters: KDFParameters
  ) throws(SottoError) -> SecureBytes {
    // The settings are checked against Sotto's bounds before any memory is allocated.
    try parameters.validate()
    guard salt.count == saltBytes else { throw .notAJournal("salt has the wrong size") }
    return try Sodium.mapped { () throws(CryptoError) in
      try PasswordHash.deriveKey(
        byteCount: keyBytes, from: passphrase.secret, salt: salt,
        opsLimit: parameters.opsLimit, memLimit: parameters.memLimit)
    }
  }

  /// Encrypts plain bytes under `key` with a fresh random nonce.
  static func seal(
    _ plaintext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) -> (nonce: [UInt8], ciphertext: [UInt8]) {
    let nonce = SecureRandom.bytes(nonceBytes)
    return (nonce, AEAD.seal(plaintext, nonce: nonce, associatedData: associatedData, key: key))
  }

  /// Encrypts a secret (a key, a bundle of keys) under `key` with a fresh random nonce.
  static func seal(
    secret: SecureBytes, key: SecureBytes, associatedData: [UInt8]
  ) -> (nonce: [UInt8], ciphertext: [UInt8]) {
    let nonce = SecureRandom.bytes(nonceBytes)
    return (
      nonce, AEAD.seal(secret: secret, nonce: nonce, associatedData: associatedData, key: key)
    )
  }

  /// Decrypts and authenticates; `nil` when the key, nonce, data or associated data differ.
  static func open(
    nonce: [UInt8], ciphertext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) -> [UInt8]? {
    guard nonce.count == nonceBytes, ciphertext.count >= tagBytes else { return nil }
    return AEAD.open(ciphertext, nonce: nonce, associatedData: associatedData, key: key)
  }

  /// Decrypts into secure memory (for wrapped keys); `nil` when authentication fails.
  static func openSecret(
    nonce: [UInt8], ciphertext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) throws(SottoError) -> SecureBytes? {
    guard nonce.count == nonceBytes, ciphertext.count >= tagBytes else { return nil }
    return try Sodium.mapped { () throws(CryptoError) in
      try AEAD.openSecret(ciphertext, nonce: nonce, associatedData: associatedData, key: key)
    }
  }

  /// Seals `plaintext` to an inbox public key: anyone can do this, only the secret key opens it.
  static func sealToInbox(_ plaintext: [UInt8], publicKey: [UInt8]) throws(SottoError) -> [UInt8] {
    guard publicKey.count == SealedBox.keyBytes else {
      throw .notAJournal("inbox key has the wrong size")
    }
    do {
      return try SealedBox.seal(plaintext, to: publicKey)
    } catch {
      throw SottoError(.crypto, "The entry could not be sealed. Nothing was written.")
    }
  }

  /// Opens an inbox entry; `nil` when it was not sealed to this key or was changed.
  static func openFromInbox(_ sealed: [UInt8], bundle: KeyBundle) -> [UInt8]? {
    SealedBox.open(sealed, publicKey: bundle.inboxPublicKey, secretKey: bundle.inboxSecretKey)
  }
}
