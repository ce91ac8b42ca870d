import Foundation
import SottoCrypto

/// A passphrase, NFC-normalised, held in secure memory.
///
/// NFC normalisation means "é" typed as one code point or as "e" plus a combining accent opens
/// the same journal.
/// - Warning: never print or log it; it is zeroed when released.
public final class Passphrase: Sendable {
  let secret: SecureBytes

  /// Reads a passphrase from UTF-8 bytes, dropping one trailing line ending.
  ///
  /// - Throws: ``SottoError/Code/passphraseInput`` when the bytes are empty or not UTF-8.
  public init(utf8 bytes: [UInt8]) throws(SottoError) {
    var end = bytes.count
    if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
    if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
    let raw = bytes[..<end]
    guard !raw.isEmpty else {
      throw SottoError(.passphraseInput, "The passphrase is empty. Nothing was written.")
    }
    if raw.allSatisfy({ $0 < 0x80 }) {
      var copy = Array(raw)
      secret = try Sodium.mapped { () throws(CryptoError) in try SecureBytes(consuming: &copy) }
      return
    }
    // Non-ASCII: normalising needs a String; the copy is unavoidable but short-lived.
    guard let text = String(validating: raw, as: UTF8.self) else {
      throw SottoError(
        .passphraseInput, "The passphrase is not valid UTF-8 text. Nothing was written.")
    }
    var normalized = Array(text.precomposedStringWithCanonicalMapping.utf8)
    secret = try Sodium.mapped { () throws(CryptoError) in
      try SecureBytes(consuming: &normalized)
    }
  }

  /// Reads a passphrase from `bytes` like ``init(utf8:)``, then zeroes `bytes`.
  public convenience init(consuming bytes: inout [UInt8]) throws(SottoError) {
    defer { SecureMemory.zero(&bytes) }
    try self.init(utf8: bytes)
  }

  /// Compares two passphrases in constant time.
  public func matches(_ other: Passphrase) -> Bool {
    secret.constantTimeEquals(other.secret)
  }

  /// Refuses a passphrase too weak for a new journal, saying why and what would be strong.
  ///
  /// A journal is only as safe as its passphrase: anyone with the file can try guesses offline,
  /// and dictionaries, names and patterns are the first thing they try. Judged by libpwquality
  /// (``PassphraseStrength``).
  public func checkStrength() throws(SottoError) {
    try PassphraseStrength.check(secret)
  }
}
