import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct PassphraseTests {
  @Test func wrongPassphraseIsRejectedWithoutWriting() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let before = folder.fingerprint(of: path)
    do {
      _ = try Journal.open(at: path).unlock(Fixtures.passphrase("not the passphrase"))
      Issue.record("a wrong passphrase unlocked the journal")
    } catch {
      #expect(error.code == .wrongPassphrase)
      #expect(!error.message.contains("not the passphrase"))
    }
    #expect(folder.fingerprint(of: path) == before)
  }

  @Test func passwdReencryptsEverythingAndRefusesTheOldPassphrase() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
    let before = try journal.contents().entries
    let oldRows = try rows(path)

    try journal.changePassphrase(to: Fixtures.passphrase("a brand new passphrase"))

    #expect(throws: SottoError.self) { try Journal.open(at: path).unlock(Fixtures.passphrase()) }
    let reopened = try Journal.open(at: path).unlock(Fixtures.passphrase("a brand new passphrase"))
    let after = try reopened.contents()
    #expect(after.integrity.isClean)
    #expect(after.entries == before)
    // Every record got a new nonce and ciphertext under the new key.
    let newRows = try rows(path)
    for (id, old) in oldRows { #expect(newRows[id] != old) }
  }

  @Test func passphrasesAreNormalisedToNFC() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/journal.db"
    let composed = "caf\u{E9} au lait tous les jours"
    let decomposed = "cafe\u{301} au lait tous les jours"
    _ = try Journal.create(at: path, passphrase: Fixtures.passphrase(composed), kdf: Fixtures.kdf)
    _ = try Journal.open(at: path).unlock(Fixtures.passphrase(decomposed))
  }

  /// The old check was 75 exact strings and accepted every one of these.
  @Test(arguments: [
    "shrt", "password123", "Qwertyuiop", "password12", "Password2024", "99999999", "bbbbbbbb",
    "        ", "hunter22hunter22", "Tr0ub4dor&3", "abcdefghijklmnop", "123456789012",
  ])
  func weakPassphrasesAreRefusedWithWhatWouldBeStrong(weak: String) throws {
    do {
      try Fixtures.passphrase(weak).checkStrength()
      Issue.record("a weak passphrase was accepted")
    } catch {
      #expect(error.code == .weakPassphrase)
      #expect(error.message.contains("at least 12 characters"))
      #expect(error.message.contains("unrelated words"))
      #expect(!error.message.contains(weak.trimmingCharacters(in: .whitespaces)))
    }
  }

  @Test(arguments: [
    "four unrelated words here", "correct horse battery staple", "lamp orbit cactus violin",
  ])
  func passphrasesOfUnrelatedWordsAreAccepted(strong: String) throws {
    try Fixtures.passphrase(strong).checkStrength()
  }

  @Test func passphraseReadingDropsOneLineEndingAndRejectsEmptyOrInvalid() throws {
    #expect(throws: SottoError.self) { try Passphrase(utf8: Array("\n".utf8)) }
    #expect(throws: SottoError.self) { try Passphrase(utf8: [0xFF, 0xFE, 0x41]) }
    let withNewline = try Passphrase(utf8: Array("abc def ghi\r\n".utf8))
    #expect(withNewline.matches(try Passphrase(utf8: Array("abc def ghi".utf8))))
  }

  private func rows(_ path: String) throws -> [Data: Data] {
    var result: [Data: Data] = [:]
    for row in try Fixtures.recordRows(path) {
      result[row["id"]] = (row["nonce"] as Data) + (row["ciphertext"] as Data)
    }
    return result
  }
}
