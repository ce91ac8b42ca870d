internal import CSodium
internal import CSottoSupport

/// Argon2id v1.3 (`crypto_pwhash`): the key that a passphrase opens.
public enum PasswordHash {
  /// The algorithm identifier libsodium and Docs/FORMAT.md use for Argon2id v1.3.
  public static let argon2id13 = Int32(crypto_pwhash_ALG_ARGON2ID13)
  /// Salts are 16 bytes.
  public static let saltBytes = Int(crypto_pwhash_saltbytes())
  /// The fewest passes libsodium accepts for Argon2id.
  public static let minOpsLimit = UInt64(crypto_pwhash_argon2id_opslimit_min())
  /// The least memory libsodium accepts for Argon2id, in bytes.
  public static let minMemLimit = UInt64(crypto_pwhash_argon2id_memlimit_min())

  /// Derives `byteCount` bytes from `secret` and `salt` into secure memory.
  ///
  /// - Precondition: the caller has checked the limits against its own bounds (a hostile
  ///   file's settings must be refused before this allocates `memLimit` bytes) and `salt` is
  ///   ``saltBytes`` long.
  /// - Throws: ``CryptoError/Code/keyDerivationFailed``, nearly always for want of memory.
  public static func deriveKey(
    byteCount: Int, from secret: SecureBytes, salt: [UInt8], opsLimit: UInt64, memLimit: UInt64
  ) throws(CryptoError) -> SecureBytes {
    precondition(salt.count == saltBytes)
    var result: Int32 = -1
    // Safe: `output` is the new buffer of exactly `byteCount` bytes, the length crypto_pwhash
    // writes, and `secret`'s pointer is borrowed for the call only.
    let key = try SecureBytes(count: byteCount) { output in
      secret.withUnsafeBytes { secret in
        result = crypto_pwhash(
          output.baseAddress!.assumingMemoryBound(to: UInt8.self), UInt64(byteCount),
          secret.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(secret.count), salt,
          opsLimit, Int(memLimit), argon2id13)
        // Before any other call: Argon2id's last blocks (the key) are still in the vector
        // registers, and the next first call into a library would spill them to the stack.
        sotto_clear_vector_registers()
      }
    }
    guard result == 0 else { throw CryptoError(.keyDerivationFailed) }
    return key
  }
}
