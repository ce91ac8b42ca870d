import CPwquality
import CSottoSupport
import SottoCrypto
import Synchronization

/// Judges a new passphrase with libpwquality, the library `passwd` uses, and cracklib's
/// dictionary: a maintained judgement of words, patterns, repeats and sequences, instead of a
/// list of our own.
///
/// Settings are Sotto's, not the system's login policy (`/etc/security/pwquality.conf` is not
/// read: an administrator's choice for logins is not a journal's): at least 12 characters,
/// no more than 3 of one character in a row, no sequence longer than 4 ("abcde", "12345"),
/// the dictionary check, and libpwquality's score of at least 50 (of 100).
enum PassphraseStrength {
  static let options = ["minlen=12", "maxrepeat=3", "maxsequence=4", "dictcheck=1"]
  static let minimumScore: Int32 = 50

  /// One check at a time: libpwquality and cracklib keep state that is not safe to share.
  private static let lock = Mutex(())

  /// What would make a passphrase strong, said with every refusal.
  static let advice =
    "A strong passphrase is long (at least 12 characters, better 16 or more) and is not a word, "
    + "a name or a pattern: four or five unrelated words (like \"lamp orbit cactus violin\") "
    + "work well."

  /// Throws ``SottoError/Code/weakPassphrase`` with the reason and the advice when `secret`
  /// is too easy to guess, or when the dictionary cannot be loaded to judge it.
  /// - Warning: the passphrase is handed to libpwquality in a NUL-terminated copy in secure
  ///   memory; libpwquality wipes its own copies, cracklib's stack buffers are beyond reach.
  static func check(_ secret: SecureBytes) throws(SottoError) {
    let terminated = try Sodium.mapped { () throws(CryptoError) in try secret.nulTerminated() }
    let (score, message) = lock.withLock { _ in
      defer { sotto_scrub_stack() }  // cracklib copies the passphrase to its stack buffers
      return CCalls.pwqualityCheck(terminated, options: options)
    }
    if score >= minimumScore { return }
    if message.contains("error loading dictionary") {
      throw SottoError(
        .weakPassphrase,
        "Sotto could not load cracklib's dictionary to judge the new passphrase (install "
          + "Debian's cracklib-runtime). Nothing was written.")
    }
    let reason =
      score < 0 ? message : "it scores \(score) of 100, and Sotto asks for \(minimumScore)"
    throw SottoError(
      .weakPassphrase,
      "That passphrase is too easy to guess (\(reason)). Anyone who copies the journal can "
        + "try guesses offline. \(advice) Nothing was written.")
  }
}
