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

  @Test func weakPassphrasesAreRefused() throws {
    for weak in ["short", "password123", "Qwertyuiop"] {
      #expect(throws: SottoError.self) { try Fixtures.passphrase(weak).checkStrength() }
    }
    try Fixtures.passphrase("four unrelated words here").checkStrength()
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
