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

  /// Seals `plaintext` under `key` with `nonce`, appending the ciphertext and its tag
  /// (``tagBytes`` more than the plaintext) to `output`.
  ///
  /// - Precondition: `nonce` is ``nonceBytes`` long and `key` ``keyBytes`` long.
  public static func seal(
    _ plaintext: Span<UInt8>, nonce: Span<UInt8>, associatedData: Span<UInt8>, key: SecureBytes,
    appendingTo output: inout [UInt8]
  ) {
    plaintext.withUnsafeBytes { plaintext in
      encrypt(plaintext, nonce: nonce, associatedData: associatedData, key: key, to: &output)
    }
  }

  /// Seals `plaintext` under `key` with `nonce`: the ciphertext followed by its tag.
  ///
  /// - Precondition: `nonce` is ``nonceBytes`` long and `key` ``keyBytes`` long.
  public static func seal(
    _ plaintext: [UInt8], nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8] {
    var ciphertext: [UInt8] = []
    seal(
      plaintext.span, nonce: nonce.span, associatedData: associatedData.span, key: key,
      appendingTo: &ciphertext)
    return ciphertext
  }

  /// Seals a secret held in secure memory (a key to wrap), as ``seal(_:nonce:associatedData:key:)``
  /// seals bytes; the plaintext never leaves secure memory.
  public static func seal(
    secret: SecureBytes, nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8] {
    var ciphertext: [UInt8] = []
    secret.withUnsafeBytes { plaintext in
      encrypt(
        plaintext, nonce: nonce.span, associatedData: associatedData.span, key: key,
        to: &ciphertext)
    }
    return ciphertext
  }

  /// Appends the sealed `plaintext` to `output`. Safe because every pointer is made here from
  /// a span or array borrowed for the call, and the C function writes exactly
  /// `plaintext.count + tagBytes` bytes, the space appended before the call.
  private static func encrypt(
    _ plaintext: UnsafeRawBufferPointer, nonce: Span<UInt8>, associatedData: Span<UInt8>,
    key: SecureBytes, to output: inout [UInt8]
  ) {
    precondition(nonce.count == nonceBytes && key.count == keyBytes)
    let start = output.count
    output.append(contentsOf: repeatElement(0, count: plaintext.count + tagBytes))
    var length: UInt64 = 0
    let result = output.withUnsafeMutableBufferPointer { output in
      nonce.withUnsafeBufferPointer { nonce in
        associatedData.withUnsafeBufferPointer { associatedData in
          crypto_aead_xchacha20poly1305_ietf_encrypt(
            output.baseAddress! + start, &length,
            plaintext.baseAddress?.assumingMemoryBound(to: UInt8.self), UInt64(plaintext.count),
            associatedData.baseAddress, UInt64(associatedData.count), nil, nonce.baseAddress!,
            key.bytes)
        }
      }
    }
    precondition(result == 0, "XChaCha20-Poly1305 encryption cannot fail")
  }

  /// Opens `ciphertext` (with its tag) into the start of `output`, which grows when it is too
  /// short; returns the plaintext's length, or nil when the key, nonce, bytes or associated
  /// data differ (what `output` holds is then unspecified).
  public static func open(
    _ ciphertext: Span<UInt8>, nonce: Span<UInt8>, associatedData: Span<UInt8>,
    key: SecureBytes, into output: inout [UInt8]
  ) -> Int? {
    guard nonce.count == nonceBytes, key.count == keyBytes, ciphertext.count >= tagBytes
    else { return nil }
    if output.count < max(ciphertext.count - tagBytes, 1) {
      output.append(
        contentsOf: repeatElement(0, count: max(ciphertext.count - tagBytes, 1) - output.count))
    }
    return output.withUnsafeMutableBytes { output in
      decrypt(ciphertext, nonce: nonce, associatedData: associatedData, key: key, into: output)
    }
  }

  /// Opens `ciphertext` into `output`. Safe because `output` holds at least
  /// `ciphertext.count - tagBytes` bytes (checked by every caller) and every other pointer is
  /// made here from a span borrowed for the call.
  private static func decrypt(
    _ ciphertext: Span<UInt8>, nonce: Span<UInt8>, associatedData: Span<UInt8>,
    key: SecureBytes, into output: UnsafeMutableRawBufferPointer
  ) -> Int? {
    guard nonce.count == nonceBytes, key.count == keyBytes, ciphertext.count >= tagBytes,
      output.count >= ciphertext.count - tagBytes, let outputBase = output.baseAddress
    else { return nil }
    var length: UInt64 = 0
    let result = ciphertext.withUnsafeBufferPointer { ciphertext in
      nonce.withUnsafeBufferPointer { nonce in
        associatedData.withUnsafeBufferPointer { associatedData in
          crypto_aead_xchacha20poly1305_ietf_decrypt(
            outputBase.assumingMemoryBound(to: UInt8.self), &length, nil,
            ciphertext.baseAddress!, UInt64(ciphertext.count), associatedData.baseAddress,
            UInt64(associatedData.count), nonce.baseAddress!, key.bytes)
        }
      }
    }
    return result == 0 ? Int(length) : nil
  }

  /// Opens `ciphertext` (with its tag); nil when the key, nonce, bytes or associated data
  /// differ.
  public static func open(
    _ ciphertext: [UInt8], nonce: [UInt8], associatedData: [UInt8], key: SecureBytes
  ) -> [UInt8]? {
    guard ciphertext.count >= tagBytes else { return nil }
    var plaintext = [UInt8](repeating: 0, count: ciphertext.count - tagBytes)
    let length = plaintext.withUnsafeMutableBytes { output in
      decrypt(
        ciphertext.span, nonce: nonce.span, associatedData: associatedData.span, key: key,
        into: output)
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
      opened =
        decrypt(
          ciphertext.span, nonce: nonce.span, associatedData: associatedData.span, key: key,
          into: output) != nil
    }
    return opened ? plaintext : nil
  }
}
