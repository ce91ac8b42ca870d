internal import CSodium

/// XChaCha20-Poly1305 (IETF), combined mode: the ciphertext followed by its 16-byte tag.
/// Records, the manifest and the key envelope are sealed with it (Docs/FORMAT.md).
public enum AEAD {
  /// Keys are 32 bytes.
  public static let keyBytes = Int(crypto_aead_xchacha20poly1305_ietf_keybytes())
  /// Nonces are 24 bytes: random ones never repeat in practice.
  public static let nonceBytes = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
  /// The Poly1305 tag is 16 bytes.
  public static let tagBytes = Int(crypto_aead_xchacha20poly1305_ietf_abytes())

  /// Seals `plaintext` into `output`, which must hold `plaintext.count + tagBytes` bytes.
  ///
  /// - Precondition: `nonce` is ``nonceBytes`` long and `key` ``keyBytes`` long.
  public static func seal(
    _ plaintext: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer,
    associatedData: UnsafeRawBufferPointer, key: SecureBytes,
    into output: UnsafeMutableRawBufferPointer
  ) {
    precondition(nonce.count == nonceBytes && key.count == keyBytes)
    precondition(output.count == plaintext.count + tagBytes)
    var length: UInt64 = 0
    let result = crypto_aead_xchacha20poly1305_ietf_encrypt(
      output.baseAddress!.assumingMemoryBound(to: UInt8.self), &length,
      plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
      associatedData.baseAddress?.assumingMemoryBound(to: UInt8.self),
      UInt64(associatedData.count), nil, nonce.baseAddress!.assumingMemoryBound(to: UInt8.self),
      key.bytes)
    precondition(result == 0, "XChaCha20-Poly1305 encryption cannot fail")
  }

  /// Opens `ciphertext` into `output` (at least `ciphertext.count - tagBytes` bytes); returns
  /// the plaintext's length, or nil when the key, nonce, bytes or associated data differ.
  public static func open(
    _ ciphertext: UnsafeRawBufferPointer, nonce: UnsafeRawBufferPointer,
    associatedData: UnsafeRawBufferPointer, key: SecureBytes,
    into output: UnsafeMutableRawBufferPointer
  ) -> Int? {
    guard nonce.count == nonceBytes, key.count == keyBytes, ciphertext.count >= tagBytes,
      output.count >= ciphertext.count - tagBytes, let outputBase = output.baseAddress
    else { return nil }
    var length: UInt64 = 0
    let result = crypto_aead_xchacha20poly1305_ietf_decrypt(
      outputBase.assumingMemoryBound(to: UInt8.self), &length, nil,
      ciphertext.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(ciphertext.count),
      associatedData.baseAddress?.assumingMemoryBound(to: UInt8.self),
      UInt64(associatedData.count), nonce.baseAddress!.assumingMemoryBound(to: UInt8.self),
      key.bytes)
    return result == 0 ? Int(length) : nil
  }

  /// Seals `plaintext` under `key` with `nonce`: the ciphertext followed by its tag.
  ///
  /// - Precondition: `nonce` is ``nonceBytes`` long and `key` ``keyBytes`` long.
  public static func seal(
    _ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8] {
    plaintext.withUnsafeBytes {
      sealing($0, nonce: nonce, associatedData: associatedData, key: key)
    }
  }

  /// Seals a secret held in secure memory (a key to wrap), as ``seal(_:nonce:associatedData:key:)``
  /// seals bytes; the plaintext never leaves secure memory.
  public static func seal(
    secret: SecureBytes, nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8] {
    secret.withUnsafeBytes { sealing($0, nonce: nonce, associatedData: associatedData, key: key) }
  }

  private static func sealing(
    _ plaintext: UnsafeRawBufferPointer, nonce: [UInt8], associatedData: [UInt8],
    key: SecureBytes
  ) -> [UInt8] {
    var ciphertext = [UInt8](repeating: 0, count: plaintext.count + tagBytes)
    ciphertext.withUnsafeMutableBytes { output in
      nonce.withUnsafeBytes { nonce in
        associatedData.withUnsafeBytes { associatedData in
          seal(plaintext, nonce: nonce, associatedData: associatedData, key: key, into: output)
        }
      }
    }
    return ciphertext
  }

  /// Opens `ciphertext` (with its tag); nil when the key, nonce, bytes or associated data
  /// differ.
  public static func open(
    _ ciphertext: [UInt8], nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8]? {
    guard ciphertext.count >= tagBytes else { return nil }
    var plaintext = [UInt8](repeating: 0, count: ciphertext.count - tagBytes)
    let length = plaintext.withUnsafeMutableBytes { output in
      ciphertext.withUnsafeBytes { ciphertext in
        nonce.withUnsafeBytes { nonce in
          associatedData.withUnsafeBytes { associatedData in
            open(ciphertext, nonce: nonce, associatedData: associatedData, key: key, into: output)
          }
        }
      }
    }
    return length == nil ? nil : plaintext
  }

  /// Opens `ciphertext` straight into secure memory (a wrapped key); nil when it does not open.
  public static func openSecret(
    _ ciphertext: [UInt8], nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) throws(CryptoError) -> SecureBytes? {
    guard ciphertext.count >= tagBytes else { return nil }
    var opened = false
    let plaintext = try SecureBytes(count: ciphertext.count - tagBytes) { output in
      ciphertext.withUnsafeBytes { ciphertext in
        nonce.withUnsafeBytes { nonce in
          associatedData.withUnsafeBytes { associatedData in
            opened =
              open(
                ciphertext, nonce: nonce, associatedData: associatedData, key: key, into: output)
              != nil
          }
        }
      }
    }
    return opened ? plaintext : nil
  }
}
