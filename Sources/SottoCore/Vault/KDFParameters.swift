import SottoCrypto

/// The Argon2id cost settings stored in a journal's header.
///
/// Named levels follow libsodium's: `interactive` (2 passes, 64 MiB), `moderate` (3 passes,
/// 256 MiB, the default) and `sensitive` (4 passes, 1 GiB).
public struct KDFParameters: Hashable, Sendable {
  /// libsodium's algorithm number; only Argon2id v1.3 (2) is accepted.
  public var algorithm: Int32
  /// Argon2id passes (`opslimit`).
  public var opsLimit: UInt64
  /// Argon2id memory in bytes (`memlimit`).
  public var memLimit: UInt64

  /// Creates parameters; check them with ``validate()`` before use.
  public init(algorithm: Int32 = argon2id, opsLimit: UInt64, memLimit: UInt64) {
    self.algorithm = algorithm
    self.opsLimit = opsLimit
    self.memLimit = memLimit
  }

  /// `crypto_pwhash_ALG_ARGON2ID13`.
  public static let argon2id: Int32 = PasswordHash.argon2id13

  /// 2 passes, 64 MiB: about 0.1 s here.
  public static let interactive = KDFParameters(opsLimit: 2, memLimit: 64 << 20)
  /// 3 passes, 256 MiB: about 0.5 s here; the default.
  public static let moderate = KDFParameters(opsLimit: 3, memLimit: 256 << 20)
  /// 4 passes, 1 GiB: a few seconds.
  public static let sensitive = KDFParameters(opsLimit: 4, memLimit: 1 << 30)
  /// libsodium's minimum (1 pass, 8 KiB). For tests only: it protects nothing.
  public static let insecureMinimumForTesting = KDFParameters(opsLimit: 1, memLimit: 8192)

  /// The named levels people choose from.
  public static let levels: [String: KDFParameters] = [
    "interactive": .interactive, "moderate": .moderate, "sensitive": .sensitive,
  ]

  /// The most passes a journal may ask for: the most Sotto writes (`sensitive`, 4) and a
  /// margin; a hostile header must not make each unlock attempt take minutes.
  public static let maxOpsLimit: UInt64 = 6
  /// The most memory a journal may ask for: what `sensitive` uses (1 GiB), no more, so a
  /// hostile header cannot demand more memory than Sotto itself ever asks for.
  public static let maxMemLimit: UInt64 = 1 << 30

  /// Refuses parameters outside sane bounds before any memory is allocated.
  public func validate() throws(SottoError) {
    guard algorithm == Self.argon2id else {
      throw .notAJournal("unknown key derivation algorithm")
    }
    guard opsLimit >= PasswordHash.minOpsLimit, opsLimit <= Self.maxOpsLimit
    else {
      throw .notAJournal("key derivation passes out of bounds")
    }
    guard memLimit >= PasswordHash.minMemLimit, memLimit <= Self.maxMemLimit
    else {
      throw .notAJournal("key derivation memory out of bounds")
    }
  }
}
