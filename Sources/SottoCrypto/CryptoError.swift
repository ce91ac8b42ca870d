/// A cryptographic operation could not be carried out. Says what failed, never with secret bytes.
///
/// SottoCore turns it into its own error, with the message the person reads.
public struct CryptoError: Error, Sendable, Hashable {
  /// What failed.
  public enum Code: Sendable, Hashable {
    /// `sodium_init` failed: libsodium cannot run on this system.
    case libraryUnavailable
    /// `sodium_malloc` returned nothing: no secure memory left (or the lock limit reached).
    case outOfSecureMemory
    /// Argon2id failed: almost always too little free memory for the settings.
    case keyDerivationFailed
    /// A key was rejected (a sealed box's public key, a key pair that cannot be derived).
    case invalidKey
  }

  /// What failed.
  public var code: Code

  /// Creates an error with `code`.
  public init(_ code: Code) { self.code = code }
}
