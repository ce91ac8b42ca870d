import CSodium

/// The cryptography of a journal: key derivation, key wrapping, record sealing, the inbox.
///
/// Every function here is a thin, checked call into libsodium; the byte layouts they take and
/// return are specified in Docs/FORMAT.md.
enum Vault {
  /// XChaCha20-Poly1305 and X25519 keys are 32 bytes.
  static let keyBytes = 32
  /// XChaCha20-Poly1305-IETF nonces are 24 bytes.
  static let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
  /// The Poly1305 tag is 16 bytes.
  static let tagBytes = Int(crypto_aead_xchacha20poly1305_ietf_abytes())
  /// Argon2id salts are 16 bytes.
  static let saltBytes = Int(crypto_pwhash_saltbytes())
  /// Record plaintexts are padded to a multiple of this many bytes so lengths leak little.
  static let paddingBlock = 256
  /// What `crypto_box_seal` adds to a message: an ephemeral public key and a tag.
  static let sealOverheadBytes = Int(crypto_box_sealbytes())

  /// Derives the 32-byte key-encryption key from a passphrase with Argon2id.
  static func deriveKEK(
    passphrase: Passphrase, salt: [UInt8], parameters: KDFParameters
  ) throws(SottoError) -> SecureBytes {
    try parameters.validate()
    guard salt.count == saltBytes else { throw .notAJournal("salt has the wrong size") }
    let key = try SecureBytes(count: keyBytes)
    let result = passphrase.secret.withUnsafeBytes { secret in
      crypto_pwhash(
        key.bytePointer, UInt64(keyBytes),
        secret.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(secret.count),
        salt, parameters.opsLimit, Int(parameters.memLimit), parameters.algorithm)
    }
    guard result == 0 else {
      throw SottoError(
        .crypto,
        "The key could not be derived: the system has too little free memory for this "
          + "journal's key derivation settings. Nothing was written.")
    }
    return key
  }

  /// Encrypts `plaintext` under `key` with a fresh random nonce.
  static func seal(
    _ plaintext: UnsafeRawBufferPointer, key: SecureBytes, associatedData: [UInt8]
  ) -> (nonce: [UInt8], ciphertext: [UInt8]) {
    let nonce = Sodium.randomBytes(nonceBytes)
    var ciphertext = [UInt8](repeating: 0, count: plaintext.count + tagBytes)
    var length: UInt64 = 0
    let message = plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self)
    let result = crypto_aead_xchacha20poly1305_ietf_encrypt(
      &ciphertext, &length, message, UInt64(plaintext.count),
      associatedData, UInt64(associatedData.count), nil, nonce, key.bytePointer)
    precondition(result == 0, "XChaCha20-Poly1305 encryption cannot fail")
    return (nonce, ciphertext)
  }

  /// Encrypts plain bytes under `key` with a fresh random nonce.
  static func seal(
    _ plaintext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) -> (nonce: [UInt8], ciphertext: [UInt8]) {
    plaintext.withUnsafeBytes { seal($0, key: key, associatedData: associatedData) }
  }

  /// Decrypts and authenticates; `nil` when the key, nonce, data or associated data differ.
  static func open(
    nonce: [UInt8], ciphertext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) -> [UInt8]? {
    guard nonce.count == nonceBytes, ciphertext.count >= tagBytes else { return nil }
    var plaintext = [UInt8](repeating: 0, count: ciphertext.count - tagBytes)
    var length: UInt64 = 0
    let result = crypto_aead_xchacha20poly1305_ietf_decrypt(
      &plaintext, &length, nil, ciphertext, UInt64(ciphertext.count),
      associatedData, UInt64(associatedData.count), nonce, key.bytePointer)
    guard result == 0 else { return nil }
    return plaintext
  }

  /// Decrypts into secure memory (for wrapped keys); `nil` when authentication fails.
  static func openSecret(
    nonce: [UInt8], ciphertext: [UInt8], key: SecureBytes, associatedData: [UInt8]
  ) throws(SottoError) -> SecureBytes? {
    guard nonce.count == nonceBytes, ciphertext.count >= tagBytes else { return nil }
    let plaintext = try SecureBytes(count: ciphertext.count - tagBytes)
    var length: UInt64 = 0
    let result = crypto_aead_xchacha20poly1305_ietf_decrypt(
      plaintext.bytePointer, &length, nil, ciphertext, UInt64(ciphertext.count),
      associatedData, UInt64(associatedData.count), nonce, key.bytePointer)
    return result == 0 ? plaintext : nil
  }

  /// Seals `plaintext` to an inbox public key: anyone can do this, only the secret key opens it.
  static func sealToInbox(_ plaintext: [UInt8], publicKey: [UInt8]) throws(SottoError) -> [UInt8] {
    guard publicKey.count == Int(crypto_box_publickeybytes()) else {
      throw .notAJournal("inbox key has the wrong size")
    }
    var sealed = [UInt8](repeating: 0, count: plaintext.count + Int(crypto_box_sealbytes()))
    let result = crypto_box_seal(&sealed, plaintext, UInt64(plaintext.count), publicKey)
    guard result == 0 else {
      throw SottoError(.crypto, "The entry could not be sealed. Nothing was written.")
    }
    return sealed
  }

  /// Opens an inbox entry; `nil` when it was not sealed to this key or was changed.
  static func openFromInbox(_ sealed: [UInt8], bundle: KeyBundle) -> [UInt8]? {
    let overhead = Int(crypto_box_sealbytes())
    guard sealed.count >= overhead else { return nil }
    var plaintext = [UInt8](repeating: 0, count: sealed.count - overhead)
    let result = bundle.inboxSecretKey.withUnsafeBytes { secret in
      crypto_box_seal_open(
        &plaintext, sealed, UInt64(sealed.count), bundle.inboxPublicKey,
        secret.bindMemory(to: UInt8.self).baseAddress!)
    }
    return result == 0 ? plaintext : nil
  }
}
