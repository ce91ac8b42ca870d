internal import CSodium

/// Anonymous sealed boxes (`crypto_box_seal`: X25519 and XSalsa20-Poly1305): anyone holding
/// the public key can seal, only the secret key opens. Quick capture seals inbox rows this way.
public enum SealedBox {
  /// Public and secret keys are 32 bytes.
  public static let keyBytes = Int(crypto_box_publickeybytes())
  /// What sealing adds: an ephemeral public key and a tag, 48 bytes.
  public static let overheadBytes = Int(crypto_box_sealbytes())

  /// The public key of a 32-byte secret key (`crypto_scalarmult_base`).
  public static func publicKey(of secretKey: SecureBytes) throws(CryptoError) -> [UInt8] {
    guard secretKey.count == keyBytes else { throw CryptoError(.invalidKey) }
    var publicKey = [UInt8](repeating: 0, count: keyBytes)
    guard crypto_scalarmult_base(&publicKey, secretKey.bytes) == 0 else {
      throw CryptoError(.invalidKey)
    }
    return publicKey
  }

  /// Seals `plaintext` to `publicKey`.
  public static func seal(_ plaintext: [UInt8], to publicKey: [UInt8]) throws(CryptoError)
    -> [UInt8]
  {
    guard publicKey.count == keyBytes else { throw CryptoError(.invalidKey) }
    var sealed = [UInt8](repeating: 0, count: plaintext.count + overheadBytes)
    guard crypto_box_seal(&sealed, plaintext, UInt64(plaintext.count), publicKey) == 0 else {
      throw CryptoError(.invalidKey)
    }
    return sealed
  }

  /// Opens a sealed box; nil when it was not sealed to this key pair, or was changed.
  public static func open(_ sealed: [UInt8], publicKey: [UInt8], secretKey: SecureBytes)
    -> [UInt8]?
  {
    guard sealed.count >= overheadBytes, publicKey.count == keyBytes,
      secretKey.count == keyBytes
    else { return nil }
    var plaintext = [UInt8](repeating: 0, count: sealed.count - overheadBytes)
    let result = crypto_box_seal_open(
      &plaintext, sealed, UInt64(sealed.count), publicKey, secretKey.bytes)
    return result == 0 ? plaintext : nil
  }
}
